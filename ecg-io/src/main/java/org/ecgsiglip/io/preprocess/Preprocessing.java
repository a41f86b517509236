package org.ecgsiglip.io.preprocess;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.Leads;
import org.ecgsiglip.io.PreprocessingException;

/**
 * Turns an {@link EcgRecord} into a fixed {@code [leads][length]} float array. Steps, in order:
 * <ol>
 *   <li>select the leads in {@link #leads()} order, matching names in any spelling ({@code AVR} is
 *       {@code aVR}); a missing lead is an error;</li>
 *   <li>handle NaN samples by {@link #nanPolicy()};</li>
 *   <li>resample to {@link #targetHz()} ({@link Resampler}, anti-aliased polyphase);</li>
 *   <li>filter with a zero-phase Butterworth of order {@link #filterOrder()} ({@link Butterworth}):
 *       band-pass when both cut-offs are given, high-pass with only {@code bandLowHz}, low-pass with
 *       only {@code bandHighHz}, none when both are NaN;</li>
 *   <li>crop to the first {@link #length()} samples;</li>
 *   <li>when {@link #standardize()}, subtract each lead's mean and divide by its standard deviation
 *       (population; a flat lead is only centred);</li>
 *   <li>pad with zeros at the end up to {@link #length()}.</li>
 * </ol>
 *
 * @param targetHz output sampling rate
 * @param length output samples per lead
 * @param bandLowHz high-pass cut-off in Hz, or NaN for none
 * @param bandHighHz low-pass cut-off in Hz, or NaN for none
 * @param filterOrder Butterworth prototype order (band-pass doubles it), 1-8
 * @param standardize per-lead zero mean, unit variance
 * @param leads output leads, in order (standard spellings)
 * @param nanPolicy what to do with NaN samples
 */
public record Preprocessing(double targetHz, int length, double bandLowHz, double bandHighHz, int filterOrder,
        boolean standardize, List<String> leads, NanPolicy nanPolicy) {

    public Preprocessing {
        if (!(targetHz > 0) || Double.isInfinite(targetHz)) {
            throw new ConfigurationException("target Hz", "target rate must be positive, got " + targetHz, "use e.g. 100");
        }
        if (length < 1) {
            throw new ConfigurationException("length", "length must be at least 1 sample, got " + length,
                    "use e.g. 1000 for 10 s at 100 Hz");
        }
        if (filterOrder < 1 || filterOrder > 8) {
            throw new ConfigurationException("filter order", "order must be 1-8, got " + filterOrder, "use 2 or 3");
        }
        boolean lo = !Double.isNaN(bandLowHz);
        boolean hi = !Double.isNaN(bandHighHz);
        if ((lo && !(bandLowHz > 0 && bandLowHz < targetHz / 2)) || (hi && !(bandHighHz > 0 && bandHighHz < targetHz / 2))
                || (lo && hi && bandLowHz >= bandHighHz)) {
            throw new ConfigurationException("band-pass", "cut-offs " + bandLowHz + " - " + bandHighHz
                    + " Hz must lie in (0, " + targetHz / 2 + ") Hz, low below high",
                    "use e.g. 0.5 - 40 Hz at 100 Hz, or NaN to switch a side off");
        }
        leads = List.copyOf(leads.stream().map(Leads::normalize).toList());
        if (leads.isEmpty() || leads.stream().distinct().count() != leads.size()) {
            throw new ConfigurationException("leads", "lead list " + leads + " is empty or repeats a lead",
                    "list each lead once, e.g. Leads.STANDARD_12");
        }
        Objects.requireNonNull(nanPolicy, "nanPolicy");
    }

    /** The 12 standard leads at {@code targetHz}, {@code length} samples, no filter, no standardisation, NaN interpolated. */
    public static Preprocessing of(double targetHz, int length) {
        return new Preprocessing(targetHz, length, Double.NaN, Double.NaN, 2, false, Leads.STANDARD_12,
                NanPolicy.INTERPOLATE);
    }

    /** The same with a band-pass filter (either side NaN to switch it off). */
    public Preprocessing withBandPass(double lowHz, double highHz) {
        return new Preprocessing(targetHz, length, lowHz, highHz, filterOrder, standardize, leads, nanPolicy);
    }

    public Preprocessing withFilterOrder(int order) {
        return new Preprocessing(targetHz, length, bandLowHz, bandHighHz, order, standardize, leads, nanPolicy);
    }

    public Preprocessing withStandardize(boolean on) {
        return new Preprocessing(targetHz, length, bandLowHz, bandHighHz, filterOrder, on, leads, nanPolicy);
    }

    public Preprocessing withLeads(List<String> newLeads) {
        return new Preprocessing(targetHz, length, bandLowHz, bandHighHz, filterOrder, standardize, newLeads, nanPolicy);
    }

    public Preprocessing withNanPolicy(NanPolicy policy) {
        return new Preprocessing(targetHz, length, bandLowHz, bandHighHz, filterOrder, standardize, leads, policy);
    }

    /** Applies every step; returns {@code [leads().size()][length()]}. */
    public float[][] apply(EcgRecord record) {
        float[][] out = new float[leads.size()][length];
        Butterworth filter = Double.isNaN(bandLowHz) && Double.isNaN(bandHighHz) ? null
                : Butterworth.design(filterOrder, bandLowHz, bandHighHz, targetHz);
        for (int k = 0; k < leads.size(); k++) {
            String lead = leads.get(k);
            OptionalInt src = Leads.indexOf(record.leadNames(), lead);
            if (src.isEmpty()) {
                throw new PreprocessingException(null, "record " + record.recordId() + ", lead " + lead,
                        "lead " + lead + " is missing; the record has " + record.leadNames(),
                        "choose leads the record has (Preprocessing.withLeads)");
            }
            double[] x = Signals.fillNaN(record.signals()[src.getAsInt()], nanPolicy, record.recordId(), lead);
            x = Resampler.resample(x, record.samplingFrequency(), targetHz);
            if (filter != null) {
                if (x.length <= filter.padLength()) {
                    throw new PreprocessingException(null, "record " + record.recordId() + ", lead " + lead,
                            x.length + " samples are too few for zero-phase filtering (needs more than "
                                    + filter.padLength() + ")", "switch the band-pass off for such short records");
                }
                x = filter.filtfilt(x);
            }
            int n = Math.min(length, x.length);
            if (standardize) {
                Signals.standardize(x, n);
            }
            for (int i = 0; i < n; i++) {
                out[k][i] = (float) x[i];
            }
        }
        return out;
    }
}
