package org.ecgsiglip.io.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.ecgsiglip.io.VocabularyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingsVocabularyTest {
    private static final FindingsVocabulary V = FindingsVocabulary.of(List.of(
            Finding.of("NORM", "normal ECG"),
            new Finding("733534002", "complete left bundle branch block", "CLBBB", List.of("164909002"))));

    @Test
    void indexAndLookups() {
        assertEquals(2, V.size());
        assertEquals(List.of("NORM", "733534002"), V.codes());
        assertEquals(List.of("normal ECG", "complete left bundle branch block"), V.texts());
        assertEquals(1, V.indexOf("164909002"));
        assertEquals(OptionalInt.empty(), V.find("XYZ"));
        VocabularyException e = assertThrows(VocabularyException.class, () -> V.indexOf("XYZ"));
        assertTrue(e.getMessage().contains("'XYZ'") && e.getMessage().contains("NORM"), e.getMessage());
        assertThrows(VocabularyException.class, () -> FindingsVocabulary.of(List.of(Finding.of("A", "a"),
                new Finding("B", "b", null, List.of("A")))));
    }

    @Test
    void jsonRoundTripIsEqualAndAtomic(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("sub/vocabulary.json");
        V.write(f);
        FindingsVocabulary back = FindingsVocabulary.read(f);
        assertEquals(V, back);
        assertEquals(V.hashCode(), back.hashCode());
        assertNotEquals(V, FindingsVocabulary.of(List.of(V.get(1), V.get(0))));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
        Files.writeString(f, "{\"format\": \"other\", \"findings\": []}");
        assertThrows(VocabularyException.class, () -> FindingsVocabulary.read(f));
        Files.writeString(f, "{ not json");
        VocabularyException bad = assertThrows(VocabularyException.class, () -> FindingsVocabulary.read(f));
        assertTrue(bad.location().startsWith("line "), bad.getMessage());
        assertThrows(VocabularyException.class, () -> FindingsVocabulary.read(tmp.resolve("missing.json")));
        assertThrows(VocabularyException.class, () -> FindingsVocabulary.resource("nope"));
    }
}
