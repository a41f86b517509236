package org.ecgsiglip.io.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.cinc.CincSource;
import org.ecgsiglip.io.dataset.FoldAssignment;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CinC through the input pipeline: every source, other rates and lengths, merged labels, the split, pipeline.json. */
class CincDataSourceTest {
    @TempDir
    Path tmp;

    /** One copy per Challenge source, at its own rate and a length the bundled records do not have. */
    static final List<Object[]> COPIES = List.of(
            new Object[] {"A0001", "E07500", 500, 15.0, CincSource.CPSC_2018},
            new Object[] {"Q0001", "E07501", 500, 6.0, CincSource.CPSC_2018_EXTRA},
            new Object[] {"I0001", "HR06002", 257, 15.0, CincSource.INCART},
            new Object[] {"S0001", "HR06003", 1000, 6.0, CincSource.PTB},
            new Object[] {"HR00001", "JS20000", 500, 10.0, CincSource.PTB_XL},
            new Object[] {"E00001", "E07500", 500, 10.0, CincSource.GEORGIA},
            new Object[] {"JS00001", "E07501", 1000, 10.0, CincSource.CHAPMAN_SHAOXING},
            new Object[] {"JS10647", "HR06002", 257, 10.0, CincSource.NINGBO});

    private Path copies() {
        Path root = tmp.resolve("copies");
        for (Object[] c : COPIES) {
            CincCopies.write(TestData.cincFixtures().resolve((String) c[1]), root, (String) c[0], (int) c[2],
                    (double) c[3], null);
        }
        return root;
    }

    private static DataSpec spec(DataSource source, Preprocessing prep) {
        return new DataSpec(source, new Folds(List.of(1), List.of(2), List.of(3)), prep, Standardization.NONE,
                Windows.whole(prep.length()), Precision.FLOAT32);
    }

    @Test
    void everySourceAtItsRateAndLengthLoadsAndBecomesTheSameModelInput() {
        CincDataSource source = CincDataSource.scored(copies(), 4, 7);
        LabeledDataset ds = source.load();
        LabeledDataset fixtures = Cinc.load(TestData.cincFixtures(), Cinc.Options.defaults().withIgnoreUnknownCodes(true));
        assertEquals(COPIES.size(), ds.size());
        assertEquals("cinc2021-scored", ds.name());
        assertEquals(Map.of(1, 2, 2, 2, 3, 2, 4, 2), ds.foldCounts(), "8 records, one per source, dealt out evenly");
        InputPipeline pipe = new InputPipeline(spec(source, Preprocessing.of(100, 1000)), null);
        for (Object[] c : COPIES) {
            LabeledRecord r = ds.records().stream().filter(x -> x.recordId().equals(c[0])).findFirst().orElseThrow();
            assertEquals(c[4], CincSource.of(r.recordId()), r.recordId());
            LabeledRecord original = fixtures.records().stream().filter(x -> x.recordId().equals(c[1])).findFirst()
                    .orElseThrow();
            assertArrayEquals(original.findings(), r.findings(), r.recordId() + " keeps its source's findings");
            EcgRecord copy = RecordReader.read(r.recordPath());
            assertEquals((int) c[2], copy.samplingFrequency(), 0);
            assertEquals(Math.round((double) c[3] * (int) c[2]), copy.signals()[0].length);
            float[] got = pipe.prepare(copy);
            float[] want = pipe.prepare(RecordReader.read(original.recordPath()));
            int valid = (int) Math.min(1000, Math.round((double) c[3] * 100));
            for (int k = 0; k < 12; k++) {
                double peak = 0;
                double worst = 0;
                for (int t = 0; t < 1000; t++) {
                    peak = Math.max(peak, Math.abs(want[k * 1000 + t]));
                    if (t >= valid) {
                        assertEquals(0f, got[k * 1000 + t], 0f, r.recordId() + " is padded with zeros after " + valid);
                    } else if ((int) c[2] == 500 && (double) c[3] == 10.0) {
                        // same rate and length: the copy holds the same digital values, so the same input
                        assertEquals(want[k * 1000 + t], got[k * 1000 + t], 0f, r.recordId() + " lead " + k + " t " + t);
                    } else if (t >= 20 && t < valid - 20) {
                        // away from the ends, where the resamplers' filters see different edges (a longer copy
                        // continues past 10 s, a shorter one stops)
                        worst = Math.max(worst, Math.abs(want[k * 1000 + t] - got[k * 1000 + t]));
                    }
                }
                // measured: at most 0.17 % of the lead's peak (INCART's 257 Hz), 0.6 µV
                assertTrue(worst <= 0.005 * peak + 0.0005, r.recordId() + " lead " + k + ": " + worst + " mV off, peak "
                        + peak);
            }
        }
    }

