package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.ecgsiglip.io.SmallHeap;
import org.ecgsiglip.model.train.ConfigFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A seeded fuzz test over the command line, in the style of the header mutation test: flags with hostile
 * values, mutated configuration files, mutated score and truth CSVs and mutated model folders, each run
 * through the real {@code ecg} entry point. Every case must end with exit code 0, 1 (a toolkit error:
 * one line "error: ..." naming what was wrong) or 2 (a usage error), and no exception that is not the
 * toolkit's own may reach the user. The whole run happens in a child JVM of {@value #HEAP_MB} MB of heap,
 * so unbounded memory on bad input ends the test with an OutOfMemoryError instead of passing.
 */
class CommandLineFuzzTest {
    static final int HEAP_MB = 256;
    private static final Pattern FOREIGN = Pattern.compile("(java|javax|sun|com\\.fasterxml|ai\\.djl|picocli)\\.[\\w.$]*"
            + "(Exception|Error)\\b");
    private static final String[] HOSTILE = {"", "-1", "0", "NaN", "Infinity", "-Infinity", "1e309", "0x1p-2", "0.5f",
        "1.5", "abc", "none", "null", "true", "1,2,x", ",,", "9999999999999999999999", "-0", "\u00e9\u00e8\u2603",
        "\u0000", "../../etc/passwd", "x".repeat(300), "1".repeat(40), "[1]", "{\"a\":1}"};

    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        Path root = SmallPtbXl.copy(tmp.resolve("ptb-xl"), Map.of(1, 16, 2, 8));
        model = tmp.resolve("model");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("train", "--ptbxl", root.toString(), "--train-folds",
                "1", "--validation-folds", "2", "--test-folds", "", "--epochs", "1", "--batch-size", "8",
                "--embedding-dim", "8", "--text-hidden", "8", "--record-length", "200", "--input-length", "200",
                "--cache-dir", tmp.resolve("cache").toString(), "--out", model.toString(), "-q");
        assertEquals(0, o.exit(), o.err());
    }

    @Test
    void noForeignExceptionAndBoundedMemory() throws Exception {
        SmallHeap.Outcome o = SmallHeap.run(HEAP_MB, CommandLineFuzzTest.class, tmp.toString(), model.toString(), "400");
        assertEquals(0, o.exitCode(), o.output());
        assertEquals("ok", o.type(), o.output());
        assertTrue(o.message().startsWith("400 cases"), o.message());
        System.out.println("command-line fuzz: " + o.message());
    }

    /** The child: runs the cases, fails on the first foreign exception or unexpected exit code. */
    public static void main(String[] args) {
        SmallHeap.report(() -> run(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2])));
    }

    static String run(Path work, Path model, int cases) throws IOException {
        SplittableRandom rng = new SplittableRandom(20261201);
        int[] exits = new int[3];
        for (int c = 0; c < cases; c++) {
            Path dir = Files.createDirectories(work.resolve("case-" + c));
            String[] args = switch (c % 4) {
                case 0 -> hostileFlag(rng, dir);
                case 1 -> mutatedConfig(rng, dir);
                case 2 -> mutatedCsv(rng, dir);
                default -> mutatedModel(rng, dir, model);
            };
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cl = EcgCommand.configure(new CommandLine(new EcgCommand()), false);
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            int exit = cl.execute(args);
            String e = err.toString();
            if (exit < 0 || exit > 2) {
                throw new AssertionError("case " + c + " " + List.of(args) + ": exit " + exit + "\n" + e);
            }
            if (exit == 1 && (!e.startsWith("error: ") || e.contains("--verbose for the stack trace")
                    || FOREIGN.matcher(e).find())) {
                throw new AssertionError("case " + c + " " + List.of(args) + ": not the toolkit's error\n" + e);
            }
            exits[exit]++;
            deleteTree(dir);
        }
        return cases + " cases: " + exits[0] + " ran, " + exits[1] + " refused with a toolkit error, " + exits[2]
                + " usage errors";
    }

    private static String[] hostileFlag(SplittableRandom rng, Path dir) {
        List<String> keys = ConfigFiles.SCHEMA.keys();
        String key = keys.get(rng.nextInt(keys.size()));
        return new String[] {"train", "--ptbxl", dir.resolve("no-such-dataset").toString(), "--" + key,
            HOSTILE[rng.nextInt(HOSTILE.length)], "--out", dir.resolve("run").toString()};
    }

    private static String[] mutatedConfig(SplittableRandom rng, Path dir) throws IOException {
        String json = ConfigFiles.toTree(ConfigFiles.resolve(null, Map.of())).toString();
        Path f = dir.resolve("config.json");
        Files.write(f, mutate(rng, json.getBytes(StandardCharsets.UTF_8)));
        return new String[] {"train", "--config", f.toString(), "--ptbxl", dir.resolve("no-such-dataset").toString(),
            "--out", dir.resolve("run").toString()};
    }

    private static String[] mutatedCsv(SplittableRandom rng, Path dir) throws IOException {
        StringBuilder scores = new StringBuilder("record_id,CD,HYP,MI,NORM,STTC\n");
        StringBuilder truth = new StringBuilder("record_id,CD,HYP,MI,NORM,STTC\n");
        for (int i = 0; i < 20; i++) {
            scores.append("r").append(i);
            truth.append("r").append(i);
            for (int k = 0; k < 5; k++) {
                scores.append(',').append(rng.nextInt(1000) / 1000.0);
                truth.append(',').append(rng.nextInt(2));
            }
            scores.append('\n');
            truth.append('\n');
        }
        Path s = dir.resolve("s.csv");
        Path t = dir.resolve("t.csv");
        boolean mutateScores = rng.nextBoolean();
        Files.write(s, mutateScores ? mutate(rng, scores.toString().getBytes(StandardCharsets.UTF_8))
                : scores.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(t, mutateScores ? truth.toString().getBytes(StandardCharsets.UTF_8)
                : mutate(rng, truth.toString().getBytes(StandardCharsets.UTF_8)));
        return new String[] {"evaluate", "--scores", s.toString(), "--truth", t.toString(), "--out",
            dir.resolve("eval").toString()};
    }

    private static String[] mutatedModel(SplittableRandom rng, Path dir, Path model) throws IOException {
        Path copy = dir.resolve("model");
        List<Path> files = new ArrayList<>();
        try (var walk = Files.walk(model)) {
            for (Path p : walk.toList()) {
                Path q = copy.resolve(model.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                    files.add(q);
                }
            }
        }
        Path victim = files.get(rng.nextInt(files.size()));
        Files.write(victim, mutate(rng, Files.readAllBytes(victim)));
        Path records = model.getParent().resolve("ptb-xl/records100");
        return new String[] {"predict", "--model", copy.toString(), "--records", records.toString(), "--out",
            dir.resolve("s.csv").toString()};
    }

    /** One of: flip bytes, cut the file, repeat a slice, or put a hostile value in place of a number. */
    static byte[] mutate(SplittableRandom rng, byte[] in) {
        if (in.length == 0) {
            return new byte[] {'{'};
        }
        byte[] b = in.clone();
        switch (rng.nextInt(5)) {
            case 0 -> {
                for (int i = 0; i < 1 + rng.nextInt(8); i++) {
                    b[rng.nextInt(b.length)] ^= (byte) (1 + rng.nextInt(255));
                }
                return b;
            }
            case 1 -> {
                return java.util.Arrays.copyOf(b, rng.nextInt(b.length));
            }
            case 2 -> {
                int from = rng.nextInt(b.length);
                int len = Math.min(b.length - from, 1 + rng.nextInt(64));
                byte[] out = new byte[b.length + len * 50];
                System.arraycopy(b, 0, out, 0, from + len);
                for (int r = 1; r <= 50; r++) {
                    System.arraycopy(b, from, out, from + r * len, len);
                }
                System.arraycopy(b, from + len, out, from + 51 * len, b.length - from - len);
                return out;
            }
            case 3 -> {
                String s = new String(b, StandardCharsets.ISO_8859_1);
                return s.replaceFirst("[0-9]+(\\.[0-9]+)?", HOSTILE[rng.nextInt(HOSTILE.length)])
                        .getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                return java.util.Arrays.copyOf(b, b.length + 1 + rng.nextInt(4000));
            }
        }
    }

    private static void deleteTree(Path p) throws IOException {
        try (var walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
