package org.ecgsiglip.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void ptbxlDefaultFollowsFolds() {
        LabeledDataset ds = PtbXl.load(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC);
        Split s = Split.ptbxlDefault(ds);
        // Fold counts from an independent Python count of the sample's ptbxl_database.csv: 42 records in
        // each of folds 1-9, all with a diagnostic statement; no fold 10 in the sample.
        assertEquals(8 * 42, s.train().length);
        assertEquals(42, s.validation().length);
        assertEquals(0, s.test().length);
        Arrays.stream(s.validation()).forEach(i -> assertEquals(9, ds.records().get(i).fold()));
        Split custom = Split.byFolds(ds, Set.of(1, 2, 3, 4, 5, 6, 7), Set.of(8), Set.of(9));
        assertEquals(42, custom.test().length);
        assertThrows(ConfigurationException.class, () -> Split.byFolds(ds, Set.of(1, 9), Set.of(9), Set.of(10)));
    }

    @Test
    @ExtendedData
    void ptbxlDefaultFollowsFoldsOnTheSubset() {
        LabeledDataset ds = PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC);
        Split s = Split.ptbxlDefault(ds);
        // Fold counts from the independent Python reference: folds 1-8 3338, fold 9 455, no fold 10 here.
        assertEquals(3338, s.train().length);
        assertEquals(455, s.validation().length);
        assertEquals(0, s.test().length);
        assertEquals(455, Split.byFolds(ds, Set.of(1, 2, 3, 4, 5, 6, 7), Set.of(8), Set.of(9)).test().length);
    }

    @Test
    void stratifiedIsSeededDisjointAndBalanced() {
        assertSeededDisjointAndBalanced(PtbXl.load(TestData.sample(), LabelLevel.SUPERDIAGNOSTIC), 0.04);
    }

    @Test
    @ExtendedData
    void stratifiedIsSeededDisjointAndBalancedOnTheSubset() {
        assertSeededDisjointAndBalanced(PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC), 0.03);
    }

    @Test
    void stratifiedCinc() {
        LabeledDataset ds = Cinc.load(TestData.cincFixtures(), new Cinc.Options(Cinc.Unscored.DROP, true));
        Split s = Split.stratified(ds, 7, 0.2, 0.2);
        assertEquals(7, s.train().length + s.validation().length + s.test().length);
        assertTrue(s.validation().length > 0 && s.test().length > 0, s.toString());
        assertEquals(s, Split.stratified(ds, 7, 0.2, 0.2));
        assertThrows(ConfigurationException.class, () -> Split.stratified(ds, 7, 0.6, 0.5));
    }

    @Test
    @ExtendedData
    void stratifiedCinc48() {
        LabeledDataset ds = Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.DROP, true));
        Split s = Split.stratified(ds, 7, 0.2, 0.2);
        assertEquals(46, s.train().length + s.validation().length + s.test().length);
        assertEquals(s, Split.stratified(ds, 7, 0.2, 0.2));
    }

    private static void assertSeededDisjointAndBalanced(LabeledDataset ds, double tolerance) {
        Split a = Split.stratified(ds, 42, 0.1, 0.1);
        assertEquals(a, Split.stratified(ds, 42, 0.1, 0.1));
        assertNotEquals(a, Split.stratified(ds, 43, 0.1, 0.1));
        assertEquals(ds.size(), a.train().length + a.validation().length + a.test().length);
        assertEquals(0.1, a.test().length / (double) ds.size(), 0.02);
        int[] total = ds.findingCounts();
        int[] test = ds.select(a.test()).findingCounts();
        for (int f = 0; f < total.length; f++) {
            assertEquals(0.1, test[f] / (double) total[f], tolerance, ds.vocabulary().get(f).code());
        }
        Map<String, Integer> partOfPatient = new HashMap<>();
        int[][] parts = {a.train(), a.validation(), a.test()};
        for (int p = 0; p < 3; p++) {
            for (int i : parts[p]) {
                Integer prev = partOfPatient.put(ds.records().get(i).patientId(), p);
                assertTrue(prev == null || prev == p, "patient split across parts");
            }
        }
    }
}
