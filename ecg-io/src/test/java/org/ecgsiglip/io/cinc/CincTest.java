package org.ecgsiglip.io.cinc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.mat.Mat4File;
import org.ecgsiglip.io.mat.Mat4Header;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.WfdbReader;
import org.junit.jupiter.api.Test;

/** The loader on the 7 bundled records; the 48-record checks are tagged extended. */
class CincTest {
    private static final Cinc.Options LENIENT = new Cinc.Options(Cinc.Unscored.DROP, true);

    @Test
    void fixturesLoadWithFindingsAndDecode() {
        LabeledDataset ds = Cinc.load(TestData.cincFixtures(), new Cinc.Options(Cinc.Unscored.INCLUDE, true));
        assertEquals(7, ds.size());
        assertEquals("cinc2021-all", ds.name());
        assertEquals(1, ds.report().codesIgnored(), "JS20006's 251238007 is in neither mapping");
        assertTrue(ds.report().notes().contains("JS20006: unknown code 251238007 ignored"));
        assertTrue(ds.report().notes().stream().anyMatch(n -> n.startsWith("JS20005: 1 empty #Dx entry")));
        for (LabeledRecord r : ds.records()) {
            assertTrue(r.findingCount() > 0);
            assertEquals(0, r.fold());
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(12, e.leadCount());
            assertEquals(5000, e.length());
            assertEquals(500.0, e.samplingFrequency());
        }
        LabeledRecord e07500 = ds.records().get(0);
        assertEquals("E07500", e07500.recordId());
        assertTrue(e07500.has(ds.vocabulary().indexOf("67741000119109")), "unscored LAE kept with INCLUDE");
    }

    @Test
    void scoredOnlyMergesEquivalentsAndCountsWhatItDrops() {
        LabeledDataset ds = Cinc.load(TestData.cincFixtures(), LENIENT);
        assertEquals(7, ds.size());
        assertEquals(26, ds.vocabulary().size());
        // unscored: E07500 67741000119109, E07501 253352002, JS20000 55930002, JS20005 89792004,
        // JS20006 55827005; unknown: JS20006 251238007
        assertEquals(6, ds.report().codesIgnored());
        LabeledRecord js5 = find(ds, "JS20005");
        // #Dx: 284470004 (PAC), 89792004 (unscored), 427084000 (STach), '', 427172004 (PVC)
        int[] expected = {ds.vocabulary().indexOf("284470004"), ds.vocabulary().indexOf("427084000"),
                ds.vocabulary().indexOf("17338001")};
        Arrays.sort(expected);
        assertEquals(Arrays.toString(expected), Arrays.toString(js5.findings()));
        assertEquals(List.of("426177001", "426783006", "713426002"), codes(ds, find(ds, "HR06002")));
    }

    @Test
    void theScoredClassesMergeExactlyTheEquivalencesOfTheOfficialWeights() {
        List<List<String>> merged = ScoredClasses.read(TestData.cincFixtures().resolve("weights.csv")).stream()
                .filter(c -> c.size() > 1).toList();
        // evaluation-2021 weights.csv: the three pairs of the 2020 code plus LBBB and complete LBBB
        assertEquals(List.of(List.of("733534002", "164909002"), List.of("713427006", "59118001"),
                List.of("284470004", "63593006"), List.of("427172004", "17338001")), merged);
        var vocab = CincVocabularies.frozen(false);
        for (List<String> c : merged) {
            assertEquals(vocab.indexOf(c.get(0)), vocab.indexOf(c.get(1)), c.toString());
        }
    }

    @Test
    void unknownCodeFailsByDefaultNamingRecordAndCode() {
        DatasetException e = assertThrows(DatasetException.class, () -> Cinc.load(TestData.cincFixtures()));
        assertTrue(e.getMessage().contains("JS20006") && e.getMessage().contains("251238007"), e.getMessage());
        assertTrue(e.location().contains("#Dx"), e.location());
        assertTrue(e.fix().contains("--ignore-unknown-codes"));
    }

