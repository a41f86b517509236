package org.ecgsiglip.io.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.cinc.CincSource;
import org.ecgsiglip.io.findings.Finding;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldsTest {
    /** Prevalences of the synthetic findings: common to rare (about 10 records of the last in 1,200). */
    private static final double[] PREVALENCE = {0.5, 0.3, 0.2, 0.1, 0.08, 0.05, 0.04, 0.03, 0.02, 0.015, 0.012, 0.008};
    /** Sources by record-id prefix, of unequal size and with their own finding rates. */
    private static final String[] SOURCES = {"A", "A", "A", "A", "A", "A", "B", "B", "B", "C", "C", "D"};
    private static final Function<LabeledRecord, String> SOURCE = r -> r.recordId().substring(0, 1);

    @TempDir
    Path tmp;

    @Test
    void everyFindingAndEverySourceIsSpreadOverTheFoldsInProportion() {
        LabeledDataset ds = synthetic(1200, 5, false);
        int k = 10;
        LabeledDataset folded = FoldAssignment.stratified(ds, k, 17, SOURCE);
        int[] fold = folds(folded);
        assertEquals(Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), Arrays.stream(fold).boxed().collect(Collectors.toSet()));
        for (int f = 0; f < ds.vocabulary().size(); f++) {
            final int finding = f;
            int total = ds.findingCounts()[f];
            int[] per = perFold(ds, fold, k, r -> ds.records().get(r).has(finding));
            assertWithin(per, total / (double) k, 2 + 0.02 * total / k, "finding " + f + " (" + total + " records)");
        }
        for (String s : List.of("A", "B", "C", "D")) {
            int[] per = perFold(ds, fold, k, r -> ds.records().get(r).recordId().startsWith(s));
            assertFloorOrCeil(per, "source " + s);
        }
        assertFloorOrCeil(perFold(ds, fold, k, r -> true), "fold sizes");
        // the same data dealt at random (a seeded permutation into 10 equal folds) is far less even
        int[] random = randomFolds(ds.size(), k, 17);
        double stratifiedWorst = worstDeviation(ds, fold, k);
        double randomWorst = worstDeviation(ds, random, k);
        assertTrue(stratifiedWorst <= 2 && randomWorst >= 3 * stratifiedWorst, stratifiedWorst + " vs " + randomWorst);
        assertEquals(ds.records().get(5).recordPath(), folded.records().get(5).recordPath());
        assertArrayEquals(ds.records().get(5).findings(), folded.records().get(5).findings());
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        LabeledDataset ds = synthetic(300, 9, false);
        int[] a = folds(FoldAssignment.stratified(ds, 5, 3, SOURCE));
        assertArrayEquals(a, folds(FoldAssignment.stratified(ds, 5, 3, SOURCE)));
        assertFalse(Arrays.equals(a, folds(FoldAssignment.stratified(ds, 5, 4, SOURCE))));
        assertFalse(Arrays.equals(a, folds(FoldAssignment.stratified(ds, 5, 3))), "the stratum takes part");
    }

    @Test
    void recordsOfOnePatientShareAFold() {
        LabeledDataset ds = synthetic(400, 11, true);
        int[] fold = folds(FoldAssignment.stratified(ds, 4, 8, SOURCE));
        Map<String, Integer> foldOfPatient = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            Integer prev = foldOfPatient.put(ds.records().get(i).patientId(), fold[i]);
            assertTrue(prev == null || prev == fold[i], "patient " + ds.records().get(i).patientId());
        }
    }

    @Test
    void foldsFeedSplitByFoldsLikePtbXlsStratFold() {
        LabeledDataset folded = FoldAssignment.stratified(synthetic(500, 2, false), 10, 1, SOURCE);
        Split s = Split.byFolds(folded, Set.of(1, 2, 3, 4, 5, 6, 7, 8), Set.of(9), Set.of(10));
        assertEquals(500, s.train().length + s.validation().length + s.test().length);
        assertEquals(50, s.test().length, 1);
        Arrays.stream(s.test()).forEach(i -> assertEquals(10, folded.records().get(i).fold()));
        assertEquals(10, folded.foldCounts().size());
    }

    @Test
    void theBundledCincRecordsGetFoldsStratifiedBySource() {
        LabeledDataset ds = Cinc.load(TestData.cincFixtures(), new Cinc.Options(Cinc.Unscored.DROP, true));
        LabeledDataset folded = Cinc.assignFolds(ds, 2, 5);
        Map<Integer, Map<String, Integer>> counts = FoldAssignment.counts(folded, r -> CincSource.of(r.recordId()).name());
        // 2 Georgia, 2 PTB-XL and 3 Ningbo records: each fold gets one of each pair and 1 or 2 Ningbo
        for (Map<String, Integer> c : counts.values()) {
            assertEquals(1, c.get("GEORGIA"));
            assertEquals(1, c.get("PTB_XL"));
            assertTrue(c.get("NINGBO") == 1 || c.get("NINGBO") == 2, c.toString());
        }
        assertArrayEquals(folds(folded), folds(Cinc.assignFolds(ds, 2, 5)));
        assertThrows(ConfigurationException.class, () -> FoldAssignment.stratified(ds, 1, 5));
        assertThrows(ConfigurationException.class, () -> FoldAssignment.stratified(ds, 8, 5));
    }

    @Test
    @ExtendedData
    void the48CincRecordsGetFoldsStratifiedBySourceAndFinding() {
        LabeledDataset ds = Cinc.load(TestData.cinc2021(), new Cinc.Options(Cinc.Unscored.DROP, true));
        int k = 4;
        int[] fold = folds(Cinc.assignFolds(ds, k, 2021));
        for (String prefix : List.of("E", "HR", "JS")) {
            assertFloorOrCeil(perFold(ds, fold, k,
                    r -> CincSource.of(ds.records().get(r).recordId()).prefix().equals(prefix)), prefix);
        }
        int[] counts = ds.findingCounts();
        for (int f = 0; f < counts.length; f++) {
            final int finding = f;
            assertWithin(perFold(ds, fold, k, r -> ds.records().get(r).has(finding)), counts[f] / (double) k, 1.5,
                    ds.vocabulary().get(f).code());
        }
    }

    @Test
    void aSplitFileRoundTripsAndBadOnesAreTypedErrors() throws IOException {
        LabeledDataset ds = synthetic(30, 4, false);
        LabeledDataset folded = FoldAssignment.stratified(ds, 3, 9, SOURCE);
        Path file = tmp.resolve("folds.csv");
        FoldAssignment.write(folded, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("record_id,fold", lines.get(0));
        assertEquals(ds.records().get(0).recordId() + "," + folded.records().get(0).fold(), lines.get(1));
        assertArrayEquals(folds(folded), folds(FoldAssignment.read(ds, file)));
        List<String> shuffled = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.reverse(shuffled);
        shuffled.add(0, "fold,record_id");
        Files.write(file, shuffled.stream().map(l -> l.contains(",") && !l.startsWith("fold")
                ? l.substring(l.indexOf(',') + 1) + "," + l.substring(0, l.indexOf(',')) : l).toList());
        assertArrayEquals(folds(folded), folds(FoldAssignment.read(ds, file)), "columns and rows in any order");

        assertBad(ds, lines, 5, "XYZ9,2", "line 6, column record_id", "record 'XYZ9' is not in the dataset");
        assertBad(ds, lines, 5, lines.get(2), "line 6", "is listed again (first on line 3)");
        assertBad(ds, lines, 5, ds.records().get(4).recordId() + ",0", "line 6, column fold", "is not a whole number");
        assertBad(ds, lines, 5, ds.records().get(4).recordId() + ",two", "line 6, column fold", "fold 'two'");
        List<String> short1 = new ArrayList<>(lines.subList(0, 28));
        Files.write(file, short1);
        DatasetException missing = assertThrows(DatasetException.class, () -> FoldAssignment.read(ds, file));
        assertTrue(missing.getMessage().contains("3 record(s) of the dataset have no row, e.g. "
                + ds.records().get(27).recordId()), missing.getMessage());
        Files.writeString(file, "record_id,split\nx,1\n");
        assertEquals("line 1 (header)", assertThrows(DatasetException.class, () -> FoldAssignment.read(ds, file)).location());
        assertThrows(ConfigurationException.class, () -> FoldAssignment.write(ds, tmp.resolve("nofolds.csv")));
    }

    private void assertBad(LabeledDataset ds, List<String> lines, int row, String replacement, String location,
            String problem) throws IOException {
        List<String> bad = new ArrayList<>(lines);
        bad.set(row, replacement);
        Path file = tmp.resolve("bad.csv");
        Files.write(file, bad);
        DatasetException e = assertThrows(DatasetException.class, () -> FoldAssignment.read(ds, file));
        assertEquals(location, e.location());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }

    /** Records whose findings are drawn with {@link #PREVALENCE} (rates varying by source). */
    static LabeledDataset synthetic(int n, long seed, boolean patients) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Finding> findings = new ArrayList<>();
        for (int f = 0; f < PREVALENCE.length; f++) {
            findings.add(Finding.of("F" + f, "finding " + f));
        }
        List<LabeledRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String source = SOURCES[rng.nextInt(SOURCES.length)];
            double boost = 1 + (source.charAt(0) - 'A') * 0.5;
            List<Integer> has = new ArrayList<>();
            for (int f = 0; f < PREVALENCE.length; f++) {
                if (rng.nextDouble() < Math.min(0.9, PREVALENCE[f] * boost)) {
                    has.add(f);
                }
            }
            if (has.isEmpty()) {
                has.add(0);
            }
            String patient = patients ? "p" + rng.nextInt(n / 3) : null;
            records.add(new LabeledRecord(source + String.format("%05d", i), patient, Path.of("r" + i), 0,
                    has.stream().mapToInt(Integer::intValue).toArray()));
        }
        return new LabeledDataset("synthetic", FindingsVocabulary.of(findings), records, LoadReport.clean(n));
    }

    private static int[] folds(LabeledDataset ds) {
        return ds.records().stream().mapToInt(LabeledRecord::fold).toArray();
    }

    private static int[] perFold(LabeledDataset ds, int[] fold, int k, IntPredicate in) {
        int[] per = new int[k];
        for (int r = 0; r < ds.size(); r++) {
            if (in.test(r)) {
                per[fold[r] - 1]++;
            }
        }
        return per;
    }

    /** Every fold's count within {@code slack} of {@code expected}. */
    private static void assertWithin(int[] per, double expected, double slack, String what) {
        for (int j = 0; j < per.length; j++) {
            assertTrue(Math.abs(per[j] - expected) <= slack, what + ": fold " + (j + 1) + " has " + per[j]
                    + ", expected " + expected + " +- " + slack + " " + Arrays.toString(per));
        }
    }

    /** Every fold's count is floor(total / k) or one more. */
    private static void assertFloorOrCeil(int[] per, String what) {
        int total = Arrays.stream(per).sum();
        for (int c : per) {
            assertTrue(c == total / per.length || c == total / per.length + 1, what + ": " + Arrays.toString(per));
        }
    }

    /** The largest |count - expected| over every finding and fold. */
    private static double worstDeviation(LabeledDataset ds, int[] fold, int k) {
        double worst = 0;
        for (int f = 0; f < ds.vocabulary().size(); f++) {
            final int finding = f;
            int[] per = perFold(ds, fold, k, r -> ds.records().get(r).has(finding));
            double e = ds.findingCounts()[f] / (double) k;
            for (int c : per) {
                worst = Math.max(worst, Math.abs(c - e));
            }
        }
        return worst;
    }

    private static int[] randomFolds(int n, int k, long seed) {
        int[] perm = IntStream.range(0, n).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % k + 1;
        }
        return fold;
    }
}
