package org.ecgsiglip.eval.calibration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;

/**
 * Post-hoc calibration fitted on a validation set and applied unchanged to other scores: every
 * finding's probability goes through a {@link LogitMap}, {@code p' = σ(a · logit(p) + b)}.
 *
 * <ul>
 *   <li>{@link #platt}: {@code a, b} per finding by maximum likelihood on that finding's
 *       validation labels (Platt scaling without Platt's target smoothing, which is used only
 *       for separable findings; see {@link FitStatus} for findings with one class or a constant
 *       score);</li>
 *   <li>{@link #sharedTemperature}: one {@code a = 1 / T} and one {@code b} for every finding,
 *       fitted on every (record, finding) pair pooled. It applies to findings the fit never saw,
 *       such as a new finding text scored zero-shot.</li>
 * </ul>
 * Immutable. JSON form ({@link #write}, {@link #read}):
 * <pre>{"method": "platt", "origin": "...", "formula": "p' = sigmoid(a * logit(p) + b)",
 *  "logit_clip": 1e-12, "shared": {"a", "b", "temperature", "status", "records", "positives"},
 *  "findings": {"NORM": {"a": 0.71, "b": -0.3, "status": "FITTED", "records": 420, "positives": 180}}}</pre>
 * where {@code shared} is present for the shared method only.
 */
public final class LogitCalibration {
    /** Per finding, or one map shared by all findings. */
    public enum Method {
        PLATT("platt"),
        SHARED_TEMPERATURE("shared_temperature");

        private final String key;

        Method(String key) {
            this.key = key;
        }

        /** The name in the JSON form. */
        public String key() {
            return key;
        }
    }

    private final Method method;
    private final String origin;
    private final Map<String, FindingFit> perFinding;
    private final Optional<FindingFit> shared;

    /**
     * @param shared present exactly for {@link Method#SHARED_TEMPERATURE}
     */
    public LogitCalibration(Method method, String origin, List<FindingFit> perFinding, Optional<FindingFit> shared) {
        this.method = Objects.requireNonNull(method, "method");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.shared = Objects.requireNonNull(shared, "shared");
        if (shared.isPresent() != (method == Method.SHARED_TEMPERATURE)) {
            throw new IllegalArgumentException("a shared map goes with the shared method only");
        }
        Map<String, FindingFit> m = new LinkedHashMap<>();
        for (FindingFit f : perFinding) {
            if (m.put(f.code(), f) != null) {
                throw new IllegalArgumentException("finding " + f.code() + " is fitted twice");
            }
        }
        this.perFinding = Collections.unmodifiableMap(m);
    }

    /** Platt scaling per finding, fitted on validation scores (probabilities) and labels. */
    public static LogitCalibration platt(ScoreMatrix validation, TruthMatrix truth) {
        TruthMatrix t = truth.alignTo(validation.recordIds(), validation.codes());
        List<FindingFit> fits = new java.util.ArrayList<>();
        for (int k = 0; k < validation.findings(); k++) {
            fits.add(LogisticFit.fit(validation.codes().get(k), logits(validation, k, "validation"), t.column(k)));
        }
        return new LogitCalibration(Method.PLATT, "Platt per finding on " + describe(validation), fits,
                Optional.empty());
    }

    /** One temperature and bias for every finding, fitted on all validation pairs pooled. */
    public static LogitCalibration sharedTemperature(ScoreMatrix validation, TruthMatrix truth) {
        TruthMatrix t = truth.alignTo(validation.recordIds(), validation.codes());
        int n = validation.records();
        int k = validation.findings();
        double[] x = new double[n * k];
        boolean[] y = new boolean[n * k];
        for (int j = 0; j < k; j++) {
            double[] l = logits(validation, j, "validation");
            boolean[] c = t.column(j);
            for (int r = 0; r < n; r++) {
                x[r * k + j] = l[r];
                y[r * k + j] = c[r];
            }
        }
        FindingFit pooled = LogisticFit.fit(Calibration.POOLED, x, y);
        List<FindingFit> fits = new java.util.ArrayList<>();
        for (int j = 0; j < k; j++) {
            long pos = 0;
            for (boolean b : t.column(j)) {
                pos += b ? 1 : 0;
            }
            fits.add(new FindingFit(validation.codes().get(j), pooled.map(), pooled.status(), n, pos));
        }
        return new LogitCalibration(Method.SHARED_TEMPERATURE, "one temperature and bias for all findings on "
                + describe(validation), fits, Optional.of(pooled));
    }

