package org.ecgsiglip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.model.predict.Predictor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real interruption: {@code ecg spark score} runs in a child JVM (with the launcher's Java 17
 * flags) and is killed with SIGKILL while its job is half written. The last record's header is a
 * named pipe, so the task that reaches it blocks until the kill, after the other partitions'
 * tasks have committed their part files. Linux (mkfifo).
 */
class InterruptedJobTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledJobLeavesNoOutputAndItsRerunWritesEveryRowOnce() throws Exception {
        Manifest sample = Manifest.read(TestData.sample(), 100);
        Manifest.Entry last = sample.entries().get(128);
        Path stuck = tmp.resolve("stuck").resolve(last.recordId());
        Files.createDirectories(stuck.getParent());
        assertEquals(0, new ProcessBuilder("mkfifo", stuck + ".hea").inheritIO().start().waitFor(), "mkfifo");
        List<String> lines = new ArrayList<>();
        sample.entries().subList(0, 128).forEach(e -> lines.add(e.path()));
        lines.add(stuck.toString());
        Path list = tmp.resolve("list.txt");
        Files.write(list, lines);
        Path out = tmp.resolve("scores.parquet");
        List<String> args = List.of("score", "--model", TinyModel.folder().toString(), "--records", list.toString(),
                "--out", out.toString(), "--master", "local[2]", "--records-per-partition", "64");

        // 3 partitions of one 64-record chunk each; the third blocks on the pipe
        Process child = startChild(args, tmp.resolve("child.log"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (partFiles(tmp) < 2) {
            if (!child.isAlive()) {
                fail("the child ended (exit " + child.exitValue() + ") before it was killed:\n"
                        + Files.readString(tmp.resolve("child.log")));
            }
            if (System.nanoTime() > deadline) {
                child.destroyForcibly();
                fail("no part file after 240 s:\n" + Files.readString(tmp.resolve("child.log")));
            }
            Thread.sleep(100);
        }
        child.destroyForcibly().waitFor();
        assertFalse(Files.exists(out), "a killed job commits nothing");
        assertEquals(2, partFiles(tmp), "two of three tasks had committed when the job was killed");

        // the record becomes readable; the same command again
        Files.delete(Path.of(stuck + ".hea"));
        Files.copy(Path.of(last.path() + ".hea"), Path.of(stuck + ".hea"));
        Files.copy(Path.of(last.path() + ".dat"), Path.of(stuck + ".dat"));
        List<String> again = new ArrayList<>(args);
        again.addAll(List.of("--csv", tmp.resolve("scores.csv").toString()));
        assertEquals(0, SparkCli.execute(again.toArray(new String[0])));

        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(), s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("scores.parquet."))
                    .toList(), "the killed run's temporary folder is gone");
        }
        JsonNode p = new ObjectMapper().readTree(out.resolve("_provenance.json").toFile());
        assertEquals(129, p.at("/counts/rows").asLong());
        assertEquals(129, p.at("/counts/scored").asLong());
        // to-csv refuses a repeated record id, so 129 lines are 129 distinct rows, in manifest order
        ScoreMatrix csv = MatrixCsv.readScores(tmp.resolve("scores.csv"));
        List<Path> paths = new ArrayList<>();
        sample.entries().subList(0, 129).forEach(e -> paths.add(Path.of(e.path())));
        try (Predictor predictor = Predictor.load(TinyModel.folder(), "cpu")) {
            ScoreMatrix reference = predictor.scoreRecords(paths);
            assertEquals(reference.recordIds(), csv.recordIds());
            for (int i = 0; i < reference.records(); i++) {
                for (int k = 0; k < reference.findings(); k++) {
                    assertEquals(reference.score(i, k), csv.score(i, k), 0.0, reference.recordIds().get(i));
                }
            }
        }
    }

    private static Process startChild(List<String> args, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g"));
        cmd.addAll(List.of(System.getProperty("ecg.spark.jvm.flags").trim().split("\\s+")));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SparkCli.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return pb.start();
    }

    /**
     * Part files of committed tasks in the job's temporary folder: Hadoop's file output committer
     * moves a task's files to {@code _temporary/0/task_*} when the task commits.
     */
    private static long partFiles(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().contains("scores.parquet.tmp-") && p.toString().contains("/task_"))
                    .filter(p -> p.getFileName().toString().startsWith("part-") && p.toString().endsWith(".parquet"))
                    .count();
        }
    }
}
