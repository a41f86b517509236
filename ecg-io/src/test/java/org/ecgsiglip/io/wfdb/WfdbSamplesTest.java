package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.ChecksumMismatchException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.UnsupportedFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every WFDB sample record decodes with its checksums and initial values verified. */
class WfdbSamplesTest {
    /** A bundled record (data/fixtures/wfdb: every wfdb-samples file but MIT-BIH 100). */
    static Path sample(String name) {
        return TestData.wfdbFixtures().resolve(name);
    }

    /** A record of the extended wfdb-samples (MIT-BIH 100 and its skewed copy live only there). */
    static Path mit(String name) {
        return TestData.wfdbSamples().resolve(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s0010_re", "binformats", "310derive", "311derive", "3000003_0003",
            "a103l", "test01_00s", "test01_00s_skew", "multi-segment/041s/041s01", "multi-segment/041s/041s02",
            "multi-segment/p000878/3269321_0001", "multi-segment/p000878/3269321_0002"})
    void singleSegmentSamplesDecodeVerified(String name) {
        decodesVerified(sample(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "100skew"})
    @ExtendedData
    void record100AndItsSkewedCopyDecodeVerified(String name) {
        decodesVerified(mit(name));
    }

    private static void decodesVerified(Path record) {
        WfdbHeader h = HeaderParser.parse(WfdbReader.headerPath(record));
        DigitalSignals d = WfdbReader.readDigital(h, true);
        assertEquals(h.sampleCount(), d.frames());
        for (int s = 0; s < h.signals().size(); s++) {
            assertEquals(d.frames() * h.signals().get(s).samplesPerFrame(), d.samples()[s].length);
        }
        EcgRecord r = RecordReader.read(record);
        assertEquals(h.signalCount(), r.leadCount());
        assertEquals(h.sampleCount(), r.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"100", "100.hea"})
    @ExtendedData
    void record100KnownPhysicalValues(String name) {
        // First ten frames of MIT-BIH 100 in mV as an independent WFDB implementation publishes them
        // (the test fixture mitdb/100.json of the "wfdb" npm package).
        EcgRecord r = RecordReader.read(mit(name));
        assertEquals(List.of("MLII", "V5"), r.leadNames());
        assertEquals(360.0, r.samplingFrequency());
        float[] mlii = {-0.145f, -0.145f, -0.145f, -0.145f, -0.145f, -0.145f, -0.145f, -0.145f, -0.12f, -0.135f};
        float[] v5 = {-0.065f, -0.065f, -0.065f, -0.065f, -0.065f, -0.065f, -0.065f, -0.065f, -0.08f, -0.08f};
        for (int i = 0; i < 10; i++) {
            assertEquals(mlii[i], r.signals()[0][i], 1e-6);
            assertEquals(v5[i], r.signals()[1][i], 1e-6);
        }
    }

    /** Every bundled WFDB header: decoded and verified, or one of the three documented outcomes. */
    @org.junit.jupiter.api.Test
    void everyHeaderDecodesOrFailsAsDocumented() throws java.io.IOException {
        everyHeaderUnder(TestData.wfdbFixtures(), 17, 14);
    }

    /** The same over the extended wfdb-samples, which add MIT-BIH 100 and 100skew. */
    @org.junit.jupiter.api.Test
    @ExtendedData
    void everyExtendedHeaderDecodesOrFailsAsDocumented() throws java.io.IOException {
        everyHeaderUnder(TestData.wfdbSamples(), 19, 16);
    }

    private static void everyHeaderUnder(Path root, int headerCount, int decodedCount) throws java.io.IOException {
        java.util.Map<String, Class<? extends Exception>> documented = java.util.Map.of(
                "flacformats.hea", UnsupportedFormatException.class,
                "test01_00s_frame.hea", ChecksumMismatchException.class,
                "p000878-2137-10-26-16-57.hea", org.ecgsiglip.io.RecordFormatException.class);
        List<Path> headers;
        try (var s = java.nio.file.Files.walk(root)) {
            headers = s.filter(p -> p.toString().endsWith(".hea")).sorted().toList();
        }
        assertEquals(headerCount, headers.size());
        int decoded = 0;
        for (Path h : headers) {
            Class<? extends Exception> expected = documented.get(h.getFileName().toString());
            if (expected == null) {
                EcgRecord r = RecordReader.read(h);
                assertTrue(r.leadCount() > 0, h.toString());
                decoded++;
            } else {
                assertThrows(expected, () -> RecordReader.read(h), h.toString());
            }
        }
        assertEquals(decodedCount, decoded);
    }

    @org.junit.jupiter.api.Test
    void skewShiftsSignalAndLeavesTailNaN() {
        skewOfThreeOnSignal1(RecordReader.read(sample("test01_00s")), RecordReader.read(sample("test01_00s_skew")));
    }

    @org.junit.jupiter.api.Test
    @ExtendedData
    void record100SkewShiftsSignalAndLeavesTailNaN() {
        skewOfThreeOnSignal1(RecordReader.read(mit("100")), RecordReader.read(mit("100skew")));
    }

    private static void skewOfThreeOnSignal1(EcgRecord plain, EcgRecord skew) {
        int n = plain.length();
        for (int i = 0; i < n - 3; i++) {
            assertEquals(plain.signals()[1][i + 3], skew.signals()[1][i]);
            assertEquals(plain.signals()[0][i], skew.signals()[0][i]);
        }
        for (int i = n - 3; i < n; i++) {
            assertTrue(Float.isNaN(skew.signals()[1][i]));
        }
    }

    @org.junit.jupiter.api.Test
    void framesVariantMatchesPlainRecordWhenVerificationIsOff() {
        // test01_00s_frame's third signal states initial value -57 (copied from the plain record's
        // third column) but holds the fourth column, whose first sample is -66; its checksum (-401)
        // agrees with the fourth column. The strict reader reports exactly that.
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class,
                () -> RecordReader.read(sample("test01_00s_frame")));
        assertTrue(e.getMessage().contains("ECG_3"), e.getMessage());
        assertTrue(e.getMessage().contains("-66"), e.getMessage());
        WfdbHeader h = HeaderParser.parse(sample("test01_00s_frame.hea"));
        DigitalSignals frame = WfdbReader.readDigital(h, false);
        DigitalSignals plain = WfdbReader.readDigital(HeaderParser.parse(sample("test01_00s.hea")), true);
        for (int f = 0; f < 4000; f++) {
            assertEquals(plain.samples()[1][f], frame.samples()[1][2 * f]);
            assertEquals(plain.samples()[2][f], frame.samples()[1][2 * f + 1]);
            assertEquals(plain.samples()[3][f], frame.samples()[2][f]);
        }
        EcgRecord expanded = RecordReader.read(sample("test01_00s_frame"),
                ReadOptions.defaults().withVerify(false).withFrames(ReadOptions.FrameMode.EXPAND));
        assertEquals(1000.0, expanded.samplingFrequency());
        assertEquals(8000, expanded.length());
        EcgRecord averaged = RecordReader.read(sample("test01_00s_frame"), ReadOptions.defaults().withVerify(false));
        double mean = ((plain.samples()[1][7] + plain.samples()[2][7]) / 2.0 - 0) / 100.0;
        assertEquals(mean, averaged.signals()[1][7], 1e-6);
    }

