package org.ecgsiglip.io.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.preprocess.Resampler;

/**
 * Copies of real CinC records at other rates and lengths, for tests of records the bundled files do
 * not have (INCART at 257 Hz, PTB at 1000 Hz, CPSC's 6 to 144 s): the source record is resampled
 * ({@link Resampler}), cut to its first {@code seconds} or, for a longer copy, continued from its
 * start again, and written in the Challenge's format (MATLAB v4 {@code val} of int16 at 1000/mV,
 * baseline 0, with the header's initial values and checksums computed from the samples) under a new
 * name, with the source header's {@code #} comments ({@code #Age}, {@code #Sex}, {@code #Dx}, ...).
 */
public final class CincCopies {
    /** Digital units per mV of the copies (the Challenge's). */
    public static final double GAIN = 1000;

    private CincCopies() {
    }

    /**
     * Writes {@code id.hea} and {@code id.mat} into {@code dir}.
     *
     * @param source the real record (path without suffix)
     * @param hz the copy's sampling rate
     * @param seconds the copy's length
     * @param dx the {@code #Dx} codes to write instead of the source's, or null to keep them
     * @return the header's path
     */
    public static Path write(Path source, Path dir, String id, int hz, double seconds, String dx) {
        EcgRecord r = RecordReader.read(source);
        int samples = (int) Math.round(seconds * hz);
        short[][] v = new short[r.signals().length][samples];
        for (int k = 0; k < v.length; k++) {
            double[] x = new double[r.signals()[k].length];
            for (int t = 0; t < x.length; t++) {
                x[t] = r.signals()[k][t];
            }
            double[] y = Resampler.resample(x, r.samplingFrequency(), hz);
            for (int t = 0; t < samples; t++) {
                long d = Math.round(GAIN * y[t % y.length]);
                if (d < Short.MIN_VALUE || d > Short.MAX_VALUE) {
                    throw new IllegalStateException(id + ": sample out of the int16 range");
                }
                v[k][t] = (short) d;
            }
        }
        try {
            Files.createDirectories(dir);
            writeMat(dir.resolve(id + ".mat"), v, samples);
            StringBuilder h = new StringBuilder(id + " " + v.length + " " + hz + " " + samples
                    + " 05-May-2020 09:49:17\n");
            for (int k = 0; k < v.length; k++) {
                int sum = 0;
                for (short s : v[k]) {
                    sum += s;
                }
                h.append(id).append(".mat 16+24 1000/mV 16 0 ").append(v[k][0]).append(' ').append((short) sum)
                        .append(" 0 ").append(r.leadNames().get(k)).append('\n');
            }
            for (String line : comments(source)) {
                h.append(dx != null && line.startsWith("#Dx") ? "#Dx: " + dx : line).append('\n');
            }
            Path hea = dir.resolve(id + ".hea");
            Files.writeString(hea, h);
            return hea;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeMat(Path file, short[][] v, int samples) throws IOException {
        byte[] name = "val\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(20 + name.length + 2 * v.length * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(30).putInt(v.length).putInt(samples).putInt(0).putInt(name.length).put(name);
        for (int t = 0; t < samples; t++) {
            for (short[] lead : v) {
                b.putShort(lead[t]);
            }
        }
        Files.write(file, b.array());
    }

    private static List<String> comments(Path source) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(source.resolveSibling(source.getFileName() + ".hea"))) {
            if (line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }
}
