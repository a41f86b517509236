package org.ecgsiglip.eval.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.io.SmallHeap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Score and truth tables, mutated at random (characters replaced, inserted, deleted; cells swapped
 * for extreme numbers, long garbage and what Java's parser would wrongly take; lines duplicated,
 * dropped; bytes that are not UTF-8; a line over the 1 MiB cap), are read by every reader of {@link
 * MatrixCsv}: the only exception that may escape is {@link EvalInputException}, its message stays
 * short, and what is read is a valid table. Case {@code k} comes from {@code new SplittableRandom(SEED
 * + k)}. The whole run is repeated in a child JVM of {@value #HEAP_MB} MB to show that no input
 * takes memory in proportion to its garbage.
 */
class MatrixCsvFuzzTest {
    private static final long SEED = 20261214L;
    private static final int CASES = 250;
    static final int HEAP_MB = 48;
    private static final List<String> CODES = List.of("NORM", "MI", "STTC", "CD", "HYP");
    private static final String[] EXTREMES = {"0x1p-2", "0.5f", "1d", "NaN", "-Infinity", "-0", "1e400", "-1e-400",
        "", "\"", "\"a,b\"", "\"\"", "record_id", "NORM", "true", "2", "0.", ".5", "1e-3", "\u0663", "+1", "  0.5  ",
        "x".repeat(5000), "9".repeat(400)};
    private static final char[] CHARS = {',', '"', '\n', '\r', ' ', '0', '1', '.', 'e', '-', 'x', '\uFEFF', '\0', '\t'};

    @TempDir
    Path tmp;

    static LongStream seeds() {
        return LongStream.range(SEED, SEED + CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onlyTheToolkitsOwnErrorEscapes(long seed) throws IOException {
        assertNull(check(seed, tmp));
    }

    @Test
    void theWholeRunFitsASmallHeap() throws Exception {
        SmallHeap.Outcome o = SmallHeap.run(HEAP_MB, MatrixCsvFuzzTest.class, tmp.toString());
        assertEquals("ok", o.type(), o.output());
        assertEquals(Integer.toString(CASES), o.message(), o.output());
    }

    /** The child: every case in folder {@code args[0]}; the number of cases, or the first failure. */
    public static void main(String[] args) {
        SmallHeap.report(() -> {
            for (long seed = SEED; seed < SEED + CASES; seed++) {
                String failure = check(seed, Path.of(args[0]));
                if (failure != null) {
                    throw new AssertionError("seed " + seed + ": " + failure);
                }
            }
            return CASES;
        });
    }

    private static String table(SplittableRandom rng, boolean scores) {
        StringBuilder sb = new StringBuilder("record_id," + String.join(",", CODES) + "\n");
        for (int r = 0; r < 12; r++) {
            sb.append("e").append(r);
            for (int k = 0; k < CODES.size(); k++) {
                sb.append(',').append(scores ? Double.toString(rng.nextInt(1001) / 1000.0) : rng.nextInt(2));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes the case's files, reads them every way; null when all went as promised, else what did not. */
    static String check(long seed, Path dir) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        String scoresText = table(rng, true);
        String truthText = table(rng, false);
        int which = rng.nextInt(3);
        Path s = dir.resolve("scores.csv");
        Path t = dir.resolve("truth.csv");
        Path base = dir.resolve("base.csv");
        Files.writeString(base, scoresText);
        Files.write(s, which != 1 ? mutate(scoresText, rng) : scoresText.getBytes(StandardCharsets.UTF_8));
        Files.write(t, which != 0 ? mutate(truthText, rng) : truthText.getBytes(StandardCharsets.UTF_8));
        ScoreMatrix reference = MatrixCsv.readScores(base);
        List<ReaderCall> calls = List.of(
                () -> valid(MatrixCsv.readScores(s)),
                () -> MatrixCsv.readTruth(t).records(),
                () -> MatrixCsv.readGroups(s).size(),
                () -> MatrixCsv.readTruthFor(reference, base, t).records(),
                () -> valid(MatrixCsv.readScoresLike(reference, base, s)),
                () -> {
                    ScoreMatrix sm = MatrixCsv.readScores(s);
                    TruthMatrix tm = MatrixCsv.readTruthFor(sm, s, t);
                    return tm.records() == sm.records() ? 1 : fail("truth and scores differ in length");
                });
        for (int i = 0; i < calls.size(); i++) {
            try {
                calls.get(i).read();
            } catch (EvalInputException e) {
                String m = e.getMessage();
                if (e.problem().isBlank() || e.fix() == null || e.file() == null) {
                    return "reader " + i + ": a message without problem, fix or file: " + m;
                }
                if (m.length() > 1200 || m.contains("x".repeat(81)) || m.contains("9".repeat(81))) {
                    return "reader " + i + ": a message echoes too much (" + m.length() + " characters): "
                            + m.substring(0, Math.min(300, m.length()));
                }
            } catch (RuntimeException | Error e) {
                return "reader " + i + " threw " + e;
            }
        }
        return null;
    }

    @FunctionalInterface
    private interface ReaderCall {
        int read();
    }

    private static int valid(ScoreMatrix m) {
        for (int r = 0; r < m.records(); r++) {
            for (int k = 0; k < m.findings(); k++) {
                double v = m.score(r, k);
                if (!(v >= 0 && v <= 1)) {
                    return fail("score " + v + " accepted");
                }
            }
        }
        return m.records();
    }

    private static int fail(String what) {
        throw new AssertionError(what);
    }

    /** {@code text} with one to four random edits, as UTF-8 bytes (one edit may add bytes that are not UTF-8). */
    static byte[] mutate(String text, SplittableRandom rng) {
        String s = text;
        byte[] raw = null;
        int edits = 1 + rng.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int op = rng.nextInt(12);
            int i = s.isEmpty() ? 0 : rng.nextInt(s.length());
            char c = CHARS[rng.nextInt(CHARS.length)];
            String[] lines = s.split("\n", -1);
            int line = rng.nextInt(lines.length);
            switch (op) {
                case 0 -> s = s.isEmpty() ? "" + c : s.substring(0, i) + c + s.substring(i + 1);
                case 1 -> s = s.substring(0, i) + c + s.substring(i);
                case 2 -> s = s.isEmpty() ? s : s.substring(0, i) + s.substring(i + 1);
                case 3, 4 -> s = replaceCell(s, i, EXTREMES[rng.nextInt(EXTREMES.length)]);
                case 5 -> s = s + lines[line] + "\n"; // a line twice
                case 6 -> {
                    List<String> l = new ArrayList<>(List.of(lines));
                    l.remove(line);
                    s = String.join("\n", l);
                }
                case 7 -> s = s.substring(0, i) + "\n" + "7".repeat(CsvLines.MAX_LINE + 100) + "\n" + s.substring(i);
                case 8 -> raw = new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};
                default -> s = replaceCell(s, i, EXTREMES[rng.nextInt(EXTREMES.length)]);
            }
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (raw == null) {
            return b;
        }
        int at = rng.nextInt(b.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, at);
        out.write(raw, 0, raw.length);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }

    private static String replaceCell(String s, int i, String token) {
        int start = i;
        while (start > 0 && s.charAt(start - 1) != ',' && s.charAt(start - 1) != '\n') {
            start--;
        }
        int end = i;
        while (end < s.length() && s.charAt(end) != ',' && s.charAt(end) != '\n') {
            end++;
        }
        return s.substring(0, start) + token + s.substring(end);
    }
}
