package org.ecgsiglip.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out protocol of {@code ecg experiment} end to end on the bundled sample (one epoch of a narrow
 * encoder per run): leave one out over the five superdiagnostic findings, a seeded draw of two, and the
 * trained reference; the zero-shot section's numbers against AUROC and F1@0.5 computed here from the scores
 * and truth files the runs wrote. Then the refusals of the experiment file's zero-shot keys.
 */
class ZeroShotExperimentTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path file(String variantsAndMore) throws IOException {
        Path f = tmp.resolve("zero-shot.json");
        Files.writeString(f, "{\"name\": \"zero-shot test\", \"base\": {\"ptbxl\": \""
                + TestData.sample().toString().replace("\\", "/") + "\", \"cache-dir\": \"cache\", \"train-folds\": "
                + "[1, 2, 3, 4, 5, 6, 7], \"validation-folds\": [8], \"test-folds\": [9], \"epochs\": 1, \"batch-size\": 32, "
                + "\"encoder-width\": 8, \"embedding-dim\": 16, \"text-hidden\": 16, \"record-length\": 300, "
                + "\"input-length\": 250}, \"bootstrap\": 20, \"seeds\": [3], " + variantsAndMore + "}");
        return f;
    }

    @Test
    void theZeroShotSectionEqualsAnIndependentComputationFromTheScoresItWrote() throws IOException {
        Path f = file("\"variants\": {\"trained\": {}, \"loo\": {\"held-out-findings\": \"each\"}, "
                + "\"drawn\": {\"held-out-count\": 2, \"held-out-seed\": 5}}, \"comparisons\": [], "
                + "\"zero-shot\": [{\"held-out\": \"loo\", \"trained\": \"trained\"}, {\"held-out\": \"drawn\"}]");
        Path out = tmp.resolve("out");
        ExperimentPlan plan = ExperimentFiles.read(f, Map.of(), out);
        assertEquals(List.of("trained", "loo-CD", "loo-HYP", "loo-MI", "loo-NORM", "loo-STTC", "drawn"),
                plan.variants().stream().map(ExperimentPlan.Variant::name).toList());
        assertEquals(List.of("MI"), plan.variant("loo-MI").config().heldOutFindings());
        ExperimentResult result = ExperimentRunner.run(plan, TrainingMonitor.SILENT);

        JsonNode sections = JSON.readTree(out.resolve("summary.json").toFile()).get("zero_shot");
        assertEquals(2, sections.size());
        JsonNode loo = sections.get(0);
        assertEquals("loo", loo.get("held_out").asText());
        assertEquals("trained", loo.get("trained").asText());
        List<String> codes = new ArrayList<>();
        double aurocSum = 0;
        double f1Sum = 0;
        for (JsonNode row : loo.get("findings")) {
            String code = row.get("code").asText();
            codes.add(code);
            assertEquals("loo-" + code, row.get("variant").asText());
            Path runTest = out.resolve("runs/loo-" + code + "/seed-3/test");
            double[] mine = aurocAndF1(runTest, code);
            assertEquals(mine[0], row.get("auroc").asDouble(), 1e-10, code + " AUROC, held out");
            assertEquals(mine[1], row.get("f1_at_0.5").asDouble(), 1e-10, code + " F1@0.5, held out");
            assertEquals(mine[2], row.get("n").asDouble(), 0.0, code + " support");
            double[] trained = aurocAndF1(out.resolve("runs/trained/seed-3/test"), code);
            assertEquals(trained[0], row.get("trained_auroc").asDouble(), 1e-10, code + " AUROC, trained");
            assertEquals(trained[1], row.get("trained_f1_at_0.5").asDouble(), 1e-10, code + " F1@0.5, trained");
            aurocSum += mine[0];
            f1Sum += mine[1];
        }
        assertEquals(List.of("CD", "HYP", "MI", "NORM", "STTC"), codes);
        assertEquals(aurocSum / 5, loo.get("mean").get("auroc").asDouble(), 1e-10);
        assertEquals(f1Sum / 5, loo.get("mean").get("f1_at_0.5").asDouble(), 1e-10);

        JsonNode drawn = sections.get(1);
        assertTrue(drawn.get("trained") == null, "no reference named");
        JsonNode provenance = JSON.readTree(out.resolve("runs/drawn/seed-3/provenance.json").toFile()).get("held_out");
        List<String> held = new ArrayList<>();
        provenance.get("findings").forEach(c -> held.add(c.asText()));
        assertEquals(2, held.size());
        List<String> listed = new ArrayList<>();
        for (JsonNode row : drawn.get("findings")) {
            listed.add(row.get("code").asText());
            double[] mine = aurocAndF1(out.resolve("runs/drawn/seed-3/test"), row.get("code").asText());
            assertEquals(mine[0], row.get("auroc").asDouble(), 1e-10);
        }
        assertEquals(held, listed);

        String md = Files.readString(out.resolve("report.md"));
        assertTrue(md.contains("## Zero-shot, loo (seed 3)") && md.contains("trained in trained"), md);
        assertTrue(md.contains(String.format(java.util.Locale.ROOT, "%.3f", loo.get("mean").get("auroc").asDouble())));
        assertTrue(Files.readString(out.resolve("report.html")).contains("Zero-shot, drawn (seed 3)"));
        assertTrue(result.table().contains("Zero-shot, loo"), result.table());
    }

    /** AUROC (Mann-Whitney, ties half), F1 at score >= 0.5 and support of {@code code}, from the run's CSVs. */
    static double[] aurocAndF1(Path testFolder, String code) {
        ScoreMatrix s = MatrixCsv.readScores(testFolder.resolve("scores.csv"));
        TruthMatrix t = MatrixCsv.readTruth(testFolder.resolve("truth.csv")).alignTo(s.recordIds(), s.codes());
        int k = s.codes().indexOf(code);
        double[] p = s.column(k);
        boolean[] y = t.column(k);
        double wins = 0;
        long pairs = 0;
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int pos = 0;
        for (int i = 0; i < p.length; i++) {
            pos += y[i] ? 1 : 0;
            boolean predicted = p[i] >= 0.5;
            tp += predicted && y[i] ? 1 : 0;
            fp += predicted && !y[i] ? 1 : 0;
            fn += !predicted && y[i] ? 1 : 0;
            for (int j = 0; j < p.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    wins += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
                }
            }
        }
        double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        return new double[] {wins / pairs, f1, pos};
    }

    @Test
    void theShippedSampleExampleIsALeaveOneOutAgainstATrainedReference() {
        ExperimentPlan plan = ExperimentFiles.read(TestData.repositoryRoot().resolve("examples/zero-shot-sample.json"),
                Map.of(), tmp.resolve("o"));
        assertEquals(List.of(new ExperimentPlan.ZeroShot("loo", List.of("loo-CD", "loo-HYP", "loo-MI", "loo-NORM",
                "loo-STTC"), "trained")), plan.zeroShot());
        assertEquals(List.of(9), plan.dataConfig().testFolds());
        assertTrue(plan.comparisons().isEmpty());
    }

    @Test
    void theFullDataZeroShotExamplesReadWithTheDatasetGiven() {
        String sample = TestData.sample().toString();
        ExperimentPlan sub = ExperimentFiles.read(TestData.repositoryRoot().resolve(
                "examples/zero-shot-subdiagnostic.json"), Map.of("ptbxl", sample), tmp.resolve("s"));
        assertEquals(List.of(new ExperimentPlan.ZeroShot("ngram-held-out", List.of("ngram-held-out"), "ngram"),
                new ExperimentPlan.ZeroShot("locked-held-out", List.of("locked-held-out"), "locked"),
                new ExperimentPlan.ZeroShot("minilm-held-out", List.of("minilm-held-out"), "minilm")), sub.zeroShot());
        assertEquals(List.of(9), sub.dataConfig().testFolds());
        ExperimentPlan sup = ExperimentFiles.read(TestData.repositoryRoot().resolve(
                "examples/zero-shot-superdiagnostic.json"), Map.of("ptbxl", sample), tmp.resolve("p"));
        assertEquals(2, sup.zeroShot().size());
        assertEquals(5, sup.zeroShot().get(0).heldOut().size());
    }

    private ExperimentException fails(String json) throws IOException {
        Path f = file(json);
        return assertThrows(ExperimentException.class, () -> ExperimentFiles.read(f, Map.of(), tmp.resolve("o")));
    }

    @Test
    void theZeroShotKeysFailWithTheFileThePlaceAndTheFix() throws IOException {
        ExperimentException unknown = fails("\"variants\": {\"a\": {\"held-out-findings\": [\"LBBB\"]}}");
        assertTrue(unknown.getMessage().contains("variant 'a', key 'held-out-findings'")
                && unknown.getMessage().contains("CD, HYP, MI, NORM, STTC"), unknown.getMessage());
        ExperimentException bce = fails("\"variants\": {\"b\": {\"baseline\": \"bce\", \"held-out-findings\": "
                + "\"each\"}}");
        assertTrue(bce.getMessage().contains("variant 'b'") && bce.getMessage().contains("bce"), bce.getMessage());
        ExperimentException noVariant = fails("\"variants\": {\"a\": {\"held-out-findings\": [\"MI\"]}}, "
                + "\"zero-shot\": {\"held-out\": \"aa\"}");
        assertTrue(noVariant.getMessage().contains("key 'zero-shot', key 'held-out'")
                && noVariant.getMessage().contains("did you mean 'a'"), noVariant.getMessage());
        ExperimentException holdsNone = fails("\"variants\": {\"a\": {}, \"b\": {}}, \"zero-shot\": {\"held-out\": "
                + "\"a\", \"trained\": \"b\"}");
        assertTrue(holdsNone.getMessage().contains("holds no finding out"), holdsNone.getMessage());
        ExperimentException badReference = fails("\"variants\": {\"a\": {\"held-out-count\": 1}, \"b\": "
                + "{\"held-out-count\": 2}}, \"zero-shot\": {\"held-out\": \"a\", \"trained\": \"b\"}");
        assertTrue(badReference.getMessage().contains("no trained reference"), badReference.getMessage());
        ExperimentException badKey = fails("\"variants\": {\"a\": {\"held-out-count\": 1}}, \"zero-shot\": "
                + "{\"held-out\": \"a\", \"train\": \"a\"}");
        assertTrue(badKey.getMessage().contains("did you mean 'trained'"), badKey.getMessage());
        ExperimentException clash = fails("\"variants\": {\"x\": {\"held-out-findings\": \"each\"}, \"x-MI\": {}}");
        assertTrue(clash.getMessage().contains("two variants have this name"), clash.getMessage());
    }
}
