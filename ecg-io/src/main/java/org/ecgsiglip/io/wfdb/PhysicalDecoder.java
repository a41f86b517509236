package org.ecgsiglip.io.wfdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.EcgRecord;

/**
 * Decodes the common layout of a record straight from its file bytes to physical units, summing
 * the checksums in the same pass: a whole single-segment record whose signals all have one sample
 * per frame, no skew, and a format other than 8 (differences) — every PTB-XL and CinC record. Other
 * layouts go through {@link WfdbReader#readDigital} and its int arrays.
 *
 * <p>The values are exactly those of the general path, {@code (float) ((adc - baseline) / gain)}
 * in double precision: where the gain is a float and {@code adc - baseline} fits 24 bits, the
 * quotient is computed in float instead, which rounds to the same float (double rounding is
 * harmless for a quotient when the wider format has at least 2p + 2 bits, 53 ≥ 2·24 + 2) and lets
 * the division run on vectors.
 */
final class PhysicalDecoder {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    /** Four 16-bit lanes of 0x8000, the format-16 invalid value. */
    private static final long INVALID_LANES = 0x8000_8000_8000_8000L;
    /** Largest |baseline| for which a 16-bit sample minus the baseline is exact in a float. */
    private static final int FLOAT_EXACT_BASELINE = 1 << 23;

