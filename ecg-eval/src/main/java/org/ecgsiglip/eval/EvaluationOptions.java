package org.ecgsiglip.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ecgsiglip.eval.calibration.Binning;

/**
 * The optional parts of an evaluation, all with defaults: zero division {@link ZeroDivision#ZERO}
 * (scikit-learn's), no "at least one finding per record", no bootstrap, input hashes computed
 * from the matrices, precision-recall curves of the 6 findings with the lowest AUPRC, and
 * calibration (Brier score, ECE, reliability curves) under {@link Binning#STANDARD} whenever the
 * scores are probabilities.
 *
 * <pre>{@code
 * EvaluationOptions.builder().optBootstrap(Bootstrap.byRecord(1000, 42)).build()
 * }</pre>
 */
public final class EvaluationOptions {
    private final ZeroDivision zeroDivision;
    private final boolean atLeastOnePerRecord;
    private final Optional<Bootstrap> bootstrap;
    private final Map<String, String> inputs;
    private final int worstCurves;
    private final List<Binning> calibration;

    private EvaluationOptions(Builder b) {
        this.zeroDivision = b.zeroDivision;
        this.atLeastOnePerRecord = b.atLeastOnePerRecord;
        this.bootstrap = Optional.ofNullable(b.bootstrap);
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(b.inputs));
        this.worstCurves = b.worstCurves;
        this.calibration = List.copyOf(b.calibration);
    }

    public static EvaluationOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public ZeroDivision zeroDivision() {
        return zeroDivision;
    }

    public boolean atLeastOnePerRecord() {
        return atLeastOnePerRecord;
    }

    public Optional<Bootstrap> bootstrap() {
        return bootstrap;
    }

    /** Input name to SHA-256 as given by the caller; empty means "hash the matrices". */
    public Map<String, String> inputs() {
        return inputs;
    }

    public int worstCurves() {
        return worstCurves;
    }

    /** The binnings of the calibration, the headline first; empty when calibration is off. */
    public List<Binning> calibration() {
        return calibration;
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder().optZeroDivision(zeroDivision).optAtLeastOnePerRecord(atLeastOnePerRecord)
                .optWorstCurves(worstCurves).optCalibration(calibration);
        bootstrap.ifPresent(b::optBootstrap);
        inputs.forEach(b::optInput);
        return b;
    }

    @Override
    public String toString() {
        return "EvaluationOptions[zeroDivision=" + zeroDivision + ", atLeastOnePerRecord=" + atLeastOnePerRecord
                + ", bootstrap=" + bootstrap.map(Bootstrap::toString).orElse("none")
                + ", calibration=" + (calibration.isEmpty() ? "off" : calibration) + "]";
    }

    /** Builder: every part is optional ({@code optX}); {@link #build()} checks them. */
    public static final class Builder {
        private ZeroDivision zeroDivision = ZeroDivision.ZERO;
        private boolean atLeastOnePerRecord;
        private Bootstrap bootstrap;
        private final Map<String, String> inputs = new LinkedHashMap<>();
        private int worstCurves = 6;
        private List<Binning> calibration = Binning.STANDARD;

        private Builder() {
        }

        public Builder optZeroDivision(ZeroDivision z) {
            this.zeroDivision = Objects.requireNonNull(z, "zeroDivision");
            return this;
        }

        public Builder optAtLeastOnePerRecord(boolean on) {
            this.atLeastOnePerRecord = on;
            return this;
        }

        public Builder optBootstrap(Bootstrap b) {
            this.bootstrap = b;
            return this;
        }

        /** Records an input's SHA-256 (e.g. of the file the scores came from) in the provenance. */
        public Builder optInput(String name, String sha256) {
            inputs.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(sha256, "sha256"));
            return this;
        }

        /** How many precision-recall curves (of the findings with the lowest AUPRC) to keep. */
        public Builder optWorstCurves(int n) {
            this.worstCurves = n;
            return this;
        }

        /**
         * The binnings of the calibration, the headline first (default {@link Binning#STANDARD});
         * an empty list turns calibration off. Calibration is computed only for scores in [0, 1].
         */
        public Builder optCalibration(List<Binning> binnings) {
            this.calibration = List.copyOf(binnings);
            return this;
        }

        public EvaluationOptions build() {
            if (worstCurves < 0) {
                throw new IllegalArgumentException("worstCurves must be >= 0, not " + worstCurves);
            }
            if (calibration.stream().distinct().count() != calibration.size()) {
                throw new IllegalArgumentException("calibration binnings repeat: " + calibration);
            }
            return new EvaluationOptions(this);
        }
    }
}
