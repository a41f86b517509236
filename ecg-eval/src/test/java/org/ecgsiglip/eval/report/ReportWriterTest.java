package org.ecgsiglip.eval.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.EvaluationOptions;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.Fixtures;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ReportWriterTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G'};

    private static Evaluation edge(boolean bootstrap) {
        Path dir = Fixtures.sklearn("edge");
        EvaluationOptions.Builder o = EvaluationOptions.builder();
        if (bootstrap) {
            o.optBootstrap(Bootstrap.byRecord(100, 3));
        }
        return Evaluator.evaluate(MatrixCsv.readScores(dir.resolve("scores.csv")),
                MatrixCsv.readTruth(dir.resolve("truth.csv")), Thresholds.fixed(0.5), o.build());
    }

    @Test
    void writesTheSixFilesAtomicallyAndNothingElse(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        List<Path> files = ReportWriter.writeAll(edge(true), out);
        assertEquals(List.of("metrics.json", "metrics.csv", "averages.csv", "report.md", "report.html",
                "calibration.csv"), files.stream().map(p -> p.getFileName().toString()).toList());
        try (Stream<Path> s = Files.list(out)) {
            assertEquals(6, s.count(), "no temporary files left behind");
        }
    }

    @Test
    void metricsJsonHasTheContractFieldsWithNullForUndefined(@TempDir Path tmp) {
        Evaluation e = edge(true);
        ReportWriter.writeAll(e, tmp);
        JsonNode root = Fixtures.json(tmp.resolve("metrics.json"));
        JsonNode first = root.get("findings").get(0);
        for (String key : List.of("code", "support", "tp", "fp", "fn", "tn", "precision", "recall", "f1", "auroc",
                "auprc", "threshold", "specificity")) {
            assertTrue(first.has(key), key);
        }
        assertEquals("NOPOS", first.get("code").asText());
        assertTrue(first.get("auroc").isNull(), "AUROC of a finding without positives is null");
        assertTrue(first.get("tp").isIntegralNumber());
        for (String key : List.of("micro_f1", "macro_f1", "weighted_f1", "samples_f1", "macro_auroc", "macro_auprc")) {
            assertEquals(e.average(Average.ofKey(key)), root.get("averages").get(key).asDouble(), 0.0, key);
            assertTrue(root.get("averages_ci").get(key).has("lower"), key);
        }
        assertEquals(e.macroF1(), root.get("averages").get("macro_f1").asDouble(), 0.0);
        assertTrue(first.get("ci").get("f1").has("upper"));
        assertEquals(100, root.get("bootstrap").get("replicates").asInt());
        assertEquals(3, root.get("provenance").get("seed").asLong());
        assertEquals(64, root.get("provenance").get("inputs_sha256").get("scores").asText().length());
    }

    @Test
    void csvMarkdownAndHtmlCarryEveryFinding(@TempDir Path tmp) throws IOException {
        Evaluation e = edge(false);
        ReportWriter.writeAll(e, tmp);
        List<String> csv = Files.readAllLines(tmp.resolve("metrics.csv"));
        assertEquals("code,support,tp,fp,fn,tn,precision,recall,f1,specificity,auroc,auprc,threshold,"
                + "brier,ece,ece_uniform_10,ece_uniform_15,ece_quantile_10,ece_quantile_15,mean_predicted,observed_rate",
                csv.get(0));
        assertEquals(1 + e.perFinding().size(), csv.size());
        assertTrue(csv.get(1).startsWith("NOPOS,0,0,13,0,11,0,0,0,"), csv.get(1));
        String md = Files.readString(tmp.resolve("report.md"));
        String html = Files.readString(tmp.resolve("report.html"));
        for (String code : e.codes()) {
            assertTrue(md.contains("| " + code + " |"), code);
            assertTrue(html.contains("<td>" + code + "</td>"), code);
        }
        assertTrue(html.contains("data:image/png;base64,"));
        assertFalse(html.contains("http://") || html.contains("https://") || html.contains("<script"),
                "self-contained");
    }

    @Test
    void plotsArePngs() {
        Evaluation e = edge(true);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Plots.f1ByFinding(e), 4));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(Plots.worstPrCurves(e), 4));
    }

    @Test
    void comparisonReports(@TempDir Path tmp) throws IOException {
        Object[] pair = Fixtures.random(80, 4, 5);
        ScoreMatrix s = (ScoreMatrix) pair[0];
        TruthMatrix t = (TruthMatrix) pair[1];
        PairedComparison c = PairedComparison.compare(new PairedComparison.Candidate("base", s, Thresholds.fixed(0.5)),
                new PairedComparison.Candidate("new", s, Thresholds.fixed(0.4)), t,
                EvaluationOptions.builder().optBootstrap(Bootstrap.byRecord(50, 1)).build());
        List<Path> files = ReportWriter.writeAll(c, tmp);
        assertEquals(5, files.size());
        JsonReport.toJson(c);
        JsonNode root = Fixtures.json(tmp.resolve("comparison.json"));
        assertEquals("b minus a", root.get("difference").asText());
        assertEquals(c.macroF1().estimate(), root.get("differences").get("averages").get("macro_f1")
                .get("estimate").asDouble(), 0.0);
        assertTrue(root.get("differences").get("findings").get(0).get("f1").has("p_holm"));
        assertTrue(Files.readString(tmp.resolve("report.md")).contains("new minus base"));
        assertEquals(5, Files.readAllLines(tmp.resolve("comparison.csv")).size());
        Table d = Tables.differences(c);
        assertEquals(4 * PairedComparison.FINDING_METRICS.size(), d.rowCount());
    }

    @Test
    void tablesaw(@TempDir Path tmp) {
        Evaluation e = edge(true);
        Table t = Tables.perFinding(e);
        assertEquals(e.perFinding().size(), t.rowCount());
        assertEquals(e.perFinding().get(3).f1(), t.doubleColumn("f1").get(3), 0.0);
        assertEquals(e.perFinding().get(3).tp(), t.longColumn("tp").get(3));
        assertTrue(t.columnNames().contains("f1_lower"));
        Table a = Tables.averages(e);
        assertEquals(Average.values().length, a.rowCount());
        assertEquals(List.of("average", "value", "lower", "upper"), a.columnNames());
    }
}
