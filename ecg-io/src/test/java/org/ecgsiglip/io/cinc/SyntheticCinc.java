package org.ecgsiglip.io.cinc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.io.Leads;

/**
 * Writes CinC-style records for tests: a WFDB header with {@code #Age/#Sex/#Dx} comments and a
 * MATLAB v4 {@code val} matrix of int16 (format {@code 16+24}, gain 1000/mV, baseline 0), with
 * the header's initial values and checksums computed from the samples, as the Challenge's files
 * carry them. Lead {@code k} holds {@code (k + 1) * 0.1 mV * sin(2 pi f t)}, so a resampled record
 * can be compared with the same sine at the new rate.
 */
final class SyntheticCinc {
    static final double GAIN = 1000;

    private SyntheticCinc() {
    }

    /** The value (mV) of lead {@code lead} at time {@code t} seconds. */
    static double value(int lead, double hz, double t) {
        return (lead + 1) * 0.1 * Math.sin(2 * Math.PI * hz * t);
    }

    /** Writes {@code id.hea} and {@code id.mat} into {@code dir}; returns the header's path. */
    static Path write(Path dir, String id, int fs, int samples, double sineHz, String dx) throws IOException {
        Files.createDirectories(dir);
        short[][] v = new short[12][samples];
        for (int k = 0; k < 12; k++) {
            for (int i = 0; i < samples; i++) {
                v[k][i] = (short) Math.round(GAIN * value(k, sineHz, i / (double) fs));
            }
        }
        byte[] name = "val\0".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(20 + name.length + 2 * 12 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(30).putInt(12).putInt(samples).putInt(0).putInt(name.length).put(name);
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < 12; k++) {
                b.putShort(v[k][i]);
            }
        }
        Files.write(dir.resolve(id + ".mat"), b.array());
        StringBuilder h = new StringBuilder(id + " 12 " + fs + " " + samples + " 05-May-2020 09:49:17\n");
        for (int k = 0; k < 12; k++) {
            int sum = 0;
            for (short s : v[k]) {
                sum += s;
            }
            h.append(id).append(".mat 16+24 1000/mV 16 0 ").append(v[k][0]).append(' ').append((short) sum)
                    .append(" 0 ").append(Leads.STANDARD_12.get(k)).append('\n');
        }
        h.append("#Age: 60\n#Sex: Female\n#Dx: ").append(dx).append("\n#Rx: Unknown\n");
        Path hea = dir.resolve(id + ".hea");
        Files.writeString(hea, h);
        return hea;
    }
}