    public Method method() {
        return method;
    }

    /** Where the fit comes from, e.g. {@code Platt per finding on validation (…)}. */
    public String origin() {
        return origin;
    }

    /** The fit of every finding, in the validation set's column order. */
    public List<FindingFit> perFinding() {
        return List.copyOf(perFinding.values());
    }

    /** The pooled fit of the shared method. */
    public Optional<FindingFit> shared() {
        return shared;
    }

    /**
     * The map of {@code code}: its own, or the shared one.
     *
     * @throws EvalInputException when a per-finding calibration has no fit for {@code code}
     */
    public LogitMap map(String code) {
        FindingFit f = perFinding.get(code);
        if (f != null) {
            return f.map();
        }
        if (shared.isPresent()) {
            return shared.get().map();
        }
        throw new EvalInputException(null, "finding " + code, "the calibration (" + origin
                + ") has no fit for finding '" + code + "'",
                "fit it on a validation set with the same findings, or use the shared temperature");
    }

    /**
     * The scores with every finding's map applied; ids and codes unchanged.
     *
     * @throws EvalInputException when a score is not a probability, or a finding has no map
     */
    public ScoreMatrix apply(ScoreMatrix scores) {
        double[][] v = new double[scores.records()][scores.findings()];
        for (int k = 0; k < scores.findings(); k++) {
            LogitMap m = map(scores.codes().get(k));
            double[] p = scores.column(k);
            probabilities(scores, k, p, "scores");
            for (int r = 0; r < p.length; r++) {
                v[r][k] = m.apply(p[r]);
            }
        }
        return new ScoreMatrix(scores.recordIds(), scores.codes(), v);
    }

    /** The JSON form (see the class comment). */
    public ObjectNode toJson() {
        return CalibrationJson.toJson(this);
    }

    /** Writes the JSON form atomically. */
    public void write(Path file) {
        CalibrationJson.write(this, file);
    }

    /**
     * Reads a calibration written by {@link #write(Path)}.
     *
     * @throws EvalInputException naming the file and field when it is unreadable or malformed
     */
    public static LogitCalibration read(Path file) {
        return CalibrationJson.read(file);
    }

    private static double[] logits(ScoreMatrix s, int k, String what) {
        double[] p = s.column(k);
        probabilities(s, k, p, what);
        for (int r = 0; r < p.length; r++) {
            p[r] = LogitMap.logit(p[r]);
        }
        return p;
    }

    private static void probabilities(ScoreMatrix s, int k, double[] p, String what) {
        for (int r = 0; r < p.length; r++) {
            if (!(p[r] >= 0 && p[r] <= 1)) {
                throw new EvalInputException(null, "record " + s.recordIds().get(r) + ", finding " + s.codes().get(k),
                        "the " + what + " score " + p[r] + " is not a probability in [0, 1]",
                        "calibrate sigmoid probabilities, not logits or other scores");
            }
        }
    }

    private static String describe(ScoreMatrix s) {
        return "validation (" + s.records() + " records, sha256 " + s.sha256().substring(0, 12) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogitCalibration c && method == c.method && origin.equals(c.origin)
                && perFinding.equals(c.perFinding) && shared.equals(c.shared);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, origin, perFinding, shared);
    }

    @Override
    public String toString() {
        return "LogitCalibration[" + method.key() + ", " + perFinding.size() + " findings, " + origin + "]";
    }
}
