package org.ecgsiglip.io.wfdb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.ecgsiglip.io.ChecksumMismatchException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.ExtendedData;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-pass decoder gives bit for bit what the general path (int arrays, then physical units) gives. */
class PhysicalDecoderTest {

    /** Reads {@code hea} both ways; returns false when the fast path does not apply. */
    private static boolean sameBothWays(Path hea, boolean verify) {
        WfdbHeader h = HeaderParser.parse(hea);
        ReadOptions options = ReadOptions.defaults().withVerify(verify);
        if (!PhysicalDecoder.applies(h, options)) {
            return false;
        }
        EcgRecord fast = PhysicalDecoder.read(h, verify);
        EcgRecord general = WfdbReader.toPhysical(WfdbReader.readDigital(h, verify), options);
        assertEquals(general.leadNames(), fast.leadNames(), hea.toString());
        assertEquals(general.units(), fast.units(), hea.toString());
        assertEquals(general.samplingFrequency(), fast.samplingFrequency(), hea.toString());
        for (int k = 0; k < general.leadCount(); k++) {
            // assertArrayEquals on float[] compares bit patterns (floatToIntBits), so NaN == NaN and 0.0 != -0.0
            assertArrayEquals(general.signals()[k], fast.signals()[k], hea + " signal " + k);
        }
        return true;
    }

    private static void everyRecordUnder(Path records, int atLeast) throws IOException {
        List<Path> headers;
        try (Stream<Path> s = Files.walk(records)) {
            headers = s.filter(p -> p.toString().endsWith(".hea")).sorted().toList();
        }
        assertTrue(headers.size() >= atLeast, records + " has " + headers.size() + " records");
        for (Path h : headers) {
            assertTrue(sameBothWays(h, true), h + " should take the one-pass path");
        }
    }

    @Test
    void everyBundledPtbXlRecordMatchesTheGeneralPath() throws IOException {
        everyRecordUnder(TestData.sample().resolve("records100"), 378);
    }

    @Test
    @ExtendedData
    void everyPtbXlSubsetRecordMatchesTheGeneralPath() throws IOException {
        everyRecordUnder(TestData.ptbxl().resolve("records100"), 3000);
    }

    @Test
    void wfdbSamplesMatchTheGeneralPathWhereItApplies() {
        int applied = 0;
        for (String name : List.of("s0010_re", "310derive", "311derive", "3000003_0003", "a103l",
                "test01_00s", "multi-segment/p000878/3269321_0001")) {
            applied += sameBothWays(WfdbReader.headerPath(TestData.wfdbFixtures().resolve(name)), true) ? 1 : 0;
        }
        assertEquals(7, applied, "every one of these is single-rate and unskewed");
        assertFalse(PhysicalDecoder.applies(HeaderParser.parse(
                TestData.wfdbFixtures().resolve("multi-segment/041s/041s01.hea")), ReadOptions.defaults()),
                "several samples per frame go the general way");
        assertFalse(PhysicalDecoder.applies(HeaderParser.parse(TestData.wfdbFixtures().resolve("test01_00s_skew.hea")),
                ReadOptions.defaults()), "skew goes the general way");
        assertFalse(PhysicalDecoder.applies(HeaderParser.parse(TestData.wfdbFixtures().resolve("binformats.hea")),
                ReadOptions.defaults()), "format 8 (differences) goes the general way");
        assertFalse(PhysicalDecoder.applies(HeaderParser.parse(TestData.wfdbFixtures().resolve("test01_00s.hea")),
                ReadOptions.defaults().range(0, 10)), "a sample range goes the general way");
    }

    @Test
    @ExtendedData
    void record100MatchesTheGeneralPath() {
        assertTrue(sameBothWays(TestData.wfdbSamples().resolve("100.hea"), true));
        assertFalse(PhysicalDecoder.applies(HeaderParser.parse(TestData.wfdbSamples().resolve("100skew.hea")),
                ReadOptions.defaults()), "skew goes the general way");
    }

    @Test
    void floatQuotientEqualsRoundedDoubleQuotientForEvery16BitValue() {
        double[] gains = {1000, 200, 0.5, 3.3f, 65.536f, 1e-3f, 7.77e5f, 12.5, 0x1p-60, 0x1p60};
        int[] baselines = {0, -1600, 1024, 1 << 23, -(1 << 23)};
        for (double g : gains) {
            for (int b : baselines) {
                SignalSpec sig = spec(g, b);
                assertTrue(PhysicalDecoder.floatExact(sig, 16), g + " " + b);
                for (int v = Short.MIN_VALUE + 1; v <= Short.MAX_VALUE; v++) {
                    float viaFloat = (float) (v - b) / (float) g;
                    float viaDouble = (float) ((v - (double) b) / g);
                    if (Float.floatToIntBits(viaFloat) != Float.floatToIntBits(viaDouble)) {
                        throw new AssertionError("v=" + v + " b=" + b + " g=" + g + ": " + viaFloat + " vs " + viaDouble);
                    }
                }
            }
        }
        assertFalse(PhysicalDecoder.floatExact(spec(0.1, 0), 16), "0.1 is not a float");
        assertFalse(PhysicalDecoder.floatExact(spec(200, (1 << 23) + 1), 16), "v - b may need 25 bits");
        assertFalse(PhysicalDecoder.floatExact(spec(200, 0), 24), "24-bit samples go the double way");
        assertFalse(PhysicalDecoder.floatExact(spec(0x1p-70, 0), 16), "quotients could leave the normal floats");
    }

