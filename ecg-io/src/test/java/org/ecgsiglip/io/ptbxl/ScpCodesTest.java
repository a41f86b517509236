package org.ecgsiglip.io.ptbxl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScpCodesTest {
    private static final Path F = Path.of("ptbxl_database.csv");

    @Test
    void parsesPythonDictsInOrder() {
        Map<String, Double> m = ScpCodes.parse("{'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}", F, 2);
        assertEquals(List.of("NORM", "LVOLT", "SR"), List.copyOf(m.keySet()));
        assertEquals(100.0, m.get("NORM"));
        assertEquals(Map.of(), ScpCodes.parse(" {} ", F, 2));
        assertEquals(Map.of("A\"B", 15.0, "X", -1.5e2), ScpCodes.parse("{\"A\\\"B\": 15, 'X': -1.5e2,}", F, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "}", "{'NORM' 100.0}", "{'NORM': }", "{'NORM': abc}", "{NORM: 1}",
            "{'NORM': 1.0 'SR': 0}", "{'NORM': 1.0}}", "{'': 1}", "{'NORM': 1, 'NORM': 2}", "['NORM']", "{'NORM: 1}",
            "{'NORM': 1e999}", "{'NORM': --1}"})
    void malformedValuesNameLineColumnAndFix(String text) {
        DatasetException e = assertThrows(DatasetException.class, () -> ScpCodes.parse(text, F, 812));
        assertTrue(e.location().startsWith("line 812, column scp_codes, character "), e.getMessage());
        assertTrue(e.fix().contains("Python dict"), e.getMessage());
    }
}
