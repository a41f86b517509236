package org.ecgsiglip.eval.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.SmallHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs of issue 14 that took 1.5-1.8 GB before they were refused, made here again and read in
 * a child JVM of {@value #HEAP_MB} MB ({@link SmallHeap}): a 200 MB file of one line, and a 143 MB
 * well-formed truth (or second score) table for other records. Both must end in a typed error with
 * a short quote, inside that heap.
 */
class CsvBoundsTest {
    static final int HEAP_MB = 64;
    private static final int FINDINGS = 71;

    @TempDir
    Path tmp;

    /** The child: {@code scores FILE}, {@code truthFor SCORES TRUTH} or {@code scoresLike A B}. */
    public static void main(String[] args) {
        SmallHeap.report(() -> switch (args[0]) {
            case "scores" -> MatrixCsv.readScores(Path.of(args[1])).records();
            case "truthFor" -> MatrixCsv.readTruthFor(MatrixCsv.readScores(Path.of(args[1])), Path.of(args[1]),
                    Path.of(args[2])).records();
            case "scoresLike" -> MatrixCsv.readScoresLike(MatrixCsv.readScores(Path.of(args[1])), Path.of(args[1]),
                    Path.of(args[2])).records();
            default -> throw new IllegalArgumentException(args[0]);
        });
    }

    private static String header() {
        List<String> codes = new ArrayList<>(List.of("record_id"));
        for (int k = 0; k < FINDINGS; k++) {
            codes.add("F" + k);
        }
        return String.join(",", codes);
    }

    /** Three scored records x, y, z. */
    private Path smallScores() throws IOException {
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (String id : List.of("x", "y", "z")) {
            sb.append(id).append(",0.5".repeat(FINDINGS)).append('\n');
        }
        return Files.writeString(tmp.resolve("scores.csv"), sb);
    }

    /** A well-formed table of {@code bytes} bytes for records r0, r1, ... that are not scored. */
    private Path wrongTable(String name, long bytes, String cell) throws IOException {
        Path f = tmp.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(header());
            w.write('\n');
            String cells = ("," + cell).repeat(FINDINGS) + "\n";
            long written = header().length() + 1;
            for (int r = 0; written < bytes; r++) {
                String line = "r" + r + cells;
                w.write(line);
                written += line.length();
            }
        }
        return f;
    }

    @Test
    void aTwoHundredMegabyteLineIsRefusedAtItsFirstMebibyte() throws Exception {
        Path f = tmp.resolve("one-line.csv");
        byte[] chunk = "F,".repeat(1 << 19).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("record_id,".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 200; i++) {
                out.write(chunk);
            }
        }
        SmallHeap.Outcome o = SmallHeap.run(HEAP_MB, CsvBoundsTest.class, "scores", f.toString());
        assertTrue(o.threw(EvalInputException.class), o.output());
        assertTrue(o.message().startsWith(f + ", line 1: the line is longer than 1048576 characters (1 MiB)"),
                o.message());
        assertTrue(o.message().length() < 500, o.message());
    }

    @Test
    void aWellFormed143MegabyteTruthForOtherRecordsIsRefusedAtItsFirstRecord() throws Exception {
        Path scores = smallScores();
        Path truth = wrongTable("truth.csv", 143_000_000L, "0");
        assertTrue(Files.size(truth) >= 143_000_000L);
        SmallHeap.Outcome o = SmallHeap.run(HEAP_MB, CsvBoundsTest.class, "truthFor", scores.toString(), truth.toString());
        assertTrue(o.threw(EvalInputException.class), o.output());
        assertEquals(truth + ", line 2, column 1 (record_id): record 'r0' has no scores in scores.csv. Fix: give both"
                + " files the same records (the read stopped at this line).", o.message());
    }

    @Test
    void aWellFormed143MegabyteSecondScoreTableForOtherRecordsIsRefusedAtItsFirstRecord() throws Exception {
        Path a = smallScores();
        Path b = wrongTable("b.csv", 143_000_000L, "0.25");
        SmallHeap.Outcome o = SmallHeap.run(HEAP_MB, CsvBoundsTest.class, "scoresLike", a.toString(), b.toString());
        assertTrue(o.threw(EvalInputException.class), o.output());
        assertTrue(o.message().contains("line 2, column 1 (record_id): record 'r0' is not scored in scores.csv"),
                o.message());
    }

    @Test
    void theSameTablesForTheRightRecordsAreRead() throws Exception {
        Path scores = smallScores();
        StringBuilder sb = new StringBuilder(header()).append('\n');
        for (String id : List.of("z", "x", "y")) {
            sb.append(id).append(",1".repeat(FINDINGS)).append('\n');
        }
        Path truth = Files.writeString(tmp.resolve("truth.csv"), sb);
        SmallHeap.Outcome o = SmallHeap.run(HEAP_MB, CsvBoundsTest.class, "truthFor", scores.toString(), truth.toString());
        assertEquals("ok", o.type(), o.output());
        assertEquals("3", o.message());
        assertTrue(Arrays.asList(o.output().split("\n")).contains("MESSAGE 3"), o.output());
    }
}
