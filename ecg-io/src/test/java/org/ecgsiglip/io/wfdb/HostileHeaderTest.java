package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Headers that claim what their files do not hold (10<sup>12</sup> samples, 2·10<sup>9</sup>
 * samples per frame, a skew of 2·10<sup>9</sup>), name another record, or carry megabytes of
 * garbage: each ends in a typed error that names the header, the field, what was claimed and what
 * is there, and the fix; none allocates what it claims, echoes more than a short quote, or writes
 * anything.
 */
class HostileHeaderTest {
    @TempDir
    Path dir;
    private List<String> before;

    /** 00001_lr of the bundled PTB-XL sample: 12 signals x 1000 frames of format 16 = 24000 bytes. */
    @BeforeEach
    void copyRecords() throws IOException {
        Path src = TestData.sample().resolve("records100/00000");
        Files.copy(src.resolve("00001_lr.hea"), dir.resolve("00001_lr.hea"));
        Files.copy(src.resolve("00001_lr.dat"), dir.resolve("00001_lr.dat"));
        Files.copy(TestData.wfdbFixtures().resolve("test01_00s.dat"), dir.resolve("test01_00s.dat"));
        Files.copy(TestData.wfdbFixtures().resolve("test01_00s_skew.hea"), dir.resolve("test01_00s_skew.hea"));
        before = listing();
    }

    /** Reading never writes: the folder holds the same files (signal files of the same sizes) afterwards. */
    @AfterEach
    void nothingWritten() throws IOException {
        assertEquals(before, listing());
    }