    @org.junit.jupiter.api.Test
    void binformatsAllTenFormatsAgreeWithTheirChecksums() {
        WfdbHeader h = HeaderParser.parse(sample("binformats.hea"));
        DigitalSignals d = WfdbReader.readDigital(h, true);
        assertEquals(List.of(8, 16, 61, 80, 160, 212, 310, 311, 24, 32),
                h.signals().stream().map(SignalSpec::format).toList());
        for (int s = 0; s < 10; s++) {
            assertEquals(h.signals().get(s).initialValue().getAsInt(), d.samples()[s][0]);
        }
    }

    @org.junit.jupiter.api.Test
    void flacIsRefusedClearly() {
        UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class,
                () -> RecordReader.read(sample("flacformats")));
        assertTrue(e.getMessage().contains("508"), e.getMessage());
        assertTrue(e.fix().contains("format 16"));
    }

    @org.junit.jupiter.api.Test
    void fixedLayoutMultiSegmentJoinsSegments() {
        EcgRecord r = RecordReader.read(sample("multi-segment/041s/041s"));
        assertEquals(7, r.leadCount());
        assertEquals(2000, r.length());
        EcgRecord s1 = RecordReader.read(sample("multi-segment/041s/041s01"));
        EcgRecord s2 = RecordReader.read(sample("multi-segment/041s/041s02"));
        for (int k = 0; k < 7; k++) {
            assertArrayEquals(s1.signals()[k], java.util.Arrays.copyOfRange(r.signals()[k], 0, 1000));
            assertArrayEquals(s2.signals()[k], java.util.Arrays.copyOfRange(r.signals()[k], 1000, 2000));
        }
        EcgRecord fast = RecordReader.read(sample("multi-segment/041s/041s"),
                ReadOptions.defaults().withFrames(ReadOptions.FrameMode.EXPAND));
        assertEquals(500.0, fast.samplingFrequency());
        assertEquals(8000, fast.length());
    }

    @org.junit.jupiter.api.Test
    void variableLayoutMultiSegmentMapsSignalsByNameAndGapsToNaN() {
        Path master = sample("multi-segment/p000878/p000878-2137-10-26-16-57");
        EcgRecord r = RecordReader.read(master, ReadOptions.defaults().range(0, 7500));
        assertEquals(List.of("PLETH", "II", "V", "ABP"), r.leadNames());
        assertEquals(7500, r.length());
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < 3750; i++) {
                assertTrue(Float.isNaN(r.signals()[k][i]));
            }
        }
        EcgRecord seg1 = RecordReader.read(sample("multi-segment/p000878/3269321_0001"));
        EcgRecord seg2 = RecordReader.read(sample("multi-segment/p000878/3269321_0002"));
        assertTrue(Float.isNaN(seg1.signals()[0][0]), "first sample is the format-80 invalid value -128");
        assertArrayEquals(seg1.signals()[0], java.util.Arrays.copyOfRange(r.signals()[0], 3750, 5750));
        assertArrayEquals(seg2.signals()[0], java.util.Arrays.copyOfRange(r.signals()[1], 5750, 7500));
        assertArrayEquals(seg2.signals()[1], java.util.Arrays.copyOfRange(r.signals()[0], 5750, 7500));
        for (int i = 3750; i < 7500; i++) {
            assertTrue(Float.isNaN(r.signals()[2][i]) && Float.isNaN(r.signals()[3][i]));
        }
        org.ecgsiglip.io.RecordFormatException missing = assertThrows(org.ecgsiglip.io.RecordFormatException.class,
                () -> RecordReader.read(master));
        assertTrue(missing.getMessage().contains("3269321_0003"), missing.getMessage());
        assertTrue(missing.fix().contains("7500"), missing.fix());
    }
}
