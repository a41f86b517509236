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
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.junit.jupiter.api.Test;

class SplitTest {
    @Test
    void ptbxlDefaultFollowsFolds() {
        LabeledDataset ds = PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC);
        Split s = Split.ptbxlDefault(ds);
        // Fold counts from the independent Python reference: folds 1-8 3338, fold 9 455, no fold 10 here.
        assertEquals(3338, s.train().length);
        assertEquals(455, s.validation().length);
        assertEquals(0, s.test().length);
        Arrays.stream(s.validation()).forEach(i -> assertEquals(9, ds.records().get(i).fold()));
        Split custom = Split.byFolds(ds, Set.of(1, 2, 3, 4, 5, 6, 7), Set.of(8), Set.of(9));
        assertEquals(455, custom.test().length);
        assertThrows(ConfigurationException.class, () -> Split.byFolds(ds, Set.of(1, 9), Set.of(9), Set.of(10)));
    }

    @Test
    void stratifiedIsSeededDisjointAndBalanced() {
        LabeledDataset ds = PtbXl.load(TestData.ptbxl(), LabelLevel.SUPERDIAGNOSTIC);
        Split a = Split.stratified(ds, 42, 0.1, 0.1);
        assertEquals(a, Split.stratified(ds, 42, 0.1, 0.1));
        assertNotEquals(a, Split.stratified(ds, 43, 0.1, 0.1));
        assertEquals(ds.size(), a.train().length + a.validation().length + a.test().length);
        assertEquals(0.1, a.test().length / (double) ds.size(), 0.02);
        int[] total = ds.findingCounts();
        int[] test = ds.select(a.test()).findingCounts();
        for (int f = 0; f < total.length; f++) {
            assertEquals(0.1, test[f] / (double) total[f], 0.03, ds.vocabulary().get(f).code());
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

    @Test
    void stratifiedCinc() {
        LabeledDataset ds = Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.DROP, true));
        Split s = Split.stratified(ds, 7, 0.2, 0.2);
        assertEquals(46, s.train().length + s.validation().length + s.test().length);
        assertEquals(s, Split.stratified(ds, 7, 0.2, 0.2));
        assertThrows(ConfigurationException.class, () -> Split.stratified(ds, 7, 0.6, 0.5));
    }
}
