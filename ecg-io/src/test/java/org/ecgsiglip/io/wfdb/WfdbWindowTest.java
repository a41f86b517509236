package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgsiglip.io.ChecksumMismatchException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A window {@code [from, to)} reads only its frames, and gives exactly the frames the whole read
 * gives there: for every storage format (packed 212/310/311 windows starting inside a byte group),
 * a skewed signal, several samples per frame, and a multi-segment record.
 */
class WfdbWindowTest {
    private static Path fixture(String name) {
        return TestData.wfdbFixtures().resolve(name);
    }

    private static void windowEqualsSliceOfWholeRead(Path record, long from, long to, ReadOptions.FrameMode mode) {
        ReadOptions whole = ReadOptions.defaults().withFrames(mode);
        EcgRecord all = RecordReader.read(record, whole);
        EcgRecord window = RecordReader.read(record, whole.range(from, to));
        int factor = (int) Math.round(all.samplingFrequency() / HeaderParser.parse(WfdbReader.headerPath(record))
                .samplingFrequency());
        assertEquals(all.leadNames(), window.leadNames());
        assertEquals((to - from) * factor, window.length(), record + " [" + from + ", " + to + ")");
        for (int k = 0; k < all.leadCount(); k++) {
            float[] expected = Arrays.copyOfRange(all.signals()[k], (int) from * factor, (int) to * factor);
            assertArrayEquals(expected, window.signals()[k], record + " signal " + k + " [" + from + ", " + to + ")");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 4, 5, 7, 250})
    void everyFormatGivesTheSameFramesInAWindow(long from) {
        // binformats holds one signal per file in formats 8, 16, 61, 80, 160, 212, 310, 311, 24 and 32
        for (long to : new long[] {from, from + 1, from + 2, from + 3, from + 10, 499}) {
            windowEqualsSliceOfWholeRead(fixture("binformats"), from, to, ReadOptions.FrameMode.AVERAGE);
        }
    }

    @Test
    void skewAndSeveralSamplesPerFrameAndSegmentsToo() {
        for (long[] w : new long[][] {{0, 10}, {3, 17}, {3990, 4000}, {1, 3997}}) {
            windowEqualsSliceOfWholeRead(fixture("test01_00s_skew"), w[0], w[1], ReadOptions.FrameMode.AVERAGE);
        }
        for (ReadOptions.FrameMode mode : ReadOptions.FrameMode.values()) {
            windowEqualsSliceOfWholeRead(fixture("multi-segment/041s/041s01"), 5, 77, mode);
            windowEqualsSliceOfWholeRead(fixture("multi-segment/041s/041s"), 990, 1010, mode);
        }
        windowEqualsSliceOfWholeRead(fixture("a103l"), 100, 1100, ReadOptions.FrameMode.AVERAGE);
        windowEqualsSliceOfWholeRead(TestData.cincFixtures().resolve("E07500"), 4000, 5000,
                ReadOptions.FrameMode.AVERAGE);
    }

    @Test
    void expandRepeatsEachSampleOfASlowerSignalAndAverageMeansAFramesSamples() {
        Path r = fixture("multi-segment/041s/041s01"); // III, I, V at 4 samples per frame; ABP, PAP, PLETH, RESP at 1
        EcgRecord avg = RecordReader.read(r);
        EcgRecord exp = RecordReader.read(r, ReadOptions.defaults().withFrames(ReadOptions.FrameMode.EXPAND));
        assertEquals(4 * avg.length(), exp.length());
        assertEquals(4 * avg.samplingFrequency(), exp.samplingFrequency());
        for (int f = 0; f < avg.length(); f++) {
            for (int k = 3; k < 7; k++) {
                for (int rep = 0; rep < 4; rep++) {
                    assertEquals(avg.signals()[k][f], exp.signals()[k][4 * f + rep], "signal " + k + " frame " + f);
                }
            }
            for (int k = 0; k < 3; k++) {
                double mean = 0;
                for (int i = 0; i < 4; i++) {
                    mean += exp.signals()[k][4 * f + i] / 4.0;
                }
                assertEquals(mean, avg.signals()[k][f], 1e-3, "signal " + k + " frame " + f);
            }
        }
    }

    @Test
    void aWindowVerifiesTheInitialValueWhenItStartsAtFrameZeroButNoChecksum(@TempDir Path dir) throws IOException {
        Files.copy(fixture("test01_00s.dat"), dir.resolve("test01_00s.dat"));
        String text = Files.readString(fixture("test01_00s.hea"));
        Files.writeString(dir.resolve("test01_00s.hea"), text.replace("16 0 10 114 0 ECG 1", "16 0 10 115 0 ECG 1"));
        Path r = dir.resolve("test01_00s");
        assertThrows(ChecksumMismatchException.class, () -> RecordReader.read(r), "the whole read checks the sum");
        assertEquals(100, RecordReader.read(r, ReadOptions.defaults().range(0, 100)).length(),
                "a window cannot check a checksum over the whole signal");
        Files.writeString(dir.resolve("test01_00s.hea"), text.replace("16 0 10 114 0 ECG 1", "16 0 11 114 0 ECG 1"));
        ChecksumMismatchException first = assertThrows(ChecksumMismatchException.class,
                () -> RecordReader.read(r, ReadOptions.defaults().range(0, 100)));
        assertTrue(first.getMessage().contains("initial value is 11"), first.getMessage());
        assertEquals(100, RecordReader.read(r, ReadOptions.defaults().range(1, 101)).length());
    }

    @Test
    void aWindowPastTheHeadersLengthIsRefused() {
        RecordFormatException e = assertThrows(RecordFormatException.class,
                () -> RecordReader.read(fixture("test01_00s"), ReadOptions.defaults().range(3990, 4001)));
        assertTrue(e.getMessage().contains("asked for frames up to 4001 but the record has 4000"), e.getMessage());
        assertTrue(e.fix().contains("[0, 4000)"), e.fix());
    }
}