    @Test
    void equivalentCodesMergeAndUnscoredCodesFollowThePolicy() {
        Path root = tmp.resolve("merge");
        // RBBB 59118001 = CRBBB 713427006, LBBB 164909002 = CLBBB 733534002, VPB 17338001 = PVC 427172004,
        // plus the unscored 164873001 (left ventricular hypertrophy)
        CincCopies.write(TestData.cincFixtures().resolve("E07500"), root, "E00001", 500, 10, "59118001,164909002,"
                + "17338001,164873001");
        CincCopies.write(TestData.cincFixtures().resolve("E07501"), root, "E00002", 500, 10, "713427006,59118001");
        CincCopies.write(TestData.cincFixtures().resolve("E07501"), root, "E00003", 500, 10, "164873001");
        LabeledDataset scored = new CincDataSource(root, Cinc.Unscored.DROP, false, new CincDataSource.Stratified(2, 1))
                .load();
        List<String> codes = scored.vocabulary().codes();
        assertEquals(2, scored.size(), "E00003 has no scored finding left");
        assertEquals(Set.of("713427006", "733534002", "427172004"), Set.copyOf(findings(scored, 0, codes)),
                "each code counts as its class's canonical code");
        assertEquals(List.of("713427006"), findings(scored, 1, codes), "both codes of one class count once");
        CincDataSource all = new CincDataSource(root, Cinc.Unscored.INCLUDE, false, new CincDataSource.Stratified(3, 1));
        LabeledDataset included = all.load();
        assertEquals("cinc2021-all", all.name());
        assertEquals(3, included.size());
        assertTrue(findings(included, 2, included.vocabulary().codes()).contains("164873001"));
        assertNotEquals(spec(all, Preprocessing.of(100, 1000)).cacheKey(),
                spec(new CincDataSource(root, Cinc.Unscored.DROP, false, new CincDataSource.Stratified(3, 1)),
                        Preprocessing.of(100, 1000)).cacheKey(), "the vocabulary is part of the cache key");
        EcgException fail = assertThrows(EcgException.class, () -> new CincDataSource(root, Cinc.Unscored.FAIL, false,
                new CincDataSource.Stratified(2, 1)).load());
        assertTrue(fail.getMessage().contains("164873001"), fail.getMessage());
    }

    private static List<String> findings(LabeledDataset ds, int i, List<String> codes) {
        List<String> out = new ArrayList<>();
        for (int f : ds.records().get(i).findings()) {
            out.add(codes.get(f));
        }
        return out;
    }

    @Test
    void theSplitIsSeededStratifiedByFindingAndSourceAndPartOfTheDigest() {
        Path root = TestData.cincFixtures();
        CincDataSource a = new CincDataSource(root, Cinc.Unscored.DROP, true, new CincDataSource.Stratified(3, 5));
        LabeledDataset first = a.load();
        assertEquals(first.records(), a.load().records(), "the same seed gives the same folds");
        assertEquals(7, first.size(), "JS20006 keeps its scored codes, its unknown one is skipped");
        assertEquals(List.of(2, 2, 3), first.foldCounts().values().stream().sorted().toList());
        // per source, as evenly as the quotas allow: Georgia 2, PTB-XL 2, Ningbo 3 records over 3 folds
        Map<Integer, Map<String, Integer>> perSource = FoldAssignment.counts(first, r -> CincSource.of(r.recordId())
                .name());
        assertEquals(3, perSource.size());
        for (Map<String, Integer> m : perSource.values()) {
            assertTrue(m.getOrDefault("GEORGIA", 0) <= 1 && m.getOrDefault("PTB_XL", 0) <= 1, perSource.toString());
            assertEquals(1, (int) m.get("NINGBO"), perSource.toString());
        }
        List<Map<String, Integer>> bySeed = new ArrayList<>();
        for (long seed = 0; seed < 6; seed++) {
            Map<String, Integer> folds = new TreeMap<>();
            new CincDataSource(root, Cinc.Unscored.DROP, true, new CincDataSource.Stratified(3, seed)).load().records()
                    .forEach(r -> folds.put(r.recordId(), r.fold()));
            bySeed.add(folds);
        }
        assertTrue(bySeed.stream().distinct().count() > 1, "the seed moves records: " + bySeed);
        Preprocessing prep = Preprocessing.of(100, 1000);
        String key = spec(a, prep).cacheKey();
        assertNotEquals(key, spec(new CincDataSource(root, Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(3, 6)), prep).cacheKey(), "another seed, another cache");
        assertNotEquals(key, spec(new CincDataSource(root, Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(4, 5)), prep).cacheKey(), "another k, another cache");
        assertNotEquals(spec(a, prep).digest(), spec(new CincDataSource(root, Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(4, 5)), prep).digest());
    }

