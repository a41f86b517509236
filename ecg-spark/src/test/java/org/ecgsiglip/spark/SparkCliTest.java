package org.ecgsiglip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkCliTest {
    @TempDir
    Path tmp;

    @Test
    void badInputExitsOneWithTheFileAndTheFixAndBadCommandLinesExitTwo() throws Exception {
        Files.createDirectories(tmp.resolve("not-a-run"));
        String[] err = new String[1];
        int code = capture(err, "score", "--model", tmp.resolve("not-a-run").toString(), "--records",
                TestData.cincFixtures().toString(), "--out", tmp.resolve("s.parquet").toString(), "--master", "local[1]");
        assertEquals(1, code);
        assertTrue(err[0].contains("not-a-run") && err[0].contains("not a model folder") && err[0].contains("Fix:"), err[0]);
        assertEquals(1, capture(err, "score", "--model", "m", "--records", "r", "--out", "o", "--conf", "spark.ui.enabled"));
        assertTrue(err[0].contains("--conf") && err[0].contains("KEY=VALUE"), err[0]);
        assertEquals(2, capture(err, "score", "--model", "m"));
        assertTrue(err[0].contains("--records"), err[0]);
        assertEquals(1, capture(err, "to-csv", "--scores", tmp.toString(), "--out", tmp.resolve("s.csv").toString(),
                "--master", "local[1]"));
        assertTrue(err[0].contains("not a scores folder"), err[0]);
    }

    private static int capture(String[] err, String... args) {
        PrintStream before = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            return SparkCli.execute(args);
        } finally {
            System.setErr(before);
            err[0] = buf.toString(StandardCharsets.UTF_8);
        }
    }
}
