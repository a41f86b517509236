package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ptbxlSummaryJsonOnTheSample() throws Exception {
        // figures of data/ptb-xl-sample/NOTICE.md, written by data/make-sample.py from the original rows
        Path file = tmp.resolve("s.json");
        ExportCommandTest.Outcome o = ExportCommandTest.execute(new DatasetCommand(), "summary", "--ptbxl",
                TestData.sample().toString(), "--level", "super-diagnostic", "--json", "--out", file.toString());
        assertEquals(0, o.exit(), o.err());
        JsonNode j = new ObjectMapper().readTree(o.out());
        assertEquals(j, new ObjectMapper().readTree(file.toFile()));
        assertEquals("ptbxl-superdiagnostic", j.get("dataset").asText());
        assertEquals(378, j.get("records").asInt());
        assertEquals(0, j.get("dropped_no_finding").asInt());
        Map<String, Integer> notice = Map.of("NORM", 187, "MI", 81, "STTC", 91, "CD", 84, "HYP", 63);
        notice.forEach((code, n) -> assertEquals(n, j.get("findings").get(code).asInt(), code));
        for (int fold = 1; fold <= 9; fold++) {
            assertEquals(42, j.get("folds").get(String.valueOf(fold)).asInt(), "fold " + fold);
        }
        int cd = 0;
        for (JsonNode fold : j.get("findings_per_fold")) {
            cd += fold.path("CD").asInt();
        }
        assertEquals(84, cd);
    }

    @Test
    @ExtendedData
    void ptbxlSummaryJsonOnTheSubset() throws Exception {
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
        // 350 of the sample's 378 rows carry a rhythm statement (counted from ptbxl_database.csv in Python)
        DatasetCommand.Summary s = DatasetCommand.summarize(DatasetCommand.Request.ptbxl(TestData.sample(), LabelLevel.RHYTHM));
        assertEquals(350, s.records());
        assertEquals(12, s.findings().size());
        DatasetCommand.Summary c = DatasetCommand.summarize(DatasetCommand.Request.cinc(TestData.cincFixtures(),
                new Cinc.Options(Cinc.Unscored.INCLUDE, true)));
        assertEquals(7, c.records());
        assertEquals(7, c.folds().get(0));
        assertTrue(c.toString().contains("cinc2021-all"));
    }

    @Test
    @ExtendedData
    void runMethodAndCincOnTheSubset() {
        DatasetCommand.Summary s = DatasetCommand.summarize(DatasetCommand.Request.ptbxl(TestData.ptbxl(), LabelLevel.RHYTHM));
        assertEquals(3741, s.records());
        DatasetCommand.Summary c = DatasetCommand.summarize(DatasetCommand.Request.cinc(TestData.cinc2021(),
                new Cinc.Options(Cinc.Unscored.INCLUDE, true)));
        assertEquals(48, c.records());
        assertEquals(48, c.folds().get(0));
    }

    @Test
    void errorsAndHelp() throws Exception {
        ExportCommandTest.Outcome bad = ExportCommandTest.execute(new DatasetCommand(), "summary", "--ptbxl",
                TestData.sample().toString(), "--level", "superduper");
        assertEquals(1, bad.exit());
        assertTrue(bad.err().contains("superduper") && bad.err().contains("Fix:"), bad.err());
        ExportCommandTest.Outcome unknown = ExportCommandTest.execute(new DatasetCommand(), "summary", "--cinc",
                TestData.cincFixtures().toString());
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