    @Test
    void unscoredCanBeRefused() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> Cinc.load(TestData.cincFixtures(), LENIENT.withUnscored(Cinc.Unscored.FAIL)));
        assertTrue(e.getMessage().contains("E07500 has unscored code 67741000119109"), e.getMessage());
    }

    @Test
    void sourcesAreReportedPerPrefix() {
        CincLoad load = Cinc.read(List.of(TestData.cincFixtures()), LENIENT);
        assertEquals(List.of(CincSource.PTB_XL, CincSource.GEORGIA, CincSource.NINGBO),
                List.copyOf(load.sources().keySet()));
        assertEquals(new CincLoad.SourceCounts(2, 2, 0, 2), load.of(CincSource.GEORGIA));
        assertEquals(new CincLoad.SourceCounts(2, 2, 0, 0), load.of(CincSource.PTB_XL));
        assertEquals(new CincLoad.SourceCounts(3, 3, 0, 4), load.of(CincSource.NINGBO));
        assertEquals(new CincLoad.SourceCounts(0, 0, 0, 0), load.of(CincSource.INCART));
        assertTrue(load.dataset().report().notes().contains(
                "source Georgia: 2 headers, 2 records kept, 0 dropped without a finding of the vocabulary"));
    }

    @Test
    void headerCommentsAndQuirks() {
        CincHeader h = CincHeader.of(HeaderParser.parse(TestData.cincFixtures().resolve("E07500.hea")));
        assertEquals(78.0, h.age());
        assertEquals("Male", h.sex());
        assertEquals(List.of("67741000119109", "426177001"), h.dx());
        assertEquals("E07500", HeaderParser.parse(TestData.cincFixtures().resolve("E07500.hea")).baseName());
        assertEquals("mv", RecordReader.read(TestData.cincFixtures().resolve("HR06002")).units().get(0));
    }

    @Test
    void matFileAgreesWithWfdbView() {
        var path = TestData.cincFixtures().resolve("E07500.mat");
        Mat4Header h = Mat4File.readHeader(path);
        assertEquals("val", h.name());
        assertEquals(12, h.rows());
        assertEquals(5000, h.columns());
        assertEquals(Mat4Header.Precision.INT16, h.precision());
        assertEquals(24, h.dataOffset());
        double[][] m = Mat4File.readMatrix(path);
        var d = WfdbReader.readDigital(HeaderParser.parse(TestData.cincFixtures().resolve("E07500.hea")), true);
        for (int s = 0; s < 12; s++) {
            for (int i = 0; i < 5000; i += 37) {
                assertEquals(m[s][i], d.samples()[s][i]);
            }
        }
        double[][] a103 = Mat4File.readMatrix(TestData.wfdbFixtures().resolve("a103l.mat"));
        assertEquals(-171, a103[0][0]);
        assertEquals(9127, a103[1][0]);
        assertEquals(6042, a103[2][0]);
    }

    @Test
    @ExtendedData
    void all48RecordsLoadWithFindingsAndDecode() {
        CincLoad load = Cinc.read(List.of(TestData.cinc2021()), new Cinc.Options(Cinc.Unscored.INCLUDE, true));
        LabeledDataset ds = load.dataset();
        assertEquals(48, ds.size());
        assertEquals(1, ds.report().codesIgnored(), "JS20006's 251238007 is in neither mapping");
        assertEquals(Map.of(CincSource.PTB_XL, 8, CincSource.GEORGIA, 20, CincSource.NINGBO, 20),
                Map.of(CincSource.PTB_XL, load.of(CincSource.PTB_XL).records(), CincSource.GEORGIA,
                        load.of(CincSource.GEORGIA).records(), CincSource.NINGBO, load.of(CincSource.NINGBO).records()));
        for (LabeledRecord r : ds.records()) {
            assertTrue(r.findingCount() > 0);
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(12, e.leadCount());
            assertEquals(5000, e.length());
            assertEquals(500.0, e.samplingFrequency());
        }
    }

    @Test
    @ExtendedData
    void scoredOnlyDropsThe48RecordsWithoutScoredFinding() {
        CincLoad load = Cinc.read(List.of(TestData.cinc2021()), LENIENT);
        LabeledDataset ds = load.dataset();
        assertEquals(46, ds.size(), "E07505 and E07519 hold only 164873001 (unscored)");
        assertEquals(2, ds.report().droppedNoFinding());
        assertEquals(new CincLoad.SourceCounts(20, 18, 2, load.of(CincSource.GEORGIA).codesIgnored()),
                load.of(CincSource.GEORGIA));
        assertTrue(ds.report().notes().contains("E07505: no finding of the vocabulary left, record dropped"));
        assertTrue(ds.records().stream().noneMatch(r -> r.recordId().equals("E07519")));
        LabeledRecord js5 = find(ds, "JS20005");
        assertEquals(Arrays.toString(find(Cinc.load(TestData.cincFixtures(), LENIENT), "JS20005").findings()),
                Arrays.toString(js5.findings()));
    }

    static LabeledRecord find(LabeledDataset ds, String id) {
        return ds.records().stream().filter(r -> r.recordId().equals(id)).findFirst().orElseThrow();
    }

    static List<String> codes(LabeledDataset ds, LabeledRecord r) {
        return Arrays.stream(r.findings()).mapToObj(i -> ds.vocabulary().get(i).code()).sorted().toList();
    }
}
