package org.ecgsiglip.io.wfdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordFormatException;

/**
 * Reads WFDB records: single-segment records from their signal files, multi-segment records
 * through {@link MultiSegmentReader}.
 *
 * <p>Values become physical units as {@code (adc - baseline) / gain}; invalid samples (the format's
 * most negative value) and samples a skew pushes past the end of the file become NaN. With
 * {@link ReadOptions.FrameMode#AVERAGE} a record with several samples per frame is returned at the
 * frame rate, each signal's samples in a frame averaged; with {@code EXPAND} at the highest
 * per-signal rate, slower signals' samples repeated.
 */
public final class WfdbReader {
    private WfdbReader() {
    }

    /** The header file for a record path given with or without {@code .hea} (or with {@code .dat}/{@code .mat}). */
    public static Path headerPath(Path record) {
        String name = record.getFileName().toString();
        if (name.endsWith(".hea")) {
            return record;
        }
        if (name.endsWith(".dat") || name.endsWith(".mat")) {
            return record.resolveSibling(name.substring(0, name.length() - 4) + ".hea");
        }
        return record.resolveSibling(name + ".hea");
    }

    /** Reads a whole record with default options. */
    public static EcgRecord read(Path record) {
        return read(record, ReadOptions.defaults());
    }

    /**
     * Reads a record with the given options. A window ({@link ReadOptions#range}) reads only its
     * frames from the signal files; see {@link ReadOptions} for what is verified then.
     */
    public static EcgRecord read(Path record, ReadOptions options) {
        Path hea = headerPath(record);
        WfdbHeader header = HeaderParser.parse(hea);
        if (header.isMultiSegment()) {
            return MultiSegmentReader.read(header, hea.toAbsolutePath().getParent(), options);
        }
        if (PhysicalDecoder.applies(header, options)) {
            return PhysicalDecoder.read(header, options.verify());
        }
        DigitalSignals window = readDigital(header, options.verify(), options.from(), options.to());
        return toPhysical(window, options.range(0, -1));
    }

    /**
     * Decodes every signal of a single-segment record to stored (ADC) values, verifying checksums
     * and initial values when {@code verify} is set.
     */
    public static DigitalSignals readDigital(WfdbHeader header, boolean verify) {
        return readDigital(header, verify, 0, -1);
    }

    /**
     * Decodes frames {@code [from, to)} ({@code to} = -1: to the end) of every signal of a
     * single-segment record to stored (ADC) values; the result's frame 0 is frame {@code from} of
     * the record. Only those frames (and the skew after them) are read from the files. With
     * {@code verify}, initial values are checked when the window starts at frame 0 and checksums
     * when it is the whole record (a checksum covers a whole signal).
     */
    public static DigitalSignals readDigital(WfdbHeader header, boolean verify, long from, long to) {
        if (header.isMultiSegment()) {
            throw new IllegalArgumentException(header.recordName() + " is a multi-segment record");
        }
        List<SignalSpec> signals = header.signals();
        Path dir = header.file().toAbsolutePath().getParent();
        Map<String, List<Integer>> byFile = new LinkedHashMap<>();
        int[] spf = new int[signals.size()];
        for (int s = 0; s < signals.size(); s++) {
            spf[s] = signals.get(s).samplesPerFrame();
            byFile.computeIfAbsent(signals.get(s).fileName(), k -> new ArrayList<>()).add(s);
        }
        int[][] samples = new int[signals.size()][];
        long frames = header.sampleCount();
        for (Map.Entry<String, List<Integer>> e : byFile.entrySet()) {
            if ("~".equals(e.getKey())) {
                continue;
            }
            long found = SignalFileDecoder.decode(header, dir.resolve(e.getKey()), e.getValue(), frames, from, to,
                    verify, samples);
            if (frames < 0) {
                frames = found;
            }
        }
        long end = to < 0 ? Math.max(frames, 0) : to;
        if (end > Math.max(frames, 0) && frames >= 0) {
            throw new RecordFormatException(header.file(), "sample range", "asked for frames up to " + end
                    + " but the record has " + frames, "ask for a range within [0, " + frames + ")");
        }
        long n = Math.max(end - from, 0);
        int maxSpf = java.util.Arrays.stream(spf).max().orElse(1);
        outputLength(header, signals.size(), n, maxSpf);
        for (int s = 0; s < samples.length; s++) {
            if (samples[s] == null) {
                samples[s] = new int[(int) (n * spf[s])];
                java.util.Arrays.fill(samples[s], SignalFormat.ABSENT);
            } else if (samples[s].length != n * spf[s]) {
                throw new RecordFormatException(header.file(), "signal " + s, "signal files hold different numbers"
                        + " of frames", "give the record line the number of samples per signal");
            }
        }
        return new DigitalSignals(header, n, spf, samples);
    }

