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
 * Decodes the common layout of a record straight from its file bytes to physical units, in one
 * pass per signal that also sums the checksum: a whole single-segment record whose signals all
 * have one sample per frame, no skew, and a format other than 8 (differences) — every PTB-XL and
 * CinC record. Other layouts go through {@link WfdbReader#readDigital} and its int arrays.
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
    /** Largest |baseline| for which a 16-bit sample minus the baseline is exact in a float. */
    private static final int FLOAT_EXACT_BASELINE = 1 << 23;

    private PhysicalDecoder() {
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
            SignalFileDecoder.StoredBytes raw = SignalFileDecoder.read(h, file, e.getValue(), frames);
            frames = raw.frames(); // the header's, or (first file, no length in the header) what the file holds
            int n = WfdbReader.outputLength(h, signals.size(), frames, 1);
            int[] flat = raw.format() == SignalFormat.INT16 ? null : new int[(int) raw.wanted() * raw.perFrame()];
            if (flat != null) {
                raw.format().decode(raw.bytes(), flat.length, flat);
            }
            List<Integer> members = e.getValue();
            float[][] dst = new float[members.size()][n];
            int[] sums = new int[members.size()];
            if (flat == null) {
                int16(raw.bytes(), raw.perFrame(), members, signals, holdsInt16Invalid(raw.bytes()), dst, sums);
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
     * where they can be (about a quarter faster than one signal at a time); {@code mayHoldInvalid}
     * false promises that no sample is -32768, which spares the loops the test for it.
     */
    private static void int16(byte[] bytes, int perFrame, List<Integer> members, List<SignalSpec> signals,
            boolean mayHoldInvalid, float[][] dst, int[] sums) {
        int m = members.size();
        for (int slot = 0; slot < m; ) {
            if (!mayHoldInvalid && slot + 4 <= m && floatExact(signals, members, slot, 4)) {
                int16x4(bytes, slot, perFrame, signals, members, dst, sums);
                slot += 4;
            } else {
                sums[slot] = int16(bytes, slot, perFrame, signals.get(members.get(slot)), mayHoldInvalid, dst[slot]);
                slot++;
            }
        }
    }

    /** Signals {@code slot .. slot + 3}, float-exact and free of invalid samples, from one 64-bit load per frame. */
    private static void int16x4(byte[] bytes, int slot, int perFrame, List<SignalSpec> signals, List<Integer> members,
            float[][] dst, int[] sums) {
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
        int step = 2 * perFrame;
        for (int f = 0, pos = 2 * slot; f < d0.length; f++, pos += step) {
            long w = (long) LONG_LE.get(bytes, pos);
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
        sums[slot] = s0;
        sums[slot + 1] = s1;
        sums[slot + 2] = s2;
        sums[slot + 3] = s3;
        for (int k = 0; k < 4; k++) {
            divide(dst[slot + k], (float) signals.get(members.get(slot + k)).gain());
        }
    }

    private static boolean floatExact(List<SignalSpec> signals, List<Integer> members, int slot, int count) {
        for (int k = slot; k < slot + count; k++) {
            if (!floatExact(signals.get(members.get(k)), 16)) {
                return false;
            }
        }
        return true;
    }

    /** One format-16 signal; returns the sum of its stored values. */
    private static int int16(byte[] bytes, int slot, int perFrame, SignalSpec sig, boolean mayHoldInvalid,
            float[] dst) {
        int n = dst.length;
        int step = 2 * perFrame;
        int sum = 0;
        if (floatExact(sig, 16)) {
            int baseline = sig.baseline();
            if (mayHoldInvalid) {
                for (int f = 0, pos = 2 * slot; f < n; f++, pos += step) {
                    int v = (short) SHORT_LE.get(bytes, pos);
                    sum += v;
                    dst[f] = v == Short.MIN_VALUE ? Float.NaN : (float) (v - baseline);
                }
            } else {
                for (int f = 0, pos = 2 * slot; f < n; f++, pos += step) {
                    int v = (short) SHORT_LE.get(bytes, pos);
                    sum += v;
                    dst[f] = v - baseline;
                }
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

    /**
     * True when some 16-bit little-endian word of {@code bytes} is 0x8000 (-32768, the invalid
     * sample). Looks at four words at a time: after XOR with 0x8000 an invalid word is zero, and
     * {@code (x - 0x0001..) & ~x & 0x8000..} is non-zero exactly when some 16-bit lane of x is zero.
     */
    static boolean holdsInt16Invalid(byte[] bytes) {
        int whole = bytes.length & ~7;
        long lanes = 0;
        for (int i = 0; i < whole; i += 8) { // no early exit: a branch-free loop is faster than the rare hit saves
            long x = (long) LONG_LE.get(bytes, i) ^ 0x8000_8000_8000_8000L;
            lanes |= (x - 0x0001_0001_0001_0001L) & ~x;
        }
        if ((lanes & 0x8000_8000_8000_8000L) != 0) {
            return true;
        }
        for (int i = whole; i + 2 <= bytes.length; i += 2) {
            if ((short) SHORT_LE.get(bytes, i) == Short.MIN_VALUE) {
                return true;
            }
        }
        return false;
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
