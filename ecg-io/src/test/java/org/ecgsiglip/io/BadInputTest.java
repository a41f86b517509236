package org.ecgsiglip.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of bad input ends in a typed exception that names the file, the place and a fix. */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path copyRecord() throws IOException {
        Path src = TestData.sample().resolve("records100/00000");
        Files.copy(src.resolve("00001_lr.hea"), tmp.resolve("00001_lr.hea"));
        Files.copy(src.resolve("00001_lr.dat"), tmp.resolve("00001_lr.dat"));
        return tmp.resolve("00001_lr");
    }

    private static void assertNamed(EcgException e, Path file, String location) {
        assertEquals(file.getFileName(), e.file().getFileName(), e.getMessage());
        assertTrue(e.location() != null && e.location().contains(location), e.getMessage());
        assertTrue(e.fix() != null && !e.fix().isBlank(), e.getMessage());
        assertTrue(e.getMessage().contains("Fix:"), e.getMessage());
    }

    private void rewriteHeader(Path record, String from, String to) throws IOException {
        Path hea = record.resolveSibling("00001_lr.hea");
        Files.writeString(hea, Files.readString(hea).replaceFirst(from, to));
    }

    @Test
    void truncatedDat() throws IOException {
        Path r = copyRecord();
        Path dat = tmp.resolve("00001_lr.dat");
        byte[] b = Files.readAllBytes(dat);
        Files.write(dat, java.util.Arrays.copyOf(b, b.length - 100));
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> RecordReader.read(r));
        assertNamed(e, dat, "signal I");
        assertTrue(e.getMessage().contains("truncated") && e.getMessage().contains("24000"), e.getMessage());
    }

    @Test
    void corruptedSampleFailsChecksumNamingRecordAndSignal() throws IOException {
        Path r = copyRecord();
        Path dat = tmp.resolve("00001_lr.dat");
        byte[] b = Files.readAllBytes(dat);
        b[24 * 10 + 2 * 4] ^= 0x10; // frame 10, signal 4 (AVL)
        Files.write(dat, b);
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> RecordReader.read(r));
        assertNamed(e, dat, "AVL");
        assertTrue(e.getMessage().contains("00001_lr") && e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void headerFieldErrors() throws IOException {
        Path r = copyRecord();
        rewriteHeader(r, "1000.0\\(0\\)/mV 16 0 -55", "1000.0(0)/mV sixteen 0 -55");
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> RecordReader.read(r));
        assertNamed(e, tmp.resolve("00001_lr.hea"), "line 3, field ADC resolution");
        assertTrue(e.getMessage().contains("'sixteen'"), e.getMessage());
    }

    @Test
    void wrongSignalCount() throws IOException {
        Path r = copyRecord();
        rewriteHeader(r, "00001_lr 12 100", "00001_lr 13 100");
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> RecordReader.read(r));
        assertNamed(e, tmp.resolve("00001_lr.hea"), "line 1");
        assertTrue(e.getMessage().contains("13 signals but the header has 12 signal lines"), e.getMessage());
    }

    @Test
    void unknownFormat() throws IOException {
        Path r = copyRecord();
        rewriteHeader(r, "00001_lr.dat 16 1000.0\\(0\\)/mV 16 0 -119", "00001_lr.dat 17 1000.0(0)/mV 16 0 -119");
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> RecordReader.read(r));
        assertNamed(e, tmp.resolve("00001_lr.hea"), "line 2, field format");
        assertTrue(e.getMessage().contains("unknown signal format 17"), e.getMessage());
    }

    @Test
    void missingFiles() throws IOException {
        Path r = copyRecord();
        RecordFormatException noHeader = assertThrows(RecordFormatException.class,
                () -> RecordReader.read(tmp.resolve("nope")));
        assertEquals("nope.hea", noHeader.file().getFileName().toString());
        Files.delete(tmp.resolve("00001_lr.dat"));
        RecordFormatException noDat = assertThrows(RecordFormatException.class, () -> RecordReader.read(r));
        assertNamed(noDat, tmp.resolve("00001_lr.dat"), "signal I");
        assertTrue(noDat.getMessage().contains("missing"), noDat.getMessage());
    }

    private Path miniPtbXl(String row) throws IOException {
        return miniPtbXlIn("ptbxl", row);
    }

    private Path miniPtbXlIn(String name, String... rows) throws IOException {
        Path root = tmp.resolve(name);
        Files.createDirectories(root.resolve("records100/00000"));
        Files.copy(TestData.sample().resolve("scp_statements.csv"), root.resolve("scp_statements.csv"));
        for (String f : List.of("00001_lr.hea", "00001_lr.dat", "00002_lr.hea", "00002_lr.dat")) {
            Files.copy(TestData.sample().resolve("records100/00000").resolve(f), root.resolve("records100/00000").resolve(f));
        }
        List<String> all = Files.readAllLines(TestData.sample().resolve("ptbxl_database.csv"), StandardCharsets.UTF_8)
                .subList(0, 2);
        java.util.ArrayList<String> lines = new java.util.ArrayList<>(all);
        lines.addAll(List.of(rows));
        Files.write(root.resolve("ptbxl_database.csv"), lines, StandardCharsets.UTF_8);
        return root;
    }

    private static String row(int id, String scp, String lr) {
        return id + ",1.0,56.0,1,,63.0,2.0,0.0,CS-12   E,1984-11-09 09:17:34,x,\"" + scp
                + "\",,,,,False,False,True,,,,,,,3," + lr + ",records500/00000/00001_hr";
    }

    @Test
    void malformedScpCodes() throws IOException {
        Path root = miniPtbXl(row(2, "{'NORM': 100.0, 'SR' 0.0}", "records100/00000/00002_lr"));
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertNamed(e, root.resolve("ptbxl_database.csv"), "line 3, column scp_codes, character 22");
        assertTrue(e.getMessage().contains("expected ':'"), e.getMessage());
    }

    @Test
    void unknownCodeFailsOrIsIgnoredOnRequest() throws IOException {
        Path root = miniPtbXl(row(2, "{'NORM': 100.0, 'XYZ': 0.0}", "records100/00000/00002_lr"));
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertNamed(e, root.resolve("ptbxl_database.csv"), "line 3");
        assertTrue(e.getMessage().contains("unknown SCP code 'XYZ'") && e.getMessage().contains("ecg_id 2"));
        assertTrue(e.fix().contains("--ignore-unknown-codes"));
        var ds = PtbXl.load(root, LabelLevel.ALL, PtbXl.Options.defaults().withIgnoreUnknownCodes(true));
        assertEquals(2, ds.size());
        assertEquals(1, ds.report().codesIgnored());
    }

    @Test
    void emptyFindingSet() throws IOException {
        Path root = miniPtbXl(row(2, "{}", "records100/00000/00002_lr"));
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertNamed(e, root.resolve("ptbxl_database.csv"), "line 3, column scp_codes");
        assertTrue(e.getMessage().contains("empty finding set"), e.getMessage());
        Path cinc = tmp.resolve("cinc");
        Files.createDirectories(cinc);
        for (String f : List.of("dx_mapping_scored.csv", "dx_mapping_unscored.csv", "weights.csv")) {
            Files.copy(TestData.cincFixtures().resolve(f), cinc.resolve(f));
        }
        Files.writeString(cinc.resolve("X1.hea"), Files.readString(TestData.cincFixtures().resolve("E07500.hea"))
                .replace("#Dx: 67741000119109,426177001", "#Dx: ").replace("E07500.mat 12", "X1.mat 12"));
        DatasetException c = assertThrows(DatasetException.class, () -> Cinc.load(cinc));
        assertNamed(c, cinc.resolve("X1.hea"), "#Dx");
    }

    @Test
    void csvPathLeavingTheRootIsRefused() throws IOException {
        Path root = miniPtbXl(row(2, "{'NORM': 100.0}", "../../etc/passwd"));
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertNamed(e, root.resolve("ptbxl_database.csv"), "line 3, column filename_lr");
        assertTrue(e.getMessage().contains("leaves the dataset root"), e.getMessage());
        Path abs = miniPtbXlIn("abs", row(2, "{'NORM': 100.0}", "/etc/passwd"));
        assertThrows(DatasetException.class, () -> PtbXl.load(abs, LabelLevel.ALL));
    }

    @Test
    void twoRowsNamingOneRecordAreNamedWithBothLines() throws IOException {
        Path root = miniPtbXl(row(2, "{'NORM': 100.0}", "records100/00000/00001_lr"));
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertNamed(e, root.resolve("ptbxl_database.csv"), "line 3, column filename_lr");
        assertTrue(e.getMessage().contains("duplicate record id '00001_lr': lines 2 and 3 both point at"
                + " 'records100/00000/00001_lr'"), e.getMessage());
        Path twice = miniPtbXlIn("twice", row(1, "{'NORM': 100.0}", "records100/00000/00002_lr"));
        DatasetException id = assertThrows(DatasetException.class, () -> PtbXl.load(twice, LabelLevel.ALL));
        assertNamed(id, twice.resolve("ptbxl_database.csv"), "line 3, column ecg_id");
        assertTrue(id.getMessage().contains("ecg_id 1 appears twice, on lines 2 and 3"), id.getMessage());
    }

    @Test
    void missingRecordFileNamesRowAndOption() throws IOException {
        Path root = miniPtbXl(row(2, "{'NORM': 100.0}", "records100/00000/00003_lr"));
        DatasetException e = assertThrows(DatasetException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertNamed(e, root.resolve("ptbxl_database.csv"), "line 3, column filename_lr");
        assertTrue(e.fix().contains("--skip-missing-records"));
    }
}
