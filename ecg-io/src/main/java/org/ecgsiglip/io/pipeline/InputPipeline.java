package org.ecgsiglip.io.pipeline;

import java.util.Objects;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.cache.Half;
import org.ecgsiglip.io.cache.Precision;

/**
 * A {@link DataSpec} with what was fitted on the training folds ({@link LeadStatistics} for
 * {@link Standardization#DATASET}): the one way from a record to the array a model reads. Training
 * and validation read stored signals from the cache; prediction {@link #prepare}s each record into the
 * same stored form (same preprocessing, same rounding to the cache's precision) and then goes through
 * the same {@link #window} step, so that a model scores a record exactly as validation scored it.
 *
 * <p>Stored form: {@code [leads × storedLength]} floats, lead-major. Model input: one window of
 * {@code [leads × inputLength]}, scaled by the lead statistics when there are any.
 *
 * @param spec the declared pipeline
 * @param statistics the training folds' lead statistics for {@link Standardization#DATASET}, else null
 */
public record InputPipeline(DataSpec spec, LeadStatistics statistics) {

    public InputPipeline {
        Objects.requireNonNull(spec, "spec");
        boolean needed = spec.standardization() == Standardization.DATASET;
        if (needed != (statistics != null)) {
            throw new ConfigurationException("standardization", needed ? "dataset standardisation needs the training "
                    + "folds' lead statistics" : "lead statistics given but standardisation is "
                    + spec.standardization(), needed ? "fit them with InputPipeline.fit" : "drop the statistics");
        }
        if (statistics != null && statistics.leads() != spec.leads()) {
            throw new ConfigurationException("lead statistics", statistics.leads() + " leads of statistics for "
                    + spec.leads() + " leads", "refit the statistics");
        }
    }

    /**
     * The pipeline of {@code spec}, fitting lead statistics on the stored signals of the training
     * records {@code train} when the spec asks for dataset standardisation.
     */
    public static InputPipeline fit(DataSpec spec, SignalSource stored, int[] train) {
        LeadStatistics stats = spec.standardization() == Standardization.DATASET
                ? LeadStatistics.fit(stored, train) : null;
        return new InputPipeline(spec, stats);
    }

    public int leads() {
        return spec.leads();
    }

    /** Samples per lead in the stored form. */
    public int storedLength() {
        return spec.preprocessing().length();
    }

    /** Samples per lead the model reads. */
    public int inputLength() {
        return spec.windows().length();
    }

    /** Floats per model input: leads × input length. */
    public int inputSize() {
        return leads() * inputLength();
    }

    public Windows windows() {
        return spec.windows();
    }

    /**
     * A record in the stored form, exactly as the signal cache holds it: preprocessed, lead-major, and
     * rounded to the cache's precision.
     */
    public float[] prepare(EcgRecord record) {
        float[][] leads = spec.preprocessing().apply(record);
        int length = storedLength();
        float[] out = new float[leads.length * length];
        for (int k = 0; k < leads.length; k++) {
            System.arraycopy(leads[k], 0, out, k * length, length);
        }
        if (spec.precision() == Precision.FLOAT16) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Half.toFloat(Half.fromFloat(out[i]));
            }
        }
        return out;
    }

    /**
     * The model input from a stored record: the window starting at sample {@code start} of every lead,
     * scaled by the lead statistics, written to {@code dst} at {@code dstOffset}.
     */
    public void window(float[] stored, int storedOffset, int start, float[] dst, int dstOffset) {
        int length = storedLength();
        int input = inputLength();
        if (start < 0 || start + input > length) {
            throw new IllegalArgumentException("window " + start + "+" + input + " outside " + length + " samples");
        }
        for (int k = 0; k < leads(); k++) {
            int from = storedOffset + k * length + start;
            int to = dstOffset + k * input;
            if (statistics == null) {
                System.arraycopy(stored, from, dst, to, input);
            } else {
                float offset = statistics.offset(k);
                float scale = statistics.scale(k);
                for (int t = 0; t < input; t++) {
                    dst[to + t] = (stored[from + t] - offset) * scale;
                }
            }
        }
    }

    /** Offsets of the evaluation windows of a stored record. */
    public int[] evaluationOffsets() {
        return spec.windows().evaluationOffsets(storedLength());
    }

    /** SHA-256 of the pipeline as written to {@code pipeline.json} (the spec and the fitted statistics). */
    public String digest() {
        return PipelineJson.sha256(PipelineJson.toJson(this));
    }
}
