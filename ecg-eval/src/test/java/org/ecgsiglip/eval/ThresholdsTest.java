package org.ecgsiglip.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThresholdsTest {
    @TempDir
    Path tmp;

    private static ScoreMatrix scores(double[] column) {
        double[][] v = new double[column.length][1];
        for (int r = 0; r < column.length; r++) {
            v[r][0] = column[r];
        }
        return new ScoreMatrix(Fixtures.ids(column.length), List.of("X"), v);
    }

    private static TruthMatrix truth(boolean... column) {
        boolean[][] v = new boolean[column.length][1];
        for (int r = 0; r < column.length; r++) {
            v[r][0] = column[r];
        }
        return new TruthMatrix(Fixtures.ids(column.length), List.of("X"), v);
    }

    @Test
    void tuningPicksTheBestF1AndTheHigherThresholdOnTies() {
        // t=0.9: F1 2/3; 0.8: 1/2; 0.7: 2/5; 0.6: 4/6 = 2/3 -> tie, the higher wins
        Thresholds t = Thresholds.tuneForF1(scores(new double[] {0.9, 0.8, 0.7, 0.6}), truth(true, false, false, true));
        assertEquals(0.9, t.of("X"));
        Thresholds best = Thresholds.tuneForF1(scores(new double[] {0.9, 0.8, 0.7, 0.6}), truth(true, false, true, false));
        assertEquals(0.7, best.of("X"), "F1 4/5 at 0.7");
    }

    @Test
    void aFindingWithoutValidationPositivesKeepsTheFallback() {
        Thresholds t = Thresholds.tuneForF1(scores(new double[] {0.9, 0.1}), truth(false, false), 0.42);
        assertEquals(0.42, t.of("X"));
        assertTrue(t.origin().contains("without positives"), t.origin());
    }

    @Test
    void jsonRoundTrip() {
        Thresholds t = Thresholds.perFinding(Map.of("A", 0.25), "tuned somewhere");
        t.write(tmp.resolve("t.json"));
        assertEquals(t, Thresholds.read(tmp.resolve("t.json")));
        Thresholds fixed = Thresholds.fixed(0.3);
        fixed.write(tmp.resolve("f.json"));
        Thresholds back = Thresholds.read(tmp.resolve("f.json"));
        assertEquals(0.3, back.of("anything"));
        assertArrayEquals(new double[] {0.5, 0.5}, Thresholds.fixed(0.5, List.of("A", "B")).of(List.of("A", "B")));
    }

    @Test
    void badFilesNameTheFileAndField() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"thresholds\": {\"A\": 0.2,}");
        EvalInputException e = assertThrows(EvalInputException.class, () -> Thresholds.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ", line 1"), e.getMessage());
        Path none = Files.writeString(tmp.resolve("none.json"), "{\"x\": 1}");
        e = assertThrows(EvalInputException.class, () -> Thresholds.read(none));
        assertEquals("field thresholds", e.location());
        Path text = Files.writeString(tmp.resolve("text.json"), "{\"thresholds\": {\"A\": null}}");
        e = assertThrows(EvalInputException.class, () -> Thresholds.read(text));
        assertEquals("field thresholds.A", e.location());
        e = assertThrows(EvalInputException.class, () -> Thresholds.read(tmp.resolve("missing.json")));
        assertEquals(tmp.resolve("missing.json"), e.file());
    }

    @Test
    void thresholdsOutsideZeroOneAreRefusedFromFlagAndFile() throws IOException {
        for (double bad : new double[] {2, -0.1, Double.NaN, Double.POSITIVE_INFINITY}) {
            EvalInputException e = assertThrows(EvalInputException.class, () -> Thresholds.fixedChecked(bad, "--threshold"));
            assertEquals("--threshold", e.location());
            assertTrue(e.getMessage().contains("the threshold is " + bad + ", outside [0, 1]"), e.getMessage());
            assertTrue(e.fix().contains("between 0 and 1"), e.fix());
        }
        assertEquals(0.0, Thresholds.fixedChecked(0, "--threshold").of("A"));
        assertEquals(1.0, Thresholds.fixedChecked(1, "--threshold").of("A"));
        for (String json : List.of("{\"thresholds\": {\"A\": 2}}", "{\"thresholds\": {\"A\": -0.1}}",
                "{\"default\": 1.5, \"thresholds\": {}}")) {
            Path f = Files.writeString(tmp.resolve("t.json"), json);
            EvalInputException e = assertThrows(EvalInputException.class, () -> Thresholds.read(f));
            assertEquals(f, e.file());
            assertTrue(e.location().equals("field thresholds.A") || e.location().equals("field default"), e.location());
            assertTrue(e.getMessage().contains("outside [0, 1]"), e.getMessage());
        }
    }

    @Test
    void aThresholdsFileIsCheckedAgainstTheFindingsScored() throws IOException {
        Path f = Files.writeString(tmp.resolve("t.json"), "{\"thresholds\": {\"NORM\": 0.4, \"STTCX\": 0.3}}");
        EvalInputException e = assertThrows(EvalInputException.class,
                () -> Thresholds.read(f, List.of("NORM", "STTC", "MI")));
        assertEquals("field thresholds.STTCX", e.location());
        assertTrue(e.getMessage().contains("unknown finding 'STTCX': the scores have no such column (did you mean"
                + " 'STTC'?)"), e.getMessage());
        Path partial = Files.writeString(tmp.resolve("p.json"), "{\"thresholds\": {\"NORM\": 0.4}}");
        e = assertThrows(EvalInputException.class, () -> Thresholds.read(partial, List.of("NORM", "MI")));
        assertTrue(e.getMessage().contains("finding 'MI' has no threshold and there is no \"default\""), e.getMessage());
        Path withDefault = Files.writeString(tmp.resolve("d.json"), "{\"default\": 0.5, \"thresholds\": {\"NORM\": 0.4}}");
        assertEquals(0.5, Thresholds.read(withDefault, List.of("NORM", "MI")).of("MI"));
        Path binary = tmp.resolve("b.json");
        Files.write(binary, new byte[] {'{', 0, (byte) 0xFF});
        e = assertThrows(EvalInputException.class, () -> Thresholds.read(binary));
        assertTrue(e.getMessage().contains("not a text file"), e.getMessage());
        Path latin1 = tmp.resolve("l.json");
        Files.write(latin1, "{\"thresholds\": {\"\u00e9\": 0.5}}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(EvalInputException.class, () -> Thresholds.read(latin1));
        assertTrue(e.getMessage().contains("not UTF-8 text") && e.location().startsWith("line 1"), e.getMessage());
    }

    @Test
    void aMissingCodeIsAnError() {
        Thresholds t = Thresholds.perFinding(Map.of("A", 0.25), "test");
        EvalInputException e = assertThrows(EvalInputException.class, () -> t.of("B"));
        assertTrue(e.getMessage().contains("'B'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Thresholds.fixed(Double.NaN));
    }
}
