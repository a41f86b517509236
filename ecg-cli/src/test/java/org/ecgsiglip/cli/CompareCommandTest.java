package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ZeroDivision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aBetterModelWinsWithAReproducibleInterval() throws IOException {
        Path t = EvalCliFiles.truth(tmp, 120);
        Path weak = EvalCliFiles.scores(tmp, "diagonal.csv", t, 0.2, 5);
        Path strong = EvalCliFiles.scores(tmp, "collision.csv", t, 1.0, 6);
        for (String dir : List.of("x", "y")) {
            EvalCliFiles.Outcome o = EvalCliFiles.execute(new CompareCommand(), "--a", weak.toString(), "--b",
                    strong.toString(), "--truth", t.toString(), "--bootstrap", "300", "--seed", "11", "--out",
                    tmp.resolve(dir).toString());
            assertEquals(0, o.exit(), o.err());
            assertTrue(o.out().contains("macro_f1"), o.out());
        }
        for (String f : List.of("comparison.json", "comparison.csv", "report.md", "report.html")) {
            assertTrue(Files.isRegularFile(tmp.resolve("x").resolve(f)), f);
        }
        String x = Files.readString(tmp.resolve("x/comparison.json"));
        assertEquals(x, Files.readString(tmp.resolve("y/comparison.json")), "same seed, same file");
        JsonNode macro = JSON.readTree(x).get("differences").get("averages").get("macro_f1");
        assertTrue(macro.get("estimate").asDouble() > 0, macro.toString());
        assertTrue(macro.get("lower").asDouble() > 0, macro.toString());
        assertTrue(macro.get("p").asDouble() < 0.05, macro.toString());
        assertEquals("collision.csv", JSON.readTree(x).get("b").get("name").asText());
    }

    @Test
    void runReturnsTheComparison() {
        Path t = EvalCliFiles.truth(tmp, 50);
        Path a = EvalCliFiles.scores(tmp, "a.csv", t, 0.5, 1);
        CompareCommand.Result r = CompareCommand.run(new CompareCommand.Request(a, a, t,
                EvaluateCommand.ThresholdChoice.fixed(0.5), Optional.empty(), false, Bootstrap.byRecord(40, 2),
                Optional.empty(), ZeroDivision.ZERO, tmp.resolve("o"), Optional.empty()));
        assertEquals(0.0, r.comparison().macroF1().estimate());
        assertEquals(1.0, r.comparison().macroF1().pValue());
        assertEquals(5, r.files().size());
    }

    @Test
    void seedIsRequiredAndRecordSetsMustMatch() {
        Path t = EvalCliFiles.truth(tmp, 20);
        Path a = EvalCliFiles.scores(tmp, "a.csv", t, 0.5, 1);
        EvalCliFiles.Outcome o = EvalCliFiles.execute(new CompareCommand(), "--a", a.toString(), "--b", a.toString(),
                "--truth", t.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, o.exit());
        Path b = EvalCliFiles.write(tmp.resolve("b.csv"), EvalCliFiles.HEADER + "\ne0,0.1,0.2,0.3,0.4\n");
        o = EvalCliFiles.execute(new CompareCommand(), "--a", a.toString(), "--b", b.toString(), "--truth",
                t.toString(), "--seed", "1", "--out", tmp.resolve("o").toString());
        assertEquals(1, o.exit());
        assertTrue(o.err().contains("a.csv, line 3, column 1 (record_id)") && o.err().contains("record 'e1' is not in b.csv"),
                o.err());
    }
}