    private List<String> listing() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".hea") ? name : name + " " + p.toFile().length();
            }).sorted().toList();
        }
    }

    private void header(String name, String from, String to) throws IOException {
        Path hea = dir.resolve(name);
        String text = Files.readString(hea, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), from);
        Files.writeString(hea, text.replace(from, to), StandardCharsets.ISO_8859_1);
    }

    private static void assertShort(EcgException e) {
        assertTrue(e.getMessage().length() < 900, e.getMessage().length() + " characters: " + e.getMessage());
        assertTrue(e.fix() != null && !e.fix().isBlank(), e.getMessage());
    }

    @Test
    void tenToTheTwelveSamplesOfA24kBFileFailWithBothSizesButAWindowInsideWorks() throws IOException {
        EcgRecord real = RecordReader.read(dir.resolve("00001_lr"));
        header("00001_lr.hea", "00001_lr 12 100 1000", "00001_lr 12 100 1000000000000");
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> RecordReader.read(dir.resolve("00001_lr")));
        assertEquals("00001_lr.dat", e.file().getFileName().toString());
        assertTrue(e.getMessage().contains("00001_lr.hea claims 1000000000000 frames (record line, field number of"
                + " samples)"), e.getMessage());
        assertTrue(e.getMessage().contains("24000000000000 bytes, but the file has 24000 bytes (1000 whole frames)"),
                e.getMessage());
        assertTrue(e.fix().contains("the file holds 1000 frames") && e.fix().contains("--from/--to"), e.fix());
        assertShort(e);

        for (long[] w : new long[][] {{0, 100}, {900, 1000}, {0, 1000}}) {
            EcgRecord window = RecordReader.read(dir.resolve("00001_lr"), ReadOptions.defaults().range(w[0], w[1]));
            for (int k = 0; k < 12; k++) {
                assertArrayEquals(java.util.Arrays.copyOfRange(real.signals()[k], (int) w[0], (int) w[1]),
                        window.signals()[k]);
            }
        }
        RecordFormatException past = assertThrows(RecordFormatException.class,
                () -> RecordReader.read(dir.resolve("00001_lr"), ReadOptions.defaults().range(990, 1010)));
        assertTrue(past.getMessage().contains("frames [990, 1010) need the file's bytes up to 24240, but 00001_lr.dat"
                + " has 24000 bytes (1000 whole frames)"), past.getMessage());
        assertTrue(past.fix().contains("ends at or before frame 1000"), past.fix());
    }

    @Test
    void twoBillionSamplesPerFrameAreComparedWithTheFileNotAllocated() throws IOException {
        header("00001_lr.hea", "00001_lr.dat 16 1000.0(0)/mV 16 0 -119", "00001_lr.dat 16x2000000000 1000.0(0)/mV 16 0 -119");
        for (ReadOptions o : List.of(ReadOptions.defaults(), ReadOptions.defaults().withVerify(false),
                ReadOptions.defaults().withFrames(ReadOptions.FrameMode.EXPAND))) {
            RecordFormatException e = assertThrows(RecordFormatException.class,
                    () -> RecordReader.read(dir.resolve("00001_lr"), o));
            assertTrue(e.getMessage().contains("claims 1000 frames") && e.getMessage().contains("2000000011 samples in all"
                    + " (field samples per frame of lines 2-13) per frame"), e.getMessage());
            assertTrue(e.getMessage().contains("but the file has 24000 bytes (0 whole frames)"), e.getMessage());
            assertShort(e);
        }
        RecordFormatException w = assertThrows(RecordFormatException.class,
                () -> RecordReader.read(dir.resolve("00001_lr"), ReadOptions.defaults().range(0, 1)));
        assertTrue(w.getMessage().contains("(0 whole frames)"), w.getMessage());
    }

    @Test
    void aSkewOfTwoBillionIsRefusedInsteadOfGivingEmptySignals() throws IOException {
        header("test01_00s_skew.hea", "test01_00s.dat 16:3 ", "test01_00s.dat 16:2000000000 ");
        for (ReadOptions o : List.of(ReadOptions.defaults(), ReadOptions.defaults().withVerify(false),
                ReadOptions.defaults().range(0, 10))) {
            RecordFormatException e = assertThrows(RecordFormatException.class,
                    () -> RecordReader.read(dir.resolve("test01_00s_skew"), o));
            assertEquals("test01_00s_skew.hea", e.file().getFileName().toString());
            assertEquals("line 3, field skew", e.location());
            assertTrue(e.getMessage().contains("signal ECG_2 has a skew of 2000000000 frames, not less than the"
                    + " record's 4000 frames"), e.getMessage());
            assertShort(e);
        }
        header("test01_00s_skew.hea", "test01_00s.dat 16:2000000000 ", "test01_00s.dat 16:3999 ");
        EcgRecord r = RecordReader.read(dir.resolve("test01_00s_skew"));
        assertFalse(Float.isNaN(r.signals()[1][0]), "a skew below the length leaves samples to read");
        assertTrue(Float.isNaN(r.signals()[1][1]));
    }

    @Test
    void aHeaderNamingAnotherRecordIsRefusedButCincsMatSuffixIsNot() throws IOException {
        Files.copy(dir.resolve("00001_lr.hea"), dir.resolve("00002_lr.hea"));
        try {
            RecordFormatException e = assertThrows(RecordFormatException.class,
                    () -> RecordReader.read(dir.resolve("00002_lr")));
            assertEquals("00002_lr.hea", e.file().getFileName().toString());
            assertEquals("record line, field record name", e.location());
            assertTrue(e.getMessage().contains("names record '00001_lr' but the file is 00002_lr.hea"), e.getMessage());
            assertTrue(e.fix().contains("rename the file to 00001_lr.hea"), e.fix());
        } finally {
            Files.delete(dir.resolve("00002_lr.hea"));
        }
        EcgRecord cinc = RecordReader.read(TestData.cincFixtures().resolve("E07500"));
        assertEquals("E07500", cinc.recordId(), "the record line says E07500.mat; the header is E07500.hea");
        assertEquals(5000, cinc.length());
    }

    @Test
    void megabytesOfGarbageInTheBaseTimeAreQuotedShort() throws IOException {
        String garbage = "Q".repeat(5 << 20);
        header("00001_lr.hea", "00001_lr 12 100 1000", "00001_lr 12 100 1000 " + garbage);
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> RecordReader.read(dir.resolve("00001_lr")));
        assertEquals("line 1, field base time", e.location());
        assertTrue(e.getMessage().contains("'" + "Q".repeat(60) + "…' (5242880 characters) is not a time like 12:30:00"),
                e.getMessage());
        assertFalse(e.getMessage().contains("Q".repeat(61)), "at most 60 characters of the garbage");
        assertShort(e);
        header("00001_lr.hea", "00001_lr 12 100 1000 " + garbage, "00001_lr 12 100 1000 12:30:00 25/12/2020 " + garbage);
        RecordFormatException extra = assertThrows(RecordFormatException.class,
                () -> RecordReader.read(dir.resolve("00001_lr")));
        assertEquals("line 1, field after base date", extra.location());
        assertShort(extra);
        header("00001_lr.hea", "25/12/2020 " + garbage, "25/12/2020");
        assertEquals(1000, RecordReader.read(dir.resolve("00001_lr")).length(), "a real base time and date read");
    }

    @Test
    void aBinaryFileGivenAsHeaderIsNotEchoed() throws IOException {
        Files.copy(dir.resolve("00001_lr.dat"), dir.resolve("00003_lr.hea"));
        try {
            RecordFormatException e = assertThrows(RecordFormatException.class,
                    () -> RecordReader.read(dir.resolve("00003_lr")));
            assertTrue(e.getMessage().contains("not a text file: it holds a NUL byte"), e.getMessage());
            assertTrue(e.location().startsWith("line 1, byte "), e.location());
            assertShort(e);
        } finally {
            Files.delete(dir.resolve("00003_lr.hea"));
        }
    }
}
