package org.ecgsiglip.io.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.ecgsiglip.io.ptbxl.ScpStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped vocabularies equal what the builders make from the real tables. Run with
 * {@code -Decg.regenerate.vocabularies=true} once to rewrite the resources (then review the diff).
 */
class FrozenVocabulariesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/ecgsiglip/io/findings");

    @ParameterizedTest
    @EnumSource(LabelLevel.class)
    void ptbxlFrozenMatchesStatements(LabelLevel level) {
        FindingsVocabulary built = PtbXlVocabularies.build(
                ScpStatements.read(TestData.ptbxl().resolve("scp_statements.csv")), level);
        regenerate("ptbxl-" + level.id(), built);
        assertEquals(level.vocabularySize(), built.size());
        assertEquals(built, PtbXlVocabularies.frozen(level));
    }

    @Test
    void cincFrozenMatchesTables() {
        FindingsVocabulary scored = CincVocabularies.build(TestData.cinc2021(), false);
        FindingsVocabulary all = CincVocabularies.build(TestData.cinc2021(), true);
        regenerate("cinc2021-scored", scored);
        regenerate("cinc2021-all", all);
        assertEquals(26, scored.size());
        assertEquals(26 + 103, all.size());
        assertEquals(scored, CincVocabularies.frozen(false));
        assertEquals(all, CincVocabularies.frozen(true));
    }

    @Test
    void textsAsTheIssueAsks() {
        FindingsVocabulary sup = PtbXlVocabularies.frozen(LabelLevel.SUPERDIAGNOSTIC);
        assertEquals(java.util.List.of("CD", "HYP", "MI", "NORM", "STTC"), sup.codes());
        assertEquals(java.util.List.of("conduction disturbance", "hypertrophy", "myocardial infarction", "normal ECG",
                "ST/T change"), sup.texts());
        FindingsVocabulary all = PtbXlVocabularies.frozen(LabelLevel.ALL);
        assertEquals("complete left bundle branch block", all.get(all.indexOf("CLBBB")).text());
        FindingsVocabulary cinc = CincVocabularies.frozen(false);
        int lbbb = cinc.indexOf("164909002");
        assertEquals(lbbb, cinc.indexOf("733534002"), "LBBB and CLBBB are one class in 2021");
        assertEquals("733534002", cinc.get(lbbb).code());
        assertEquals(cinc.indexOf("59118001"), cinc.indexOf("713427006"));
        assertEquals(cinc.indexOf("63593006"), cinc.indexOf("284470004"));
        assertEquals(cinc.indexOf("17338001"), cinc.indexOf("427172004"));
    }

    private static void regenerate(String name, FindingsVocabulary v) {
        if (Boolean.getBoolean("ecg.regenerate.vocabularies")) {
            v.write(RESOURCES.resolve(name + ".json"));
        }
    }
}
