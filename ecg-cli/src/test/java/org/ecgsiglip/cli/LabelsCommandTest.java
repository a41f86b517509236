package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void jsonAndPngForAllStatementsExcludingSinusRhythm() throws Exception {
        Path png = tmp.resolve("c.png");
        ExportCommandTest.Outcome o = ExportCommandTest.execute(new LabelsCommand(), "--ptbxl", TestData.sample().toString(),
                "--level", "all", "--batch-size", "32", "--batch-sizes", "16,64", "--exclude-from-collisions", "SR",
                "--folds", "1,2", "--batches", "50", "--png", png.toString(), "--json");
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals("ptbxl-all", j.get("dataset").asText());
        assertEquals(List.of("SR"), List.of(j.get("excluded").get(0).asText()));
        assertEquals(3, j.get("batch_sizes").size());
        assertEquals(71, j.get("findings").size());
        for (JsonNode f : j.get("findings")) {
            if (f.get("code").asText().equals("SR")) {
                assertTrue(f.get("excluded").asBoolean());
                assertEquals(0.0, f.get("expected_pairs").asDouble());
                assertEquals(0.0, f.get("measured_pairs").asDouble());
            }
        }
        assertNotNull(ImageIO.read(png.toFile()));
        ExportCommandTest.Outcome text = ExportCommandTest.execute(new LabelsCommand(), "--ptbxl",
                TestData.sample().toString(), "--batch-size", "32", "--batches", "20");
        assertTrue(text.out().contains("ptbxl-superdiagnostic") && text.out().contains("per finding, batch size 32"),
                text.out());
    }

    @Test
    void excludingAFindingLowersTheCollisions() {
        LabelsCommand.Request with = new LabelsCommand.Request(TestData.sample(), LabelLevel.RHYTHM, 32, List.of(32),
                List.of(), Set.of(), 20, 1, false);
        LabelsCommand.Request without = new LabelsCommand.Request(TestData.sample(), LabelLevel.RHYTHM, 32, List.of(32),
                List.of("SR"), Set.of(), 20, 1, false);
        assertTrue(LabelsCommand.run(without).main().expected() < LabelsCommand.run(with).main().expected());
    }

    @Test
    void badSizesAndCodesAreTyped() {
        ConfigurationException small = assertThrows(ConfigurationException.class, () -> LabelsCommand.run(
                new LabelsCommand.Request(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC, 1, List.of(), List.of(),
                        Set.of(), 10, 1, false)));
        assertTrue(small.getMessage().contains("--batch-size") && small.getMessage().contains("Fix:"));
        ConfigurationException large = assertThrows(ConfigurationException.class, () -> LabelsCommand.run(
                new LabelsCommand.Request(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC, 32, List.of(16, 100000),
                        List.of(), Set.of(9), 10, 1, false)));
        assertTrue(large.getMessage().contains("--batch-sizes") && large.getMessage().contains("42"),
                large.getMessage());
        EcgException code = assertThrows(EcgException.class, () -> LabelsCommand.run(
                new LabelsCommand.Request(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC, 32, List.of(), List.of("SR"),
                        Set.of(), 10, 1, false)));
        assertTrue(code.getMessage().contains("'SR'"), code.getMessage());
        assertTrue(ExportCommandTest.execute(new LabelsCommand(), "--help").out().contains("Examples:"));
        assertEquals(2, ExportCommandTest.execute(new LabelsCommand(), "--ptbxl", "x").exit());
    }
}
