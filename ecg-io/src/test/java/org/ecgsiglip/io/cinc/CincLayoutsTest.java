package org.ecgsiglip.io.cinc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 2020 and 2021 folder layouts, several roots, other lengths and rates, source prefixes. */
class CincLayoutsTest {
    private static final Cinc.Options LENIENT = new Cinc.Options(Cinc.Unscored.DROP, true);
    private static final List<String> FIXTURES = List.of("E07500", "E07501", "HR06002", "HR06003", "JS20000",
            "JS20005", "JS20006");

    @TempDir
    Path tmp;

    @Test
    void sourcesFromRecordNames() {
        assertEquals(CincSource.CPSC_2018, CincSource.of("A0001"));
        assertEquals(CincSource.CPSC_2018_EXTRA, CincSource.of("Q3581"));
        assertEquals(CincSource.INCART, CincSource.of("I0075"));
        assertEquals(CincSource.PTB, CincSource.of("S0549"));
        assertEquals(CincSource.PTB_XL, CincSource.of("HR21837"));
        assertEquals(CincSource.GEORGIA, CincSource.of("E10344"));
        assertEquals(CincSource.CHAPMAN_SHAOXING, CincSource.of("JS00001"));
        assertEquals(CincSource.CHAPMAN_SHAOXING, CincSource.of("JS10646"));
        assertEquals(CincSource.NINGBO, CincSource.of("JS10647"));
        assertEquals(CincSource.NINGBO, CincSource.of("JS45551"));
        for (String other : List.of("X0001", "E07500b", "0001", "HR", "js00001", "")) {
            assertEquals(CincSource.OTHER, CincSource.of(other), other);
        }
        assertEquals(257, CincSource.INCART.samplingHz());
        assertEquals(1000, CincSource.PTB.samplingHz());
    }

    @Test
    void the2021TreeThe2020FoldersAndSeveralRootsLoadLikeTheFlatFolder() throws IOException {
        LabeledDataset flat = Cinc.load(TestData.cincFixtures(), LENIENT);
        Path y2021 = tmp.resolve("2021/training");
        copy("E07500", y2021.resolve("georgia/g1"));
        copy("E07501", y2021.resolve("georgia/g1"));
        copy("HR06002", y2021.resolve("ptb-xl/g7"));
        copy("HR06003", y2021.resolve("ptb-xl/g7"));
        for (String js : List.of("JS20000", "JS20005", "JS20006")) {
            copy(js, y2021.resolve("ningbo/g20"));
        }
        Path y2020 = tmp.resolve("2020");
        copy("E07500", y2020.resolve("PhysioNetChallenge2020_Training_E/WFDB"));
        copy("E07501", y2020.resolve("PhysioNetChallenge2020_Training_E/WFDB"));
        copy("HR06002", y2020.resolve("PhysioNetChallenge2020_PTB-XL/WFDB"));
        copy("HR06003", y2020.resolve("PhysioNetChallenge2020_PTB-XL/WFDB"));
        for (String js : List.of("JS20000", "JS20005", "JS20006")) {
            copy(js, y2020.resolve("WFDB_Ningbo"));
        }
        Files.writeString(y2020.resolve("WFDB_Ningbo/.JS99999.hea"), "not a record: hidden files are skipped");
        Path linked = Files.createSymbolicLink(tmp.resolve("linked"), y2021);
        CincLoad tree = Cinc.read(List.of(linked), LENIENT);
        LabeledDataset folders = Cinc.load(List.of(y2020.resolve("PhysioNetChallenge2020_Training_E"),
                y2020.resolve("PhysioNetChallenge2020_PTB-XL"), y2020.resolve("WFDB_Ningbo")), LENIENT);
        for (LabeledDataset ds : List.of(tree.dataset(), folders, Cinc.load(y2020, LENIENT))) {
            assertEquals(FIXTURES, ds.records().stream().map(LabeledRecord::recordId).sorted().toList());
            for (LabeledRecord r : ds.records()) {
                LabeledRecord same = CincTest.find(flat, r.recordId());
                assertArrayEquals(same.findings(), r.findings(), r.recordId());
                assertEquals(5000, RecordReader.read(r.recordPath()).length(), r.recordId());
            }
        }
        assertEquals(3, tree.of(CincSource.NINGBO).records());
    }

