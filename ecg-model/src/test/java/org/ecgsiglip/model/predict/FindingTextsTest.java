package org.ecgsiglip.model.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.EcgException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings file of {@code ecg predict --findings}: what it reads, and every refusal naming file and field. */
class FindingTextsTest {
    @TempDir
    Path tmp;

    private Path file(String name, String text) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsCodesAndTextsInFileOrder() throws IOException {
        FindingTexts t = FindingTexts.read(file("ok.json", "{\"NORM\": \"normal ECG\", \"LBBB\": \"complete left "
                + "bundle branch block\"}"));
        assertEquals(List.of("NORM", "LBBB"), t.codes());
        assertEquals(List.of("normal ECG", "complete left bundle branch block"), t.textList());
    }

    @Test
    void badFilesAreTypedErrorsNamingTheFileAndTheField() throws IOException {
        refused(file("syntax.json", "{\"NORM\": \"normal\",}"), "line 1", "not valid JSON");
        refused(file("twice.json", "{\"NORM\": \"a\", \"NORM\": \"b\"}"), "line 1", "NORM");
        refused(file("array.json", "[\"normal ECG\"]"), null, "JSON object");
        refused(file("empty.json", ""), null, "empty");
        refused(file("none.json", "{}"), null, "no finding");
        refused(file("blank.json", "{\"NORM\": \"  \"}"), "field 'NORM'", "empty");
        refused(file("number.json", "{\"NORM\": 1}"), "field 'NORM'", "not a string");
        refused(file("nullcode.json", "{\"\": \"normal\"}"), "field \"\"", "blank");
        refused(tmp.resolve("missing.json"), null, "does not exist");
    }

    private static void refused(Path f, String location, String problem) {
        EcgException e = assertThrows(EcgException.class, () -> FindingTexts.read(f));
        assertEquals(f, e.file(), e.getMessage());
        if (location != null) {
            assertTrue(e.location() != null && e.location().contains(location), e.getMessage());
        }
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