    @Test
    void anInvalidSampleInAnyLaneOfAFourSignalGroupBecomesNaN(@TempDir Path dir) throws IOException {
        int signals = 5; // one group of four, then one signal alone
        int frames = 4;
        short[] near = {-32767, 0x7FFF, -1, 0x0080, 0, 0x00FF, 0x0100, 0x7F00};
        for (int lane = 0; lane < signals; lane++) {
            ByteBuffer b = ByteBuffer.allocate(2 * signals * frames).order(ByteOrder.LITTLE_ENDIAN);
            int[] sums = new int[signals];
            int k = 0;
            for (int f = 0; f < frames; f++) {
                for (int s = 0; s < signals; s++) {
                    short v = f == 2 && s == lane ? Short.MIN_VALUE : near[k++ % near.length];
                    b.putShort(v);
                    sums[s] += v;
                }
            }
            String name = "lane" + lane;
            Files.write(dir.resolve(name + ".dat"), b.array());
            StringBuilder hea = new StringBuilder(name + " " + signals + " 100 " + frames + "\n");
            for (int s = 0; s < signals; s++) {
                hea.append(name).append(".dat 16 1000(0)/mV 16 0 ").append(b.getShort(2 * s)).append(' ')
                        .append((short) sums[s]).append(" 0 S").append(s).append('\n');
            }
            Files.writeString(dir.resolve(name + ".hea"), hea);
            assertTrue(sameBothWays(dir.resolve(name + ".hea"), true), name);
            EcgRecord r = WfdbReader.read(dir.resolve(name));
            for (int s = 0; s < signals; s++) {
                for (int f = 0; f < frames; f++) {
                    assertEquals(f == 2 && s == lane, Float.isNaN(r.signals()[s][f]), name + " signal " + s + " frame " + f);
                }
            }
        }
    }

    @Test
    void invalidSamplesBecomeNaNAndStillCountInTheChecksum(@TempDir Path dir) throws IOException {
        short[] frames = {10, -20, Short.MIN_VALUE, 40, 50, Short.MIN_VALUE};
        ByteBuffer b = ByteBuffer.allocate(2 * frames.length).order(ByteOrder.LITTLE_ENDIAN);
        int sum0 = 0;
        int sum1 = 0;
        for (int i = 0; i < frames.length; i++) {
            b.putShort(frames[i]);
            if (i % 2 == 0) {
                sum0 += frames[i];
            } else {
                sum1 += frames[i];
            }
        }
        Files.write(dir.resolve("r.dat"), b.array());
        Files.writeString(dir.resolve("r.hea"), "r 2 100 3\nr.dat 16 200(0)/mV 16 0 10 " + (short) sum0 + " 0 I\n"
                + "r.dat 16 200(0)/mV 16 0 -20 " + (short) sum1 + " 0 II\n");
        EcgRecord r = WfdbReader.read(dir.resolve("r"));
        assertArrayEquals(new float[] {0.05f, Float.NaN, 0.25f}, r.signals()[0]);
        assertArrayEquals(new float[] {-0.1f, 0.2f, Float.NaN}, r.signals()[1]);
        assertTrue(sameBothWays(dir.resolve("r.hea"), true));
    }

    @Test
    void checksumAndInitialValueMismatchesAreReported(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("r.dat"), new byte[] {5, 0, 7, 0});
        Files.writeString(dir.resolve("bad_sum.hea"), "bad_sum 1 100 2\nr.dat 16 200 16 0 5 13 0 I\n");
        Files.writeString(dir.resolve("bad_first.hea"), "bad_first 1 100 2\nr.dat 16 200 16 0 6 12 0 I\n");
        Files.writeString(dir.resolve("good.hea"), "good 1 100 2\nr.dat 16 200 16 0 5 12 0 I\n");
        ChecksumMismatchException sum = assertThrows(ChecksumMismatchException.class,
                () -> WfdbReader.read(dir.resolve("bad_sum")));
        assertTrue(sum.getMessage().contains("checksum of 2 samples is 12 but the header declares 13"), sum.getMessage());
        ChecksumMismatchException first = assertThrows(ChecksumMismatchException.class,
                () -> WfdbReader.read(dir.resolve("bad_first")));
        assertTrue(first.getMessage().contains("first sample is 5 but the header's initial value is 6"),
                first.getMessage());
        assertEquals(2, WfdbReader.read(dir.resolve("bad_sum"), ReadOptions.defaults().withVerify(false)).length());
        assertArrayEquals(new float[] {0.025f, 0.035f}, WfdbReader.read(dir.resolve("good")).signals()[0]);
    }

    @Test
    void aReusedBufferWithStaleBytesFromALongerRecordDecodesTheShorterOneExactly() throws IOException {
        Path longer = TestData.wfdbFixtures().resolve("test01_00s.hea"); // 32 kB of format 16
        List<Path> ptbxl;
        try (Stream<Path> s = Files.walk(TestData.sample().resolve("records100"))) {
            ptbxl = s.filter(p -> p.toString().endsWith(".hea")).sorted().limit(3).toList();
        }
        for (Path shorter : ptbxl) {
            assertTrue(sameBothWays(longer, true));
            assertTrue(PhysicalDecoder.scratch(1).length >= 32_000, "the thread keeps the longer buffer");
            assertTrue(sameBothWays(shorter, true), shorter.toString());
        }
        assertEquals(PhysicalDecoder.SCRATCH_LIMIT + 1, PhysicalDecoder.scratch(PhysicalDecoder.SCRATCH_LIMIT + 1).length);
        assertTrue(PhysicalDecoder.scratch(1).length <= PhysicalDecoder.SCRATCH_LIMIT, "huge buffers are not kept");
    }

    private static SignalSpec spec(double gain, int baseline) {
        return new SignalSpec("x.dat", 16, 1, 0, 0, gain, true, baseline, "mV", 16, 0, OptionalInt.empty(),
                OptionalInt.empty(), 0, "", 2);
    }
}
