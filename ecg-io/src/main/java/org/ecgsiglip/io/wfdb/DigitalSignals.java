package org.ecgsiglip.io.wfdb;

/**
 * The stored (ADC) values of every signal of a single-segment record, each at its own rate, skew
 * already removed. {@code samples[s]} holds {@code frames * samplesPerFrame[s]} values; an invalid or
 * absent sample is {@link SignalFormat#ABSENT}.
 *
 * @param header the record's header
 * @param frames number of frames
 * @param samplesPerFrame per signal
 * @param samples per signal
 */
public record DigitalSignals(WfdbHeader header, long frames, int[] samplesPerFrame, int[][] samples) {

    /** The physical value of one stored sample of signal {@code s}, NaN for an invalid one. */
    public float physical(int s, int value) {
        return value == SignalFormat.ABSENT ? Float.NaN : (float) header.signals().get(s).toPhysical(value);
    }
}
