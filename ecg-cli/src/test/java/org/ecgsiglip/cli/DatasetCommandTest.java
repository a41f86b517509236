package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ptbxlSummaryJson() throws Exception {
        Path file = tmp.resolve("s.json");
        ExportCommandTest.Outcome o = ExportCommandTest.execute(new DatasetCommand(), "summary", "--ptbxl",
                TestData.ptbxl().toString(), "--level", "super-diagnostic", "--json", "--out", file.toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(j, new ObjectMapper().readTree(file.toFile()));
        assertEquals("ptbxl-superdiagnostic", j.get("dataset").asText());
        assertEquals(3793, j.get("records").asInt());
        assertEquals(87, j.get("dropped_no_finding").asInt());
        assertEquals(1549, j.get("findings").get("CD").asInt());
        assertEquals(1003, j.get("findings").get("NORM").asInt());
        assertEquals(455, j.get("folds").get("9").asInt());
        int sum = 0;
        for (JsonNode n : j.get("folds")) {
            sum += n.asInt();
        }
        assertEquals(3793, sum);
        int cd = 0;
        for (JsonNode fold : j.get("findings_per_fold")) {
            cd += fold.path("CD").asInt();
        }
        assertEquals(1549, cd);
    }

    @Test
    void runMethodAndCinc() {
        DatasetCommand.Summary s = DatasetCommand.summarize(DatasetCommand.Request.ptbxl(TestData.ptbxl(), LabelLevel.RHYTHM));
        assertEquals(3741, s.records());
        assertEquals(12, s.findings().size());
        DatasetCommand.Summary c = DatasetCommand.summarize(DatasetCommand.Request.cinc(TestData.cinc2021(),
                new Cinc.Options(Cinc.Unscored.INCLUDE, true)));
        assertEquals(48, c.records());
        assertEquals(48, c.folds().get(0));
        assertTrue(c.toString().contains("cinc2021-all"));
    }

    @Test
    void errorsAndHelp() throws Exception {
        ExportCommandTest.Outcome bad = ExportCommandTest.execute(new DatasetCommand(), "summary", "--ptbxl",
                TestData.ptbxl().toString(), "--level", "superduper");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("superduper") && bad.err().contains("Fix:"), bad.err());
        ExportCommandTest.Outcome unknown = ExportCommandTest.execute(new DatasetCommand(), "summary", "--cinc",
                TestData.cinc2021().toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("251238007"), unknown.err());
        assertEquals(2, ExportCommandTest.execute(new DatasetCommand(), "summary").exit());
        assertEquals(2, ExportCommandTest.execute(new DatasetCommand(), "summary", "--ptbxl", "a", "--cinc", "b").exit());
        ExportCommandTest.Outcome help = ExportCommandTest.execute(new DatasetCommand(), "summary", "--help");
        assertTrue(help.out().contains("Examples:") && help.out().contains("--json"), help.out());
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(1, ExportCommandTest.execute(new DatasetCommand(), "summary", "--ptbxl",
                tmp.resolve("empty").toString()).exit());
    }
}
