package org.ecgsiglip.io.ptbxl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import java.util.Set;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Label levels against an independent Python computation (fixtures/ptbxl_label_counts.py, its output
 * for the bundled sample and for the extended subset saved beside it) and against rows checked by hand
 * in scp_statements.csv.
 */
class PtbXlLevelsTest {
    private static JsonNode reference(String name) throws IOException {
        try (InputStream in = PtbXlLevelsTest.class.getResourceAsStream("/fixtures/" + name)) {
            return new ObjectMapper().readTree(in);
        }
    }

    @ParameterizedTest
    @EnumSource(LabelLevel.class)
    void countsMatchIndependentPythonOnTheSample(LabelLevel level) throws IOException {
        check(PtbXl.load(TestData.sample(), level), reference("ptbxl_label_counts_sample.json").get(level.id()), 378);
    }

    @ParameterizedTest
    @EnumSource(LabelLevel.class)
    @ExtendedData
    void countsMatchIndependentPythonOnTheSubset(LabelLevel level) throws IOException {
        check(PtbXl.load(TestData.ptbxl(), level), reference("ptbxl_label_counts.json").get(level.id()), 3880);
    }

    private static void check(LabeledDataset ds, JsonNode ref, int rows) {
        assertEquals(ref.get("records").asInt(), ds.size());
        assertEquals(ref.get("dropped").asInt(), ds.report().droppedNoFinding());
        assertEquals(rows, ds.report().rowsRead());
        int[] counts = ds.findingCounts();
        FindingsVocabulary v = ds.vocabulary();
        for (int f = 0; f < v.size(); f++) {
            JsonNode c = ref.get("counts").get(v.get(f).code());
            assertEquals(c == null ? 0 : c.asInt(), counts[f], v.get(f).code());
        }
        ds.foldCounts().forEach((fold, n) -> assertEquals(ref.get("folds").get(fold.toString()).asInt(), n));
    }

    @Test
    @ExtendedData
    void handCheckedCountsOnTheSharedSubset() {
        // 3,880 rows; 87 have no diagnostic statement, 2,029 no form statement, 139 no rhythm statement.
        assertEquals(3793, PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC).size());
        assertEquals(1851, PtbXl.load(TestData.ptbxl(), LabelLevel.FORM).size());
        assertEquals(3741, PtbXl.load(TestData.ptbxl(), LabelLevel.RHYTHM).size());
        LabeledDataset sup = PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC);
        assertArrayEquals(new int[] {1549, 595, 1209, 1003, 1207}, sup.findingCounts()); // CD HYP MI NORM STTC
    }

    @Test
    void row1AtEveryLevel() {
        // ecg_id 1: {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}; NORM diagnostic (class NORM, subclass NORM),
        // LVOLT form only, SR rhythm only; the 0.0 likelihoods count, as in the benchmark.
        assertEquals(Set.of("LVOLT", "NORM", "SR"), labels(LabelLevel.ALL, "00001_lr"));
        assertEquals(Set.of("NORM"), labels(LabelLevel.DIAGNOSTIC, "00001_lr"));
        assertEquals(Set.of("NORM"), labels(LabelLevel.SUBDIAGNOSTIC, "00001_lr"));
        assertEquals(Set.of("NORM"), labels(LabelLevel.SUPERDIAGNOSTIC, "00001_lr"));
        assertEquals(Set.of("LVOLT"), labels(LabelLevel.FORM, "00001_lr"));
        assertEquals(Set.of("SR"), labels(LabelLevel.RHYTHM, "00001_lr"));
    }

    @Test
    void row234AtEveryLevel() {
        // ecg_id 234: {'ASMI': 100.0, 'IMI': 15.0, 'ANEUR': 100.0, '1AVB': 100.0, 'SR': 0.0}.
        // ASMI -> MI/AMI, IMI -> MI/IMI, ANEUR -> STTC/STTC, 1AVB -> CD/_AVB; none is a form statement.
        assertEquals(Set.of("1AVB", "ANEUR", "ASMI", "IMI", "SR"), labels(LabelLevel.ALL, "00234_lr"));
        assertEquals(Set.of("1AVB", "ANEUR", "ASMI", "IMI"), labels(LabelLevel.DIAGNOSTIC, "00234_lr"));
        assertEquals(Set.of("AMI", "IMI", "STTC", "_AVB"), labels(LabelLevel.SUBDIAGNOSTIC, "00234_lr"));
        assertEquals(Set.of("CD", "MI", "STTC"), labels(LabelLevel.SUPERDIAGNOSTIC, "00234_lr"));
        assertEquals(Set.of(), labels(LabelLevel.FORM, "00234_lr"));
        assertEquals(Set.of("SR"), labels(LabelLevel.RHYTHM, "00234_lr"));
    }

    @Test
    void recordFieldsAndMinSamples() {
        LabeledDataset all = PtbXl.load(TestData.sample(), LabelLevel.ALL);
        LabeledRecord r = all.records().get(0);
        assertEquals("00001_lr", r.recordId());
        assertEquals("15709", r.patientId());
        assertEquals(3, r.fold());
        assertTrue(r.recordPath().endsWith("records100/00000/00001_lr"));
        // LPR occurs in 2 records of the sample: min_samples 2 removes it (count must exceed min_samples).
        LabeledDataset filtered = PtbXl.load(TestData.sample(), LabelLevel.ALL,
                PtbXl.Options.defaults().withMinSamples(2));
        assertEquals(0, filtered.findingCounts()[filtered.vocabulary().indexOf("LPR")]);
        assertEquals(2, all.findingCounts()[all.vocabulary().indexOf("LPR")]);
    }

    @Test
    void levelNamesParseLeniently() {
        for (String s : List.of("superdiagnostic", "super-diagnostic", "SUPER_DIAGNOSTIC", "superdiag", "super")) {
            assertEquals(LabelLevel.SUPERDIAGNOSTIC, LabelLevel.parse(s));
        }
        assertEquals(LabelLevel.SUBDIAGNOSTIC, LabelLevel.parse("sub-diagnostic"));
        assertEquals(LabelLevel.ALL, LabelLevel.parse("All"));
    }

    private static Set<String> labels(LabelLevel level, String id) {
        LabeledDataset ds = PtbXl.load(TestData.sample(), level);
        return ds.records().stream().filter(r -> r.recordId().equals(id)).findFirst()
                .map(r -> java.util.Arrays.stream(r.findings()).mapToObj(f -> ds.vocabulary().get(f).code())
                        .collect(java.util.stream.Collectors.toSet()))
                .orElse(Set.of());
    }

}