    @Test
    void aRecordGivenTwiceOrAnEmptyOrMissingFolderIsATypedError() throws IOException {
        copy("E07500", tmp.resolve("a"));
        copy("E07500", tmp.resolve("b/g1"));
        DatasetException twice = assertThrows(DatasetException.class,
                () -> Cinc.load(List.of(tmp.resolve("a"), tmp.resolve("b")), LENIENT));
        assertTrue(twice.getMessage().contains("record E07500 appears twice"), twice.getMessage());
        assertTrue(twice.getMessage().contains(tmp.resolve("a").resolve("E07500.hea").toString()));
        Files.createDirectories(tmp.resolve("empty"));
        DatasetException empty = assertThrows(DatasetException.class, () -> Cinc.load(tmp.resolve("empty")));
        assertTrue(empty.getMessage().contains("no .hea record headers"), empty.getMessage());
        DatasetException missing = assertThrows(DatasetException.class, () -> Cinc.load(tmp.resolve("nope")));
        assertTrue(missing.getMessage().contains("CinC folder not found"), missing.getMessage());
        assertThrows(DatasetException.class, () -> Cinc.load(List.of(), LENIENT));
    }

    @Test
    void aRecordWithOnlyUnscoredCodesIsDroppedAndNoted() throws IOException {
        copy("E07500", tmp);
        Path hea = tmp.resolve("E07500.hea");
        Files.writeString(hea, Files.readString(hea).replace("#Dx: 67741000119109,426177001",
                "#Dx: 67741000119109,164873001"));
        copy("HR06002", tmp);
        CincLoad load = Cinc.read(List.of(tmp), LENIENT);
        assertEquals(List.of("HR06002"), load.dataset().records().stream().map(LabeledRecord::recordId).toList());
        assertEquals(1, load.dataset().report().droppedNoFinding());
        assertEquals(new CincLoad.SourceCounts(1, 0, 1, 2), load.of(CincSource.GEORGIA));
        assertTrue(load.dataset().report().notes().contains("E07500: no finding of the vocabulary left, record dropped"));
    }

    @Test
    void otherLengthsAndRatesLoadAndPreprocessToTheModelsGrid() throws IOException {
        // INCART-like 257 Hz (60 s here; 30 min in the Challenge), PTB-like 1000 Hz 12 s,
        // CPSC 500 Hz 6 s (shorter than 10 s) and 500 Hz 20 s (longer), Georgia 5 s.
        record Spec(String id, int fs, int samples) {
        }
        List<Spec> specs = List.of(new Spec("I0001", 257, 257 * 60), new Spec("S0001", 1000, 12_000),
                new Spec("A0001", 500, 3000), new Spec("Q0001", 500, 10_000), new Spec("E00001", 500, 2500));
        double sine = 1.5;
        for (Spec s : specs) {
            SyntheticCinc.write(tmp.resolve(CincSource.of(s.id()).name()), s.id(), s.fs(), s.samples(), sine,
                    "426783006,164889003");
        }
        CincLoad load = Cinc.read(List.of(tmp), Cinc.Options.defaults());
        assertEquals(5, load.dataset().size());
        Preprocessing prep = Preprocessing.of(100, 1000);
        for (Spec s : specs) {
            LabeledRecord r = CincTest.find(load.dataset(), s.id());
            assertEquals(1, load.of(CincSource.of(s.id())).records(), s.id());
            EcgRecord e = RecordReader.read(r.recordPath());
            assertEquals(s.fs(), e.samplingFrequency(), s.id());
            assertEquals(s.samples(), e.length(), s.id());
            float[][] x = prep.apply(e);
            assertEquals(12, x.length);
            assertEquals(1000, x[0].length);
            int valid = Math.min(1000, (int) Math.floor(s.samples() * 100.0 / s.fs()));
            for (int k = 0; k < 12; k += 5) {
                // away from the ends, where the resampler's filter sees the record's edge
                for (int i = 20; i < valid - 20; i++) {
                    assertEquals(SyntheticCinc.value(k, sine, i / 100.0), x[k][i], 0.01,
                            s.id() + " lead " + k + " sample " + i);
                }
                for (int i = valid; i < 1000; i++) {
                    assertEquals(0f, x[k][i], s.id() + ": padded with zeros after " + valid);
                }
            }
        }
    }

    private static void copy(String id, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String ext : List.of(".hea", ".mat")) {
            Files.copy(TestData.cincFixtures().resolve(id + ext), dir.resolve(id + ext));
        }
    }
}
