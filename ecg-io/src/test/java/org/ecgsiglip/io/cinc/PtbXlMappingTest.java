package org.ecgsiglip.io.cinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.ecgsiglip.io.ptbxl.ScpStatements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PtbXlMappingTest {
    private static final PtbXlMapping MAP = PtbXlMapping.bundled();

    @TempDir
    Path tmp;

    @Test
    void everyStatementOfTheFullVocabularyFindsItsClass() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("164889003", List.of("AFIB"));
        expected.put("164890007", List.of("AFLT"));
        expected.put("733534002", List.of("CLBBB"));
        expected.put("713427006", List.of("CRBBB"));
        expected.put("270492004", List.of("1AVB"));
        expected.put("713426002", List.of("IRBBB"));
        expected.put("445118002", List.of("LAFB"));
        expected.put("164947007", List.of("LPR"));
        expected.put("251146004", List.of("LVOLT"));
        expected.put("111975006", List.of("LNGQT"));
        expected.put("698252002", List.of("IVCD"));
        expected.put("426783006", List.of("NORM", "SR")); // in the vocabulary's (sorted) order
        expected.put("284470004", List.of("PAC", "SVARR"));
        expected.put("10370003", List.of("PACE"));
        expected.put("427172004", List.of("PVC"));
        expected.put("164917005", List.of("QWAVE"));
        expected.put("427393009", List.of("SARRH"));
        expected.put("426177001", List.of("SBRAD"));
        expected.put("427084000", List.of("STACH"));
        expected.put("164934002", List.of("NDT", "NT_", "TAB_"));
        expected.put("59931005", List.of("INVT"));
        Map<String, List<String>> got = MAP.counterparts(LabelLevel.ALL);
        assertEquals(expected.keySet(), got.keySet());
        expected.forEach((cls, scp) -> assertEquals(new TreeSet<>(scp), new TreeSet<>(got.get(cls)), cls));
        assertEquals(List.of("6374002", "426627000", "39732003", "365413008", "47665007"),
                MAP.zeroShot(LabelLevel.ALL).stream().map(Finding::code).toList());
        assertEquals(25, MAP.entries().size());
        assertEquals(List.of("PVC"), MAP.entries().stream().filter(e -> e.basis().equals("clinical"))
                .map(PtbXlMapping.Entry::scpCode).toList());
        assertEquals("733534002", MAP.entries().stream().filter(e -> e.scpCode().equals("CLBBB")).findFirst()
                .orElseThrow().cincCode(), "the Challenge's PTB-XL code 164909002 is LBBB, merged into CLBBB");
    }

    @Test
    void coarseLevelsKeepOnlyTheGroupsThatAreOneStatement() {
        assertEquals(Map.of("426783006", List.of("NORM")), MAP.counterparts(LabelLevel.SUPERDIAGNOSTIC));
        assertEquals(25, MAP.zeroShot(LabelLevel.SUPERDIAGNOSTIC).size());
        assertEquals(List.of("733534002", "713427006", "713426002", "698252002", "426783006"),
                List.copyOf(MAP.counterparts(LabelLevel.SUBDIAGNOSTIC).keySet()));
        assertEquals(Set.of("164889003", "164890007", "426783006", "284470004", "10370003", "427393009",
                "426177001", "427084000"), MAP.counterparts(LabelLevel.RHYTHM).keySet());
        assertEquals(26 - 8, MAP.zeroShot(LabelLevel.RHYTHM).size());
        assertEquals(List.of("NDT", "NT_", "TAB_"), MAP.counterparts(LabelLevel.FORM).get("164934002"));
    }

    @ParameterizedTest
    @EnumSource(LabelLevel.class)
    void aMatchedVocabularyCodeStandsForExactlyThatStatement(LabelLevel level) {
        ScpStatements statements = ScpStatements.read(TestData.sample().resolve("scp_statements.csv"));
        for (List<String> codes : MAP.counterparts(level).values()) {
            for (String code : codes) {
                Set<String> members = new TreeSet<>();
                for (String s : PtbXlVocabularies.frozen(LabelLevel.ALL).codes()) {
                    if (level.labels(Map.of(s, 100.0), statements).contains(code)) {
                        members.add(s);
                    }
                }
                assertEquals(Set.of(code), members, level + " " + code);
            }
        }
    }

    @Test
    void theChallengesLabelsOfTheBundledPtbXlRecordsAreTheirMappedStatements() {
        // scp_codes of ecg_id 6002 and 6003 in ptbxl_database.csv (PTB-XL 1.0.x); HR06002/HR06003 are
        // the Challenge's copies, bundled in data/fixtures/cinc2021.
        Map<String, List<String>> scp = Map.of("HR06002", List.of("NORM", "IRBBB", "SBRAD"),
                "HR06003", List.of("NORM", "STACH"));
        LabeledDataset cinc = Cinc.load(TestData.cincFixtures(), new Cinc.Options(Cinc.Unscored.DROP, true));
        scp.forEach((id, statements) -> assertEquals(CincTest.codes(cinc, CincTest.find(cinc, id)),
                mapped(statements), id));
    }

    @Test
    @ExtendedData
    void theChallengesLabelsOfTheSharedPtbXlRecordsAreTheirMappedStatements() {
        LabeledDataset ptbxl = PtbXl.load(TestData.ptbxl(), LabelLevel.ALL);
        LabeledDataset cinc = Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.DROP, true));
        int compared = 0;
        for (LabeledRecord hr : cinc.records()) {
            if (!hr.recordId().startsWith("HR")) {
                continue;
            }
            String ptbxlId = hr.recordId().substring(2) + "_lr";
            LabeledRecord p = ptbxl.records().stream().filter(r -> r.recordId().equals(ptbxlId)).findFirst()
                    .orElse(null);
            if (p == null) {
                continue;
            }
            List<String> statements = Arrays.stream(p.findings()).mapToObj(i -> ptbxl.vocabulary().get(i).code())
                    .toList();
            assertEquals(CincTest.codes(cinc, hr), mapped(statements), hr.recordId() + " " + statements);
            compared++;
        }
        assertEquals(2, compared, "HR06002 and HR06003 are in the shared PTB-XL subset");
    }

    @Test
    void aBadTableIsATypedErrorNamingItsLine() throws IOException {
        assertBad("scp_code,snomed_code,basis\nAFIB,164889003,challenge\nXYZ,164889003,clinical\n",
                "line 3, column scp_code", "'XYZ' is not one of PTB-XL's 71 SCP statements");
        assertBad("# comment\nscp_code,snomed_code,basis\nAFIB,55930002,clinical\n",
                "line 3, column snomed_code", "'55930002' is not a code of the 26 scored");
        assertBad("scp_code,snomed_code,basis\nCLBBB,164909002,x\nCLBBB,733534002,y\n", "line 3",
                "CLBBB is mapped to class 733534002 twice");
        assertBad("scp,snomed_code,basis\n", "line 1 (header)", "required column 'scp_code' is missing");
        Path own = tmp.resolve("own.csv");
        Files.writeString(own, "scp_code,snomed_code,basis\nSBRAD,426627000,mine\n");
        assertEquals(Map.of("426627000", List.of("SBRAD")), PtbXlMapping.read(own).counterparts(LabelLevel.RHYTHM));
    }

    private void assertBad(String text, String location, String problem) throws IOException {
        Path f = tmp.resolve("bad.csv");
        Files.writeString(f, text);
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXlMapping.read(f));
        assertEquals(location, e.location());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    private static List<String> mapped(List<String> statements) {
        return MAP.counterparts(statements).keySet().stream().sorted().toList();
    }
}
