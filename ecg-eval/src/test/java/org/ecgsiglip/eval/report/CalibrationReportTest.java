package org.ecgsiglip.eval.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.Fixtures;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.calibration.Binning;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.eval.calibration.FindingCalibration;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Calibration in every renderer, and the HTML report as one file with every picture inline. */
class CalibrationReportTest {
    @TempDir
    Path tmp;

    private static Evaluation random() {
        Path dir = Fixtures.sklearn("random");
        return Evaluator.evaluate(MatrixCsv.readScores(dir.resolve("scores.csv")),
                MatrixCsv.readTruth(dir.resolve("truth.csv")), Thresholds.fixed(0.5));
    }

    @Test
    void htmlIsOneFileWithEveryPictureInline() throws IOException {
        Evaluation e = random();
        ReportWriter.writeAll(e, tmp);
        String html = Files.readString(tmp.resolve("report.html"));
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            String uri = src.group(1);
            assertTrue(uri.startsWith("data:image/png;base64,"), "inline: " + uri.substring(0, Math.min(60, uri.length())));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder()
                    .decode(uri.substring("data:image/png;base64,".length()))));
            assertNotNull(img, "picture " + images + " decodes");
            images++;
        }
        int findings = e.perFinding().size();
        // F1 by finding, PR curves, two pooled diagrams, one diagram per finding
        assertEquals(2 + 2 + findings, images);
        assertEquals(images, count(html, "<img "));
        for (String external : List.of("href=", "<link", "<script", "url(", "http://", "https://", "file:")) {
            assertFalse(html.contains(external), "no external reference: " + external);
        }
        for (String code : e.codes()) {
            assertTrue(html.contains("alt=\"reliability diagram of " + code + "\""), code);
        }
        assertTrue(html.contains("<h2>Calibration</h2>") && html.contains("Headline ECE over 10 equal-width bins"));
        assertTrue(html.contains(Formats.fixed(e.calibration().get().macroEce())));
    }

    @Test
    void jsonCarriesTheCalibrationFieldsNamedInTheContract() {
        Evaluation e = random();
        Calibration c = e.calibration().orElseThrow();
        JsonNode root = JsonReport.of(e);
        JsonNode cal = root.get("calibration");
        assertEquals("uniform_10", cal.get("headline_binning").asText());
        assertEquals(4, cal.get("binnings").size());
        assertEquals(c.macroBrier(), cal.get("macro_brier").asDouble(), 0.0);
        assertEquals(c.pooledBrier(), cal.get("pooled_brier").asDouble(), 0.0);
        assertEquals(c.macroEce(Binning.quantile(15)), cal.get("macro_ece").get("quantile_15").asDouble(), 0.0);
        assertEquals(c.pooledEce(), cal.get("pooled_ece").get("uniform_10").asDouble(), 0.0);
        JsonNode f = root.get("findings").get(3).get("calibration");
        FindingCalibration fc = c.perFinding().get(3);
        assertEquals(fc.brier(), f.get("brier").asDouble(), 0.0);
        assertEquals(fc.ece(Binning.HEADLINE), f.get("ece").get("uniform_10").asDouble(), 0.0);
        JsonNode bins = f.get("reliability").get("quantile_10").get("bins");
        assertEquals(fc.curve(Binning.quantile(10)).bins().size(), bins.size());
        assertEquals(fc.curve(Binning.quantile(10)).bins().get(0).count(), bins.get(0).get("count").asLong());
        assertEquals(11, f.get("reliability").get("uniform_10").get("edges").size());
        assertEquals(fc.records(), f.get("records").asLong());
    }

    @Test
    void csvTablesAndMarkdownCarryIt() throws IOException {
        Evaluation e = random();
        Calibration c = e.calibration().orElseThrow();
        ReportWriter.writeAll(e, tmp);
        List<String> rel = Files.readAllLines(tmp.resolve("calibration.csv"));
        assertEquals("scope,code,binning,bin,lower,upper,count,mean_predicted,observed_frequency", rel.get(0));
        long bins = 0;
        for (FindingCalibration f : c.perFinding()) {
            bins += f.curves().values().stream().mapToLong(r -> r.bins().size()).sum();
        }
        bins += c.pooled().curves().values().stream().mapToLong(r -> r.bins().size()).sum();
        assertEquals(1 + bins, rel.size());
        assertTrue(rel.get(rel.size() - 1).startsWith("pooled,,quantile_15,"), rel.get(rel.size() - 1));
        List<String> avg = Files.readAllLines(tmp.resolve("averages.csv"));
        assertTrue(avg.contains("macro_brier," + Formats.exact(c.macroBrier())), avg.toString());
        assertTrue(avg.contains("pooled_ece_uniform_10," + Formats.exact(c.pooledEce())), avg.toString());
        String[] row = Files.readAllLines(tmp.resolve("metrics.csv")).get(1).split(",");
        assertEquals(Formats.exact(c.perFinding().get(0).brier()), row[13]);
        String md = Files.readString(tmp.resolve("report.md"));
        assertTrue(md.contains("## Calibration") && md.contains("| macro | " + Formats.fixed(c.macroBrier())), md);
        assertTrue(md.contains("ECE = sum over bins of (n_b / N)"), "conventions are stated");
        Table t = Tables.calibration(e);
        assertEquals(c.perFinding().size() + 1, t.rowCount());
        assertEquals(c.pooled().brier(), t.doubleColumn("brier").get(t.rowCount() - 1), 0.0);
        assertEquals(bins, Tables.reliability(e).rowCount());
    }

    @Test
    void scoresThatAreNotProbabilitiesHaveNoCalibrationAndSaySo() throws IOException {
        double[][] v = {{-1.5, 0.2}, {2.0, 0.9}};
        boolean[][] t = {{false, false}, {true, true}};
        List<String> ids = List.of("a", "b");
        Evaluation e = Evaluator.evaluate(new ScoreMatrix(ids, List.of("X", "Y"), v),
                new TruthMatrix(ids, List.of("X", "Y"), t), Thresholds.fixed(0.0));
        assertTrue(e.calibration().isEmpty());
        List<Path> files = ReportWriter.writeAll(e, tmp);
        assertEquals(5, files.size(), "no calibration.csv");
        JsonNode root = Fixtures.json(tmp.resolve("metrics.json"));
        assertTrue(root.get("calibration").isNull());
        assertTrue(root.get("calibration_note").asText().contains("[0, 1]"));
        assertTrue(Files.readString(tmp.resolve("report.md")).contains("No calibration"));
        assertTrue(Files.readString(tmp.resolve("report.html")).contains("No calibration"));
        assertFalse(e.toString().contains("Brier"));
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
