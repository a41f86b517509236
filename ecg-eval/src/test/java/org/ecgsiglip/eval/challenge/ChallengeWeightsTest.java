package org.ecgsiglip.eval.challenge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeWeightsTest {
    @TempDir
    Path tmp;

    @Test
    void the2021TableHas26ClassesWithFourEquivalences() {
        ChallengeWeights w = ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv"));
        assertEquals(26, w.size());
        assertEquals(List.of(List.of("733534002", "164909002"), List.of("713427006", "59118001"),
                List.of("284470004", "63593006"), List.of("427172004", "17338001")),
                w.classes().stream().filter(c -> c.size() > 1).toList());
        assertEquals(14, w.sinusRhythm());
        assertEquals(w.classOf("164909002"), w.classOf("733534002"));
        assertTrue(w.classOf("55930002").isEmpty());
        for (int j = 0; j < 26; j++) {
            assertEquals(1.0, w.weight(j, j), "diagonal");
            for (int k = 0; k < 26; k++) {
                assertEquals(w.weight(j, k), w.weight(k, j), "symmetric");
                assertTrue(w.weight(j, k) >= 0 && w.weight(j, k) <= 1);
            }
        }
        // first rows of the published table: AF row, AFL column 0.5; AF row, BBB column 0.475
        assertEquals(0.5, w.weight(0, 1));
        assertEquals(0.475, w.weight(0, 2));
    }

    @Test
    void the2020TableMergesItsThreePairsAsThe2020CodeDoes() {
        ChallengeWeights raw = ChallengeWeights.read(ChallengeCases.resource("weights-2020.csv"));
        assertEquals(27, raw.size());
        ChallengeWeights merged = raw.mergeEquivalent(ChallengeWeights.EQUIVALENT_CODES_2020);
        assertEquals(24, merged.size());
        int rbbb = merged.classOf("59118001").orElseThrow();
        assertEquals(List.of("713427006", "59118001"), merged.classes().get(rbbb));
        assertEquals(merged.classOf("713427006").orElseThrow(), rbbb);
        assertEquals(List.of("284470004", "63593006"), merged.classes().get(merged.classOf("63593006").orElseThrow()));
        assertEquals(List.of("427172004", "17338001"), merged.classes().get(merged.classOf("17338001").orElseThrow()));
        // the merged class sits where its first code was, and keeps that row's weights
        int crbbbRaw = raw.classOf("713427006").orElseThrow();
        int af = raw.classOf("164889003").orElseThrow();
        assertEquals(raw.weight(crbbbRaw, af), merged.weight(rbbb, merged.classOf("164889003").orElseThrow()));
        assertEquals(Set.copyOf(raw.codes()), Set.copyOf(merged.classes().stream().flatMap(List::stream).toList()));
        // merging the 2021 table again changes nothing
        ChallengeWeights y2021 = ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv"));
        assertEquals(y2021, y2021.mergeEquivalent(ChallengeWeights.EQUIVALENT_CODES_2020));
        ChallengeWeights unequal = ChallengeWeights.of(List.of(List.of("1"), List.of("2"), List.of("426783006")),
                new double[][] {{1, 0.5, 0.2}, {0.5, 1, 0.3}, {0.2, 0.3, 1}});
        assertThrows(EvalInputException.class, () -> unequal.mergeEquivalent(List.of(List.of("1", "2"))));
    }

    @Test
    void badTablesAreTypedErrorsNamingTheCell() throws IOException {
        assertBad(",1,2\n1,1,0\n2,0,1\n3,0,0\n", null, "it must be square");
        assertBad(",1,2\n1,1,0\n3,0,1\n", "line 3, column 1", "row class '3' is not column 3's class '2'");
        assertBad(",1,2\n1,1,x\n2,0,1\n", "line 2, column 3", "weight 'x' is not a finite number");
        assertBad(",1,2\n1,1,inf\n2,0,1\n", "line 2, column 3", "weight 'inf' is not a finite number");
        assertBad(",1,AF\n1,1,0\nAF,0,1\n", "line 1, column 3", "'AF' is not a SNOMED-CT code");
        assertBad(",1,2|1\n1,1,0\n2|1,0,1\n", "class 2", "code 1 is in class 1 and class 2");
        assertBad(",1,2\n1,1,0\n2,0\n", "line 3", "row has 2 fields, the header 3");
        Path ok = tmp.resolve("ok.csv");
        Files.writeString(ok, ",1,426783006|9\n1,1,nan\n9|426783006,NaN,1\n");
        ChallengeWeights w = ChallengeWeights.read(ok);
        assertTrue(Double.isNaN(w.weight(0, 1)) && Double.isNaN(w.weight(1, 0)));
        assertEquals(List.of("1", "426783006"), w.codes());
        assertEquals(List.of("426783006", "9"), w.classes().get(1), "row names may list a class in any order");
    }

    private void assertBad(String text, String location, String problem) throws IOException {
        Path f = tmp.resolve("weights.csv");
        Files.writeString(f, text);
        EvalInputException e = assertThrows(EvalInputException.class, () -> ChallengeWeights.read(f));
        assertEquals(location, e.location());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }
}