    /** Largest signal file, in bytes, whose buffer a thread keeps between reads (a 10 s, 12-lead record at 500 Hz is 120 kB). */
    static final int SCRATCH_LIMIT = 1 << 20;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[0]);

    private PhysicalDecoder() {
    }

    /**
     * A byte array of at least {@code length} for this thread's next format-16 file, reused from call
     * to call (the signal bytes are decoded into new float arrays before the call returns), which
     * spares each record the zeroing of a fresh array. Arrays above {@link #SCRATCH_LIMIT} are not kept.
     */
    static byte[] scratch(int length) {
        byte[] b = SCRATCH.get();
        if (b.length >= length) {
            return b;
        }
        byte[] fresh = new byte[length];
        if (length <= SCRATCH_LIMIT) {
            SCRATCH.set(fresh);
        }
        return fresh;
    }

    /** True when {@link #read} handles this header with these options. */
    static boolean applies(WfdbHeader h, ReadOptions options) {
        if (h.isMultiSegment() || options.from() != 0 || options.to() >= 0 || h.signals().isEmpty()) {
            return false;
        }
        for (SignalSpec s : h.signals()) {
            if (s.samplesPerFrame() != 1 || s.skew() != 0 || s.isNull() || s.format() == 8
                    || s.format() == 0 || SignalFormat.of(s.format()).isFlac()) {
                return false;
            }
        }
        return true;
    }

    /** Reads the whole record in physical units, verifying checksums and initial values when {@code verify}. */
    static EcgRecord read(WfdbHeader h, boolean verify) {
        List<SignalSpec> signals = h.signals();
        Path dir = h.file().toAbsolutePath().getParent();
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        for (int s = 0; s < signals.size(); s++) {
            byFile.computeIfAbsent(signals.get(s).fileName(), k -> new ArrayList<>(signals.size())).add(s);
        }
        float[][] out = new float[signals.size()][];
        long frames = h.sampleCount();
        for (Map.Entry<String, List<Integer>> e : byFile.entrySet()) {
            Path file = dir.resolve(e.getKey());
            boolean int16 = signals.get(e.getValue().get(0)).format() == SignalFormat.INT16.code();
            SignalFileDecoder.StoredBytes raw = int16
                    ? SignalFileDecoder.read(h, file, e.getValue(), frames, PhysicalDecoder::scratch)
                    : SignalFileDecoder.read(h, file, e.getValue(), frames, byte[]::new);
            frames = raw.frames(); // the header's, or (first file, no length in the header) what the file holds
            int n = WfdbReader.outputLength(h, signals.size(), frames, 1);
            int[] flat = int16 ? null : new int[(int) raw.wanted() * raw.perFrame()];
            if (flat != null) {
                raw.format().decode(raw.bytes(), flat.length, flat);
            }
            List<Integer> members = e.getValue();
            float[][] dst = new float[members.size()][n];
            int[] sums = new int[members.size()];
            if (flat == null) {
                int16(raw.bytes(), raw.perFrame(), members, signals, dst, sums);
            } else {
                for (int slot = 0; slot < members.size(); slot++) {
                    sums[slot] = ints(flat, slot, raw.perFrame(), raw.format().invalidValue(),
                            signals.get(members.get(slot)), dst[slot]);
                }
            }
            for (int slot = 0; slot < members.size(); slot++) {
                int s = members.get(slot);
                if (verify) {
                    int first = n == 0 ? 0 : flat == null ? (short) SHORT_LE.get(raw.bytes(), 2 * slot) : flat[slot];
                    SignalFileDecoder.verifySums(h, file, s, first, sums[slot], n);
                }
                out[s] = dst[slot];
            }
        }
        return new EcgRecord(h.baseName(), null, h.samplingFrequency(), h.signalNames(), WfdbReader.units(h), out);
    }

    /**
     * Format 16: fills {@code dst[slot]} with each member's physical values and {@code sums[slot]}
     * with the sum of its stored values. Four neighbouring signals are taken from one 64-bit load
     * where they can be (about a quarter faster than one signal at a time), without a per-sample test
     * for the invalid value: the loop only notes whether one went by, and the rare group that held
     * one is decoded again signal by signal with the test.
     */
    private static void int16(byte[] bytes, int perFrame, List<Integer> members, List<SignalSpec> signals,
            float[][] dst, int[] sums) {
        int m = members.size();
        for (int slot = 0; slot < m; ) {
            if (slot + 4 <= m && floatExact(signals, members, slot, 4)) {
                if (int16x4(bytes, slot, perFrame, signals, members, dst, sums)) {
                    for (int k = slot; k < slot + 4; k++) {
                        sums[k] = int16(bytes, k, perFrame, signals.get(members.get(k)), dst[k]);
                    }
                }
                slot += 4;
            } else {
                sums[slot] = int16(bytes, slot, perFrame, signals.get(members.get(slot)), dst[slot]);
                slot++;
            }
        }
    }

    /**
     * Signals {@code slot .. slot + 3} (float-exact) from one 64-bit load per frame, with no test for
     * invalid samples; returns true when one of the loaded words was 0x8000 (-32768), in which case
     * the caller decodes the four again. The test is bitwise on the four 16-bit lanes at once: after
     * XOR with 0x8000 an invalid lane is zero, and {@code (x - 0x0001..) & ~x & 0x8000..} is non-zero
     * exactly when some lane of x is zero.
     */
    private static boolean int16x4(byte[] bytes, int slot, int perFrame, List<SignalSpec> signals,
            List<Integer> members, float[][] dst, int[] sums) {
        float[] d0 = dst[slot];
        float[] d1 = dst[slot + 1];
        float[] d2 = dst[slot + 2];
        float[] d3 = dst[slot + 3];
        int b0 = signals.get(members.get(slot)).baseline();
        int b1 = signals.get(members.get(slot + 1)).baseline();
        int b2 = signals.get(members.get(slot + 2)).baseline();
        int b3 = signals.get(members.get(slot + 3)).baseline();
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        long lanes = 0;
        int step = 2 * perFrame;
        for (int f = 0, pos = 2 * slot; f < d0.length; f++, pos += step) {
            long w = (long) LONG_LE.get(bytes, pos);
            long x = w ^ INVALID_LANES;
            lanes |= (x - 0x0001_0001_0001_0001L) & ~x;
            int v0 = (short) w;
            int v1 = (short) (w >> 16);
            int v2 = (short) (w >> 32);
            int v3 = (short) (w >> 48);
            s0 += v0;
            s1 += v1;
            s2 += v2;
            s3 += v3;
            d0[f] = v0 - b0;
            d1[f] = v1 - b1;
            d2[f] = v2 - b2;
            d3[f] = v3 - b3;
        }
        if ((lanes & INVALID_LANES) != 0) {
            return true;
        }
        sums[slot] = s0;
        sums[slot + 1] = s1;
        sums[slot + 2] = s2;
        sums[slot + 3] = s3;
        for (int k = 0; k < 4; k++) {
            divide(dst[slot + k], (float) signals.get(members.get(slot + k)).gain());
        }
        return false;
    }

    private static boolean floatExact(List<SignalSpec> signals, List<Integer> members, int slot, int count) {
        for (int k = slot; k < slot + count; k++) {
            if (!floatExact(signals.get(members.get(k)), 16)) {
                return false;
            }
        }
        return true;
    }

    /** One format-16 signal, invalid samples to NaN; returns the sum of its stored values. */
    private static int int16(byte[] bytes, int slot, int perFrame, SignalSpec sig, float[] dst) {
        int n = dst.length;
        int step = 2 * perFrame;
        int sum = 0;
        if (floatExact(sig, 16)) {
            int baseline = sig.baseline();
            for (int f = 0, pos = 2 * slot; f < n; f++, pos += step) {
                int v = (short) SHORT_LE.get(bytes, pos);
                sum += v;
                dst[f] = v == Short.MIN_VALUE ? Float.NaN : (float) (v - baseline);
            }
            divide(dst, (float) sig.gain());
        } else {
            double baseline = sig.baseline();
            double gain = sig.gain();
            for (int f = 0, pos = 2 * slot; f < n; f++, pos += step) {
                int v = (short) SHORT_LE.get(bytes, pos);
                sum += v;
                dst[f] = v == Short.MIN_VALUE ? Float.NaN : (float) ((v - baseline) / gain);
            }
        }
        return sum;
    }

    /** Any other format, already decoded to {@code flat} (frames × perFrame); returns the sum of the stored values. */
    private static int ints(int[] flat, int slot, int perFrame, int invalid, SignalSpec sig, float[] dst) {
        int n = dst.length;
        int sum = 0;
        int bits = SignalFormat.of(sig.format()) == SignalFormat.INT24 ? 24
                : SignalFormat.of(sig.format()) == SignalFormat.INT32 ? 32 : 16;
        if (floatExact(sig, bits)) {
            int baseline = sig.baseline();
            for (int f = 0, i = slot; f < n; f++, i += perFrame) {
                int v = flat[i];
                sum += v;
                dst[f] = v == invalid ? Float.NaN : (float) (v - baseline);
            }
            divide(dst, (float) sig.gain());
        } else {
            double baseline = sig.baseline();
            double gain = sig.gain();
            for (int f = 0, i = slot; f < n; f++, i += perFrame) {
                int v = flat[i];
                sum += v;
                dst[f] = v == invalid ? Float.NaN : (float) ((v - baseline) / gain);
            }
        }
        return sum;
    }

    /**
     * True when float arithmetic gives the double path's result for a signal whose stored values
     * have at most {@code bits} bits: the gain is a float in a range where no quotient leaves the
     * normal floats, and every {@code adc - baseline} is an integer below 2^24.
     */
    static boolean floatExact(SignalSpec sig, int bits) {
        double g = sig.gain();
        return bits <= 16 && Math.abs((long) sig.baseline()) <= FLOAT_EXACT_BASELINE
                && (double) (float) g == g && g >= 0x1p-60 && g <= 0x1p60;
    }

    /** {@code v[i] /= gain} for every element; a loop the JIT turns into vector divisions. */
    private static void divide(float[] v, float gain) {
        for (int i = 0; i < v.length; i++) {
            v[i] = v[i] / gain;
        }
    }
}
