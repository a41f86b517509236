package org.ecgsiglip.io;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One ECG recording in physical units.
 *
 * <p>{@code signals[k]} holds the samples of lead {@code leadNames.get(k)}, in the units the source
 * declares (millivolts for ECG leads in PTB-XL and CinC). A sample the source marks as invalid is
 * {@code Float.NaN}. All leads have the same length here: a source with several samples per frame
 * is exposed at the highest per-signal rate only when the reader says so; see the reader's Javadoc.
 *
 * <p>The arrays are not copied (records can be large); treat them as read-only.
 *
 * @param recordId the record's name, e.g. {@code 00001_lr} or {@code E07500}
 * @param patientId the patient identifier when the dataset knows it, else {@code null}
 * @param samplingFrequency samples per second of every lead in {@code signals}
 * @param leadNames one name per row of {@code signals}, as written in the source
 * @param units one physical unit per row ("mV"), as written in the source
 * @param signals [lead][sample] values in physical units
 */
public record EcgRecord(
        String recordId,
        String patientId,
        double samplingFrequency,
        List<String> leadNames,
        List<String> units,
        float[][] signals) {

    public EcgRecord {
        Objects.requireNonNull(recordId, "recordId");
        leadNames = List.copyOf(leadNames);
        units = List.copyOf(units);
        Objects.requireNonNull(signals, "signals");
        if (leadNames.size() != signals.length || units.size() != signals.length) {
            throw new IllegalArgumentException("record " + recordId + ": " + signals.length
                    + " signal rows but " + leadNames.size() + " lead names and " + units.size() + " units");
        }
        if (!(samplingFrequency > 0)) {
            throw new IllegalArgumentException("record " + recordId + ": sampling frequency must be > 0");
        }
        for (int k = 1; k < signals.length; k++) {
            if (signals[k].length != signals[0].length) {
                throw new IllegalArgumentException("record " + recordId + ": lead " + leadNames.get(k)
                        + " has " + signals[k].length + " samples, lead " + leadNames.get(0) + " has "
                        + signals[0].length);
            }
        }
    }

    /** Number of leads (rows). */
    public int leadCount() {
        return signals.length;
    }

    /** Number of samples per lead. */
    public int length() {
        return signals.length == 0 ? 0 : signals[0].length;
    }

    /** Duration in seconds. */
    public double durationSeconds() {
        return length() / samplingFrequency;
    }

    /** A copy with another patient id (datasets know it; record files often do not). */
    public EcgRecord withPatientId(String newPatientId) {
        return new EcgRecord(recordId, newPatientId, samplingFrequency, leadNames, units, signals);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EcgRecord r
                && recordId.equals(r.recordId)
                && Objects.equals(patientId, r.patientId)
                && Double.compare(samplingFrequency, r.samplingFrequency) == 0
                && leadNames.equals(r.leadNames)
                && units.equals(r.units)
                && Arrays.deepEquals(signals, r.signals);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, patientId, samplingFrequency, leadNames, units, Arrays.deepHashCode(signals));
    }

    @Override
    public String toString() {
        return "EcgRecord[" + recordId + ", " + leadCount() + " leads x " + length() + " samples @ "
                + samplingFrequency + " Hz]";
    }
}