    @Test
    void aSplitFileGivesItsFoldsAndIsRefusedWhenItNamesUnknownRecordsOrChanged() throws IOException {
        Path root = TestData.cincFixtures();
        LabeledDataset assigned = new CincDataSource(root, Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(3, 5)).load();
        Path split = tmp.resolve("split.csv");
        FoldAssignment.write(assigned, split);
        CincDataSource fromFile = new CincDataSource(root, Cinc.Unscored.DROP, true,
                CincDataSource.SplitFile.of(split));
        assertEquals(assigned.records(), fromFile.load().records());
        Preprocessing prep = Preprocessing.of(100, 1000);
        String digest = spec(fromFile, prep).digest();

        Files.writeString(split, Files.readString(split).replace("E07500,", "E07599,"));
        DatasetException changed = assertThrows(DatasetException.class, fromFile::load);
        assertEquals(split, changed.file());
        assertTrue(changed.getMessage().contains("changed"), changed.getMessage());
        CincDataSource edited = new CincDataSource(root, Cinc.Unscored.DROP, true, CincDataSource.SplitFile.of(split));
        assertNotEquals(digest, spec(edited, prep).digest(), "the file's content is part of the digest");
        DatasetException unknown = assertThrows(DatasetException.class, edited::load);
        assertTrue(unknown.getMessage().contains("E07599") && unknown.getMessage().contains("line 2"),
                unknown.getMessage());
        assertThrows(DatasetException.class, () -> CincDataSource.SplitFile.of(tmp.resolve("none.csv")));
    }

    @Test
    void foldCountsTheRecordsCannotFillAreRefused() {
        ConfigurationException many = assertThrows(ConfigurationException.class,
                () -> new CincDataSource(TestData.cincFixtures(), Cinc.Unscored.DROP, true,
                        new CincDataSource.Stratified(8, 1)).load());
        assertTrue(many.getMessage().contains("cinc-folds") && many.getMessage().contains("8 folds for the 7 records")
                && many.getMessage().contains("at most 7"), many.getMessage());
        ConfigurationException one = assertThrows(ConfigurationException.class,
                () -> new CincDataSource.Stratified(1, 1));
        assertTrue(one.getMessage().contains("cinc-folds"), one.getMessage());
    }

    @Test
    void pipelineJsonKeepsTheSourceAndItsSplit() throws IOException {
        Path split = tmp.resolve("split.csv");
        FoldAssignment.write(new CincDataSource(TestData.cincFixtures(), Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(3, 5)).load(), split);
        Map<String, CincDataSource> sources = new LinkedHashMap<>();
        sources.put("stratified", new CincDataSource(TestData.cincFixtures(), Cinc.Unscored.INCLUDE, true,
                new CincDataSource.Stratified(3, -4_000_000_000L)));
        sources.put("file", new CincDataSource(TestData.cincFixtures(), Cinc.Unscored.DROP, false,
                CincDataSource.SplitFile.of(split)));
        for (Map.Entry<String, CincDataSource> e : sources.entrySet()) {
            InputPipeline p = new InputPipeline(spec(e.getValue(), Preprocessing.of(100, 1000)), null);
            Path file = tmp.resolve(e.getKey() + ".json");
            PipelineJson.write(p, file);
            InputPipeline back = PipelineJson.read(file);
            assertEquals(p, back, e.getKey());
            assertEquals(p.digest(), back.digest(), e.getKey());
        }
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, Files.readString(tmp.resolve("stratified.json")).replace("\"stratified\"", "\"random\""));
        EcgException e = assertThrows(EcgException.class, () -> PipelineJson.read(bad));
        assertTrue(e.getMessage().contains("spec.source.split.kind") && e.getMessage().contains("random"),
                e.getMessage());
        Files.writeString(bad, Files.readString(tmp.resolve("stratified.json")).replace("\"folds\" : 3", "\"folds\" : 1"));
        EcgException k = assertThrows(EcgException.class, () -> PipelineJson.read(bad));
        assertEquals(bad, k.file());
        assertTrue(k.getMessage().contains("2"), k.getMessage());
    }

    @Test
    @ExtendedData
    void theSharedRecordsLoadWithTenFoldsStratifiedBySource() {
        CincDataSource source = new CincDataSource(TestData.cinc2021(), Cinc.Unscored.DROP, true,
                new CincDataSource.Stratified(10, 1));
        LabeledDataset ds = source.load();
        assertEquals(46, ds.size(), "48 records, E07505 and E07519 (left ventricular hypertrophy only) dropped");
        assertEquals(ds.records(), source.load().records());
        Map<Integer, Map<String, Integer>> perSource = FoldAssignment.counts(ds, r -> CincSource.of(r.recordId())
                .name());
        assertEquals(10, perSource.size());
        Map<String, Integer> totals = new TreeMap<>();
        perSource.values().forEach(m -> m.forEach((s, n) -> totals.merge(s, n, Integer::sum)));
        assertEquals(Map.of("GEORGIA", 18, "NINGBO", 20, "PTB_XL", 8), totals);
        for (Map<String, Integer> m : perSource.values()) {
            assertTrue(m.getOrDefault("GEORGIA", 0) >= 1 && m.getOrDefault("GEORGIA", 0) <= 2, perSource.toString());
            assertEquals(2, (int) m.getOrDefault("NINGBO", 0), perSource.toString());
            assertTrue(m.getOrDefault("PTB_XL", 0) <= 1, perSource.toString());
        }
    }
}