    /** Converts decoded values to a physical-unit record, applying the options' range and frame mode. */
    static EcgRecord toPhysical(DigitalSignals d, ReadOptions options) {
        WfdbHeader h = d.header();
        long to = options.to() < 0 ? d.frames() : options.to();
        if (to > d.frames()) {
            throw new RecordFormatException(h.file(), "sample range", "asked for frames up to " + to
                    + " but the record has " + d.frames(), "ask for a range within [0, " + d.frames() + ")");
        }
        int factor = factor(h, d.samplesPerFrame(), options.frames());
        int n = outputLength(h, d.samples().length, to - options.from(), factor);
        float[][] out = new float[d.samples().length][n];
        for (int s = 0; s < out.length; s++) {
            fill(d, s, options.from(), to, options.frames(), factor, out[s], 0);
        }
        double fs = h.samplingFrequency() * factor;
        return new EcgRecord(h.baseName(), null, fs, h.signalNames(), units(h), out);
    }

    /** Samples per frame of the output: 1 for AVERAGE, the largest samples-per-frame for EXPAND. */
    static int factor(WfdbHeader h, int[] spf, ReadOptions.FrameMode mode) {
        if (mode == ReadOptions.FrameMode.AVERAGE) {
            return 1;
        }
        int max = 1;
        for (int v : spf) {
            max = Math.max(max, v);
        }
        for (int s = 0; s < spf.length; s++) {
            if (max % spf[s] != 0) {
                throw new RecordFormatException(h.file(), "signal " + s, "samples per frame " + spf[s]
                        + " does not divide the largest, " + max + ", so the signals cannot share the highest rate",
                        "read with FrameMode.AVERAGE");
            }
        }
        return max;
    }

    /** Writes frames [from, to) of signal s in physical units into dst starting at pos. */
    static void fill(DigitalSignals d, int s, long from, long to, ReadOptions.FrameMode mode, int factor,
            float[] dst, int pos) {
        int spf = d.samplesPerFrame()[s];
        int[] src = d.samples()[s];
        SignalSpec sig = d.header().signals().get(s);
        if (spf == 1 && factor == 1) {
            double baseline = sig.baseline();
            double gain = sig.gain();
            for (int f = (int) from; f < to; f++) {
                int v = src[f];
                dst[pos++] = v == SignalFormat.ABSENT ? Float.NaN : (float) ((v - baseline) / gain);
            }
            return;
        }
        for (long f = from; f < to; f++) {
            int base = (int) (f * spf);
            if (mode == ReadOptions.FrameMode.AVERAGE) {
                double sum = 0;
                int valid = 0;
                for (int k = 0; k < spf; k++) {
                    int v = src[base + k];
                    if (v != SignalFormat.ABSENT) {
                        sum += v;
                        valid++;
                    }
                }
                dst[pos++] = valid == 0 ? Float.NaN : (float) ((sum / valid - sig.baseline()) / sig.gain());
            } else {
                int rep = factor / spf;
                for (int k = 0; k < spf; k++) {
                    float v = d.physical(s, src[base + k]);
                    for (int r = 0; r < rep; r++) {
                        dst[pos++] = v;
                    }
                }
            }
        }
    }

    /** Largest number of values one read may return (1 GiB of floats); larger reads need a range. */
    static final long MAX_VALUES = 1L << 28;

    /** Output samples per signal, or a typed error when the read would be too large for one array. */
    static int outputLength(WfdbHeader h, int signals, long frames, int factor) {
        boolean fits = frames >= 0 && frames <= MAX_VALUES / Math.max(1, factor)
                && frames * Math.max(1, factor) * Math.max(1, signals) <= MAX_VALUES;
        if (!fits) {
            throw new RecordFormatException(h.file(), "sample range", signals + " signals x " + frames + " frames"
                    + (factor > 1 ? " x " + factor + " samples per frame" : "") + " are too many to read at once (at"
                    + " most " + MAX_VALUES + " values, 1 GiB of floats)",
                    "read the record in windows (ReadOptions.range, ecg export --from/--to)");
        }
        return (int) (frames * factor);
    }

    static List<String> units(WfdbHeader h) {
        return h.signals().stream().map(SignalSpec::units).toList();
    }
}
