package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.ZeroDivision;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path truth() {
        return EvalCliFiles.truth(tmp, 60);
    }

    @Test
    void writesTheFourReportsWithTheContractFields() throws IOException {
        Path t = truth();
        Path s = EvalCliFiles.scores(tmp, "s.csv", t, 0.6, 2);
        Path out = tmp.resolve("out");
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth",
                t.toString(), "--out", out.toString());
        assertEquals(0, o.exit(), o.err());
        for (String f : List.of("metrics.json", "metrics.csv", "report.md", "report.html")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        JsonNode m = JSON.readTree(out.resolve("metrics.json").toFile());
        assertEquals(4, m.get("findings").size());
        for (String k : List.of("code", "support", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "auroc",
                "auprc", "threshold")) {
            assertTrue(m.get("findings").get(0).has(k), k);
        }
        for (String k : List.of("micro_f1", "macro_f1", "weighted_f1", "samples_f1", "macro_auroc", "macro_auprc")) {
            assertTrue(m.get("averages").get(k).isNumber(), k);
        }
        double expected = Evaluator.evaluate(MatrixCsv.readScores(s), MatrixCsv.readTruth(t), Thresholds.fixed(0.5))
                .macroF1();
        assertEquals(expected, m.get("averages").get("macro_f1").asDouble(), 0.0);
        assertFalse(m.has("averages_ci"), "no CIs unless asked");
        assertTrue(o.out().contains("macro F1"), o.out());
    }

    @Test
    void sameSeedGivesTheSameFileAndAnotherSeedOtherIntervals() throws IOException {
        Path t = truth();
        Path s = EvalCliFiles.scores(tmp, "s.csv", t, 0.6, 2);
        String[] base = {"--scores", s.toString(), "--truth", t.toString(), "--bootstrap", "200"};
        for (String[] run : List.of(new String[] {"--seed", "7", "--out", tmp.resolve("a").toString()},
                new String[] {"--seed", "7", "--out", tmp.resolve("b").toString()},
                new String[] {"--seed", "8", "--out", tmp.resolve("c").toString()})) {
            String[] args = concat(base, run);
            assertEquals(0, EvalCliFiles.execute(new EvaluateCommand(), args).exit());
        }
        String a = Files.readString(tmp.resolve("a/metrics.json"));
        assertEquals(a, Files.readString(tmp.resolve("b/metrics.json")));
        JsonNode ja = JSON.readTree(a);
        JsonNode jc = JSON.readTree(tmp.resolve("c/metrics.json").toFile());
        assertTrue(ja.get("averages_ci").get("macro_f1").has("lower"));
        assertFalse(ja.get("averages_ci").equals(jc.get("averages_ci")));
        assertEquals(ja.get("averages"), jc.get("averages"), "point estimates do not depend on the seed");
    }

    @Test
    void tunedThresholdsAreSavedAndCanBeAppliedLater() {
        Path t = truth();
        Path val = EvalCliFiles.scores(tmp.resolve("val"), "v.csv", t, 0.6, 3);
        Path test = EvalCliFiles.scores(tmp, "s.csv", t, 0.6, 4);
        EvaluateCommand.Result tuned = EvaluateCommand.run(new EvaluateCommand.Request(test, t,
                EvaluateCommand.ThresholdChoice.tuneOn(val, t), false, Optional.empty(), Optional.empty(),
                ZeroDivision.ZERO, tmp.resolve("tuned")));
        Path file = tuned.tunedThresholds().orElseThrow();
        EvaluateCommand.Result applied = EvaluateCommand.run(new EvaluateCommand.Request(test, t,
                EvaluateCommand.ThresholdChoice.file(file), false, Optional.empty(), Optional.empty(),
                ZeroDivision.ZERO, tmp.resolve("applied")));
        assertEquals(tuned.evaluation().perFinding(), applied.evaluation().perFinding());
        assertTrue(tuned.evaluation().perFinding().stream().anyMatch(f -> f.threshold() != 0.5));
    }

    @Test
    void patientBootstrapReadsTheGroups() throws IOException {
        Path t = truth();
        Path s = EvalCliFiles.scores(tmp, "s.csv", t, 0.6, 2);
        StringBuilder g = new StringBuilder("record_id,patient_id\n");
        for (int r = 0; r < 60; r++) {
            g.append("e").append(r).append(",p").append(r / 2).append('\n');
        }
        Path groups = EvalCliFiles.write(tmp.resolve("groups.csv"), g.toString());
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth",
                t.toString(), "--bootstrap", "50", "--seed", "1", "--groups", groups.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode m = JSON.readTree(tmp.resolve("o/metrics.json").toFile());
        assertEquals("group", m.get("bootstrap").get("unit").asText());
        assertEquals(30, m.get("bootstrap").get("groups").asInt());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "non-numeric | e0,0.1,abc,0.3,0.4 | bad.csv, line 2, column 3 (MI) | not a number",
        "NaN         | e0,0.1,NaN,0.3,0.4 | bad.csv, line 2, column 3 (MI) | NaN",
        "range       | e0,0.1,0.2,1.5,0.4 | bad.csv, line 2, column 4 (STTC) | outside [0, 1]",
        "duplicate   | e0,0.1,0.2,0.3,0.4\\ne0,0.1,0.2,0.3,0.4 | bad.csv, line 3, column 1 (record_id) | appears twice",
        "unknown id  | zz,0.1,0.2,0.3,0.4 | truth.csv, line 2, column 1 (record_id) | record 'e0' has no scores in bad.csv",
        "short line  | e0,0.1,0.2 | bad.csv, line 2 | 3 fields"})
    void badScoresNameFileLineAndColumn(String name, String row, String where, String what) {
        Path t = EvalCliFiles.write(tmp.resolve("truth.csv"), EvalCliFiles.HEADER + "\ne0,0,1,0,0\n");
        Path s = EvalCliFiles.write(tmp.resolve("bad.csv"), EvalCliFiles.HEADER + "\n" + row.replace("\\n", "\n") + "\n");
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth",
                t.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, o.exit(), o.out());
        assertTrue(o.err().contains(where), o.err());
        assertTrue(o.err().contains(what), o.err());
        assertTrue(o.err().contains("Fix:"), o.err());
        assertFalse(Files.exists(tmp.resolve("o/metrics.json")));
    }

    @Test
    void mismatchedHeadersAndMissingRecordsAreReported() {
        Path t = EvalCliFiles.write(tmp.resolve("truth.csv"), "record_id,NORM,MI,CD\ne0,0,1,0\ne1,1,0,0\n");
        Path s = EvalCliFiles.write(tmp.resolve("s.csv"), "record_id,NORM,STTC,CD\ne0,0.1,0.2,0.3\ne1,0.1,0.2,0.3\n");
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth",
                t.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("truth.csv, line 1, column 3"), o.err());
        Path s2 = EvalCliFiles.write(tmp.resolve("s2.csv"), "record_id,NORM,MI,CD\ne0,0.1,0.2,0.3\n");
        o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s2.toString(), "--truth", t.toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("truth.csv, line 3, column 1 (record_id)") && o.err().contains("e1"), o.err());
    }

    @Test
    void badThresholdsFileAndBadFlags() {
        Path t = truth();
        Path s = EvalCliFiles.scores(tmp, "s.csv", t, 0.6, 2);
        Path f = EvalCliFiles.write(tmp.resolve("thr.json"), "{\"thresholds\": {\"NORM\": \"high\"}}");
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth",
                t.toString(), "--thresholds-file", f.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("thr.json, field thresholds.NORM"), o.err());
        Path partial = EvalCliFiles.write(tmp.resolve("part.json"), "{\"thresholds\": {\"NORM\": 0.3}}");
        o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth", t.toString(),
                "--thresholds-file", partial.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("finding 'MI' has no threshold"), o.err());
        o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth", t.toString(),
                "--bootstrap", "100", "--out", tmp.resolve("o").toString());
        assertEquals(2, o.exit(), "--bootstrap without --seed is a usage error");
        assertTrue(o.err().contains("--seed"), o.err());
        o = EvalCliFiles.execute(new EvaluateCommand(), "--scores", s.toString(), "--truth", t.toString(),
                "--thresholds", "0.4", "--thresholds-file", partial.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, o.exit());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
