package org.ecgsiglip.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.train.Baseline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.util.DidYouMean;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentFilesTest {
    @TempDir
    Path tmp;

    private Path file(String variantsAndMore) throws IOException {
        Path f = tmp.resolve("e.json");
        Files.writeString(f, "{\"base\": {\"ptbxl\": \"" + TestData.sample().toString().replace("\\", "/")
                + "\", \"train-folds\": [1, 2, 3, 4, 5, 6, 7], \"validation-folds\": [8], \"test-folds\": [9]}, "
                + variantsAndMore + "}");
        return f;
    }

    private ExperimentException fails(String json) throws IOException {
        Path f = file(json);
        return assertThrows(ExperimentException.class, () -> ExperimentFiles.read(f, Map.of(), tmp.resolve("out")));
    }

    @Test
    void resolvesVariantsSeedsAndDefaults() throws IOException {
        Path f = file("\"variants\": {\"diagonal\": {\"label-matrix\": \"diagonal\", \"epochs\": 3}, "
                + "\"shared\": {}, \"bce\": {\"baseline\": \"bce\"}}, \"seeds\": [5, 6], \"out\": \"runs/x\"");
        ExperimentPlan p = ExperimentFiles.read(f, Map.of("device", "cpu"), null);
        assertEquals(List.of("diagonal", "shared", "bce"), p.variants().stream().map(ExperimentPlan.Variant::name).toList());
        assertEquals(LabelMatrix.DIAGONAL, p.variant("diagonal").config().labelMatrix());
        assertEquals(3, p.variant("diagonal").config().epochs());
        assertEquals(30, p.variant("shared").config().epochs());
        assertEquals(LabelMatrix.SHARED_FINDING, p.variant("shared").config().labelMatrix());
        assertEquals(Baseline.BCE, p.variant("bce").config().baseline());
        assertEquals(List.of(5L, 6L), p.seeds());
        assertEquals(5L, p.variant("bce").config().seed());
        assertEquals(6L, p.variant("bce").config(6).seed());
        assertEquals(List.of(new ExperimentPlan.Comparison("diagonal", "shared"),
                new ExperimentPlan.Comparison("diagonal", "bce")), p.comparisons());
        assertEquals(tmp.resolve("runs/x").toAbsolutePath().normalize(), p.out().toAbsolutePath());
        assertEquals(0.5, p.thresholds().fixed().getAsDouble());
        assertEquals(5L, p.bootstrapSeed());
        assertEquals(1000, p.bootstrap());
        assertEquals(tmp.resolve("runs/x/runs/bce/seed-6").toAbsolutePath().normalize(),
                p.runFolder(p.variant("bce"), 6).toAbsolutePath());
        assertEquals(List.of(9), p.dataConfig().testFolds());
        assertTrue(p.toJson().get("variants").get("diagonal").get("config").get("label-matrix").asText()
                .equals("diagonal"));
    }

    @Test
    void unknownKeysAndNamesSuggestTheClosest() throws IOException {
        ExperimentException top = fails("\"variant\": {\"a\": {}}");
        assertTrue(top.getMessage().contains("unknown key 'variant'") && top.getMessage().contains("did you mean "
                + "'variants'"), top.getMessage());
        assertTrue(top.getMessage().contains("e.json"), top.getMessage());

        Path f = tmp.resolve("b.json");
        Files.writeString(f, "{\"base\": {\"epoch\": 3}, \"variants\": {\"a\": {}}}");
        ExperimentException base = assertThrows(ExperimentException.class, () -> ExperimentFiles.read(f, Map.of(), tmp));
        assertTrue(base.getMessage().contains("base, key 'epoch'") && base.getMessage().contains("did you mean 'epochs'"),
                base.getMessage());

        ExperimentException variant = fails("\"variants\": {\"diag\": {\"label-matrx\": \"diagonal\"}}");
        assertTrue(variant.getMessage().contains("variant 'diag', key 'label-matrx'")
                && variant.getMessage().contains("did you mean 'label-matrix'"), variant.getMessage());

        ExperimentException pair = fails("\"variants\": {\"diagonal\": {\"label-matrix\": \"diagonal\"}, \"shared\": {}}, "
                + "\"comparisons\": [[\"diagnal\", \"shared\"]]");
        assertTrue(pair.getMessage().contains("'diagnal'") && pair.getMessage().contains("did you mean 'diagonal'"),
                pair.getMessage());
    }

    @Test
    void badValuesNameTheVariantAndTheFix() throws IOException {
        ExperimentException matrix = fails("\"variants\": {\"x\": {\"label-matrix\": \"diagnoal\"}}");
        assertTrue(matrix.getMessage().contains("variant 'x'") && matrix.getMessage().contains("diagnoal")
                && matrix.getMessage().contains("Fix:"), matrix.getMessage());
        ExperimentException shared = fails("\"variants\": {\"x\": {\"test-folds\": [8]}}");
        assertTrue(shared.getMessage().contains("move it into \"base\""), shared.getMessage());
        ExperimentException seed = fails("\"variants\": {\"x\": {\"seed\": 3}}");
        assertTrue(seed.getMessage().contains("\"seeds\""), seed.getMessage());
        ExperimentException name = fails("\"variants\": {\"a/b\": {}}");
        assertTrue(name.getMessage().contains("folder name"), name.getMessage());
        assertTrue(fails("\"variants\": {}").getMessage().contains("no variants"));
        assertTrue(fails("\"variants\": {\"a\": {}}, \"seeds\": [1, 1]").getMessage().contains("twice"));
        assertTrue(fails("\"variants\": {\"a\": {}}, \"seeds\": [\"1\"]").getMessage().contains("integer"));
        assertTrue(fails("\"variants\": {\"a\": {}}, \"thresholds\": 2").getMessage().contains("tuned"));
        assertTrue(fails("\"variants\": {\"a\": {}, \"b\": {}}, \"comparisons\": [[\"a\", \"a\"]]").getMessage()
                .contains("itself"));
        assertTrue(fails("\"variants\": {\"a\": {}}, \"bootstrap\": 0").getMessage().contains("at least 1"));
        Path noOut = file("\"variants\": {\"a\": {}}");
        assertTrue(assertThrows(ExperimentException.class, () -> ExperimentFiles.read(noOut, Map.of(), null))
                .getMessage().contains("--out"));
        EcgException missing = assertThrows(ExperimentException.class,
                () -> ExperimentFiles.read(tmp.resolve("nope.json"), Map.of(), tmp));
        assertTrue(missing.getMessage().contains("nope.json"), missing.getMessage());
        Path broken = tmp.resolve("broken.json");
        Files.writeString(broken, "{\"variants\": ");
        assertTrue(assertThrows(ExperimentException.class, () -> ExperimentFiles.read(broken, Map.of(), tmp))
                .getMessage().contains("line 1"));
    }

    @Test
    void didYouMeanDistance() {
        assertEquals(0, DidYouMean.distance("epochs", "epochs"));
        assertEquals(1, DidYouMean.distance("epoch", "epochs"));
        assertEquals(1, DidYouMean.distance("label-matrx", "label-matrix"));
        assertEquals(3, DidYouMean.distance("abc", ""));
        assertEquals(3, DidYouMean.distance("kitten", "sitting"));
        assertEquals("seeds", DidYouMean.closest("seed", List.of("name", "seeds", "out")));
    }

    @Test
    void aFileOverTheSizeCapOrMissingIsRefusedNamingTheFile() throws IOException {
        Path big = tmp.resolve("big.json");
        Files.writeString(big, "{" + " ".repeat((int) ExperimentFiles.MAX_FILE_BYTES) + "}");
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> ExperimentFiles.read(big, Map.of(), tmp.resolve("out")));
        assertTrue(e.getMessage().contains(big.toString()) && e.getMessage().contains("experiment file may have"),
                e.getMessage());
        ExperimentException missing = assertThrows(ExperimentException.class,
                () -> ExperimentFiles.read(tmp.resolve("nope.json"), Map.of(), tmp.resolve("out")));
        assertTrue(missing.getMessage().contains("the experiment file does not exist"), missing.getMessage());
    }
}
