package org.ecgsiglip.io.findings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.cinc.DxMapping;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.ecgsiglip.io.ptbxl.ScpStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped vocabularies equal what the builders make from the real tables (the bundled PTB-XL
 * sample's {@code scp_statements.csv}, the bundled CinC 2021 tables). Run with
 * {@code -Decg.regenerate.vocabularies=true} once to rewrite the resources (then review the diff).
 */
class FrozenVocabulariesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/ecgsiglip/io/findings");
    /** Lower-case clinical abbreviations that the Challenge's table texts use ("1st degree av block"). */
    private static final Pattern SHORTHAND = Pattern.compile("\\b(av|qrs|qt|pr|st|qwave|[qrst])\\b");

    @ParameterizedTest
    @EnumSource(LabelLevel.class)
    void ptbxlFrozenMatchesStatements(LabelLevel level) {
        FindingsVocabulary built = PtbXlVocabularies.build(
                ScpStatements.read(TestData.sample().resolve("scp_statements.csv")), level);
        regenerate("ptbxl-" + level.id(), built);
        assertEquals(level.vocabularySize(), built.size());
        assertEquals(built, PtbXlVocabularies.frozen(level));
    }

    @Test
    @ExtendedData
    void theSubsetsStatementsTableGivesTheSameVocabularies() throws Exception {
        assertEquals(Files.readString(TestData.sample().resolve("scp_statements.csv")),
                Files.readString(TestData.ptbxl().resolve("scp_statements.csv")));
        assertEquals(CincVocabularies.build(TestData.cincFixtures(), true),
                CincVocabularies.build(TestData.cinc2021(), true));
    }

    @Test
    void cincFrozenMatchesTables() {
        FindingsVocabulary scored = CincVocabularies.build(TestData.cincFixtures(), false);
        FindingsVocabulary all = CincVocabularies.build(TestData.cincFixtures(), true);
        regenerate("cinc2021-scored", scored);
        regenerate("cinc2021-all", all);
        assertEquals(26, scored.size());
        assertEquals(26 + 103, all.size());
        assertEquals(30, scored.findings().stream().mapToInt(f -> 1 + f.equivalentCodes().size()).sum());
        assertEquals(scored, CincVocabularies.frozen(false));
        assertEquals(all, CincVocabularies.frozen(true));
        assertEquals(scored.findings(), all.findings().subList(0, 26));
    }

    @Test
    void everyScoredClassHasAClinicalTextAndTheTablesAbbreviation() {
        FindingsVocabulary cinc = CincVocabularies.frozen(false);
        DxMapping table = DxMapping.read(TestData.cincFixtures().resolve("dx_mapping_scored.csv"));
        assertEquals(cinc.codes().stream().sorted().toList(),
                CincVocabularies.SCORED_TEXTS.keySet().stream().sorted().toList());
        for (Finding f : cinc.findings()) {
            assertEquals(CincVocabularies.SCORED_TEXTS.get(f.code()), f.text());
            assertFalse(SHORTHAND.matcher(f.text()).find(), f.code() + ": '" + f.text() + "' keeps table shorthand");
            assertEquals(table.get(f.code()).orElseThrow().abbreviation(), f.abbreviation());
        }
        assertEquals("first degree AV block", cinc.get(cinc.indexOf("270492004")).text());
        assertEquals("abnormal Q wave", cinc.get(cinc.indexOf("164917005")).text());
        assertEquals("T wave abnormality", cinc.get(cinc.indexOf("164934002")).text());
        // where PTB-XL has the same finding in plain words, the two datasets share the text
        FindingsVocabulary ptbxl = PtbXlVocabularies.frozen(LabelLevel.ALL);
        for (String[] pair : List.of(new String[] {"1AVB", "270492004"}, new String[] {"LPR", "164947007"},
                new String[] {"CLBBB", "733534002"}, new String[] {"CRBBB", "713427006"},
                new String[] {"IRBBB", "713426002"}, new String[] {"SR", "426783006"})) {
            assertEquals(ptbxl.get(ptbxl.indexOf(pair[0])).text(), cinc.get(cinc.indexOf(pair[1])).text(), pair[0]);
        }
    }

    @Test
    void textsAsTheIssueAsks() {
        FindingsVocabulary sup = PtbXlVocabularies.frozen(LabelLevel.SUPERDIAGNOSTIC);
        assertEquals(List.of("CD", "HYP", "MI", "NORM", "STTC"), sup.codes());
        assertEquals(List.of("conduction disturbance", "hypertrophy", "myocardial infarction", "normal ECG",
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
