package org.ecgsiglip.io.wfdb;

import java.util.OptionalInt;
import org.ecgsiglip.io.util.Quote;

/**
 * One signal line of a WFDB header, with every field it can carry. Absent optional fields hold the
 * defaults the WFDB specification gives them; the {@code *Given} flags say which were written.
 *
 * @param fileName signal file name, {@code ~} for a layout or null signal
 * @param format storage format code (8, 16, 212, ...), as written
 * @param samplesPerFrame samples of this signal in each frame (the {@code x} suffix), at least 1
 * @param skew frames by which this signal's samples are delayed in the file (the {@code :} suffix)
 * @param byteOffset bytes to skip at the start of the file (the {@code +} suffix)
 * @param gain ADC units per physical unit; 200 when the header gives 0 or nothing (uncalibrated)
 * @param gainGiven true when the header gave a non-zero gain
 * @param baseline ADC value of physical zero; the ADC zero when not given
 * @param units physical units, {@code mV} when not given
 * @param adcResolution bits of ADC resolution (0 when not given)
 * @param adcZero ADC value at the middle of the ADC range
 * @param initialValue the first sample's value; {@code empty} when not given
 * @param checksum 16-bit sum of all samples; {@code empty} when not given
 * @param blockSize block size in bytes (0 for ordinary files)
 * @param description signal description (lead name), possibly with spaces; empty when not given
 * @param line 1-based line number in the header, for messages
 */
public record SignalSpec(
        String fileName,
        int format,
        int samplesPerFrame,
        int skew,
        long byteOffset,
        double gain,
        boolean gainGiven,
        int baseline,
        String units,
        int adcResolution,
        int adcZero,
        OptionalInt initialValue,
        OptionalInt checksum,
        int blockSize,
        String description,
        int line) {

    /** Gain used when a header gives none, as the WFDB library does. */
    public static final double DEFAULT_GAIN = 200.0;

    /** True for a layout or null signal ({@code ~}): no samples in any file. */
    public boolean isNull() {
        return "~".equals(fileName);
    }

    /** Converts one ADC value to physical units: {@code (adc - baseline) / gain}. */
    public double toPhysical(int adc) {
        return (adc - baseline) / gain;
    }

    /** The description, or {@code "signal N"} when the header gave none. */
    public String label(int index) {
        return description.isEmpty() ? "signal " + index : description;
    }

    /**
     * {@link #label} for messages: as it is when it has at most {@value Quote#MAX} plain
     * characters, else quoted and cut ({@link Quote#of}), so that a message never echoes a long
     * description.
     */
    public String shortLabel(int index) {
        String l = label(index);
        if (l.length() <= Quote.MAX && l.chars().allMatch(c -> c >= ' ' && c != 0x7F)) {
            return l;
        }
        return Quote.of(l);
    }
}
