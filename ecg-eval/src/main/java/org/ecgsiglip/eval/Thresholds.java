package org.ecgsiglip.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.DidYouMean;
import org.ecgsiglip.io.util.JsonFiles;
import org.ecgsiglip.io.util.Quote;

/**
 * Decision thresholds: a finding is predicted when its score is at or above its threshold,
 * {@code predicted = score >= t}. Either one value for every finding ({@link #fixed(double)},
 * 0.5 by default) or one per finding code ({@link #perFinding(Map, String)},
 * {@link #tuneForF1(ScoreMatrix, TruthMatrix)}), optionally with a default for codes not listed.
 *
 * <p>Tuned thresholds come from a validation set and are applied unchanged to the test set; this
 * class never sees test data unless a caller passes it. JSON form:
 * <pre>{"origin": "...", "default": 0.5, "thresholds": {"NORM": 0.41, "MI": 0.28}}</pre>
 * where {@code default} is optional.
 */
public final class Thresholds {
    /** The threshold used when nothing else is said. */
    public static final double DEFAULT = 0.5;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Double> perFinding;
    private final OptionalDouble fallback;
    private final String origin;

    private Thresholds(Map<String, Double> perFinding, OptionalDouble fallback, String origin) {
        for (Map.Entry<String, Double> e : perFinding.entrySet()) {
            checkFinite(e.getValue(), "threshold of " + e.getKey());
        }
        fallback.ifPresent(v -> checkFinite(v, "default threshold"));
        this.perFinding = Collections.unmodifiableMap(new LinkedHashMap<>(perFinding));
        this.fallback = fallback;
        this.origin = Objects.requireNonNull(origin, "origin");
    }

    private static void checkFinite(Double v, String what) {
        if (v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number, not " + v);
        }
    }

    /**
     * {@link #fixed(double)} for a value a user gave (a flag, a configuration key): it must be a
     * number in [0, 1], else an {@link EvalInputException} names {@code setting} (e.g.
     * {@code --threshold}) and the value. A threshold above 1 would predict nothing, below 0 everything.
     */
    public static Thresholds fixedChecked(double threshold, String setting) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new EvalInputException(null, setting, "the threshold is " + threshold + ", outside [0, 1]"
                    + " (scores are probabilities: above 1 nothing would be predicted, below 0 everything)",
                    "give a threshold between 0 and 1, e.g. " + setting + " 0.5");
        }
        return fixed(threshold);
    }

    /** The same threshold for every finding. */
    public static Thresholds fixed(double threshold) {
        return new Thresholds(Map.of(), OptionalDouble.of(threshold), "fixed " + threshold);
    }

    /** The same threshold for every finding, listed per code (so it can be written and edited). */
    public static Thresholds fixed(double threshold, List<String> codes) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String c : codes) {
            m.put(c, threshold);
        }
        return new Thresholds(m, OptionalDouble.empty(), "fixed " + threshold);
    }

    /** One threshold per finding code; codes not in the map have no threshold. */
    public static Thresholds perFinding(Map<String, Double> thresholds, String origin) {
        return new Thresholds(thresholds, OptionalDouble.empty(), origin);
    }

    /** {@link #tuneForF1(ScoreMatrix, TruthMatrix, double)} with fallback {@value #DEFAULT}. */
    public static Thresholds tuneForF1(ScoreMatrix validationScores, TruthMatrix validationTruth) {
        return tuneForF1(validationScores, validationTruth, DEFAULT);
    }

    /**
     * Per finding, the threshold that maximises F1 on a validation set. The candidates are the
     * distinct validation scores {@code t} (predict {@code score >= t}); F1 = 2TP / (2TP + FP + FN);
     * the highest F1 wins and among equal F1 values the higher threshold. A finding without
     * positives in the validation set has F1 = 0 at every threshold and keeps {@code fallback}.
     */
    public static Thresholds tuneForF1(ScoreMatrix validationScores, TruthMatrix validationTruth,
                                       double fallback) {
        TruthMatrix truth = validationTruth.alignTo(validationScores.recordIds(), validationScores.codes());
        Map<String, Double> m = new LinkedHashMap<>();
        int without = 0;
        for (int k = 0; k < validationScores.findings(); k++) {
            double t = RankedScores.of(validationScores.column(k), truth.column(k)).f1MaximisingThreshold();
            if (Double.isNaN(t)) {
                t = fallback;
                without++;
            }
            m.put(validationScores.codes().get(k), t);
        }
        String origin = "F1-maximising on validation (" + validationScores.records() + " records, sha256 "
                + validationScores.sha256().substring(0, 12) + ")"
                + (without == 0 ? "" : "; " + without + " finding(s) without positives keep " + fallback);
        return new Thresholds(m, OptionalDouble.empty(), origin);
    }

    /** Where the thresholds come from, e.g. {@code fixed 0.5} or the tuning set. */
    public String origin() {
        return origin;
    }

    /** The per-code thresholds (empty for a plain fixed threshold). */
    public Map<String, Double> perFinding() {
        return perFinding;
    }

    /** The threshold for codes not listed, if any. */
    public OptionalDouble fallback() {
        return fallback;
    }

    /**
     * The threshold of {@code code}.
     *
     * @throws EvalInputException when the code is not listed and there is no default
     */
    public double of(String code) {
        Double t = perFinding.get(code);
        if (t != null) {
            return t;
        }
        if (fallback.isPresent()) {
            return fallback.getAsDouble();
        }
        throw new EvalInputException(null, "finding " + Quote.head(code, 80), "no threshold for finding " + Quote.of(code)
                + " (thresholds: " + origin + ")",
                "tune the thresholds on a validation set with the same findings, or add \"default\"");
    }

    /** The thresholds of the given codes, in order. */
    public double[] of(List<String> codes) {
        double[] t = new double[codes.size()];
        for (int k = 0; k < t.length; k++) {
            t[k] = of(codes.get(k));
        }
        return t;
    }

    /** The JSON form (see the class comment). */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("origin", origin);
        fallback.ifPresent(v -> root.put("default", v));
        ObjectNode t = root.putObject("thresholds");
        perFinding.forEach(t::put);
        return root;
    }

    /** Writes the JSON form atomically. */
    public void write(Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(toJson()) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render thresholds as JSON", e);
        }
    }

    /** Largest thresholds file read, 16 MiB; a larger file is refused unread. */
    public static final long MAX_FILE_BYTES = 16L << 20;

    /**
     * Reads thresholds written by {@link #write(Path)} (or by hand). Every threshold (and the
     * default) must be a number in [0, 1].
     *
     * @throws EvalInputException naming the file and field when it is not readable or malformed
     */
    public static Thresholds read(Path file) {
        String fix = "write {\"thresholds\": {\"CODE\": 0.5, ...}} with one number in [0, 1] per finding";
        JsonNode root = JsonFiles.readTree(file, MAX_FILE_BYTES, "thresholds file", JSON, "check the path", "", fix,
                EvalInputException::new);
        if (root == null || !root.isObject() || !root.path("thresholds").isObject()) {
            throw new EvalInputException(file, "field thresholds", "there is no \"thresholds\" object", fix);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.get("thresholds").properties()) {
            m.put(e.getKey(), number(file, "thresholds." + Quote.head(e.getKey(), 80), e.getValue(), fix));
        }
        OptionalDouble fallback = root.has("default")
                ? OptionalDouble.of(number(file, "default", root.get("default"), fix))
                : OptionalDouble.empty();
        String origin = root.path("origin").isTextual() ? Quote.head(root.get("origin").asText(), 500) : "file " + file;
        return new Thresholds(m, fallback, origin);
    }

    /**
     * {@link #read(Path)}, then checks the thresholds against the findings they will be applied to:
     * a threshold for a finding not in {@code codes} is an error naming it (a misspelt code would
     * otherwise be ignored), and so is a finding of {@code codes} without a threshold when the file
     * gives no {@code default}.
     */
    public static Thresholds read(Path file, List<String> codes) {
        Thresholds t = read(file);
        java.util.Set<String> known = new java.util.HashSet<>(codes);
        for (String code : t.perFinding.keySet()) {
            if (!known.contains(code)) {
                String near = codes.isEmpty() || code.length() > 100 ? null : DidYouMean.closest(code, codes);
                throw new EvalInputException(file, "field thresholds." + Quote.head(code, 80), "unknown finding "
                        + Quote.of(code) + ": the scores have no such column" + (near == null ? "" : " (did you mean '"
                        + near + "'?)"), "give thresholds only for the findings scored, or remove this one");
            }
        }
        if (t.fallback.isEmpty()) {
            for (String code : codes) {
                if (!t.perFinding.containsKey(code)) {
                    throw new EvalInputException(file, "field thresholds", "finding " + Quote.of(code)
                            + " has no threshold and there is no \"default\"",
                            "add a threshold for every scored finding, or a \"default\"");
                }
            }
        }
        return t;
    }

    private static double number(Path file, String field, JsonNode v, String fix) {
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new EvalInputException(file, "field " + field, "the threshold is "
                    + Quote.of(v.toString()) + ", not a finite number", fix);
        }
        double d = v.asDouble();
        if (d < 0 || d > 1) {
            throw new EvalInputException(file, "field " + field, "the threshold is " + v + ", outside [0, 1]"
                    + " (scores are probabilities: above 1 nothing would be predicted, below 0 everything)", fix);
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Thresholds t && perFinding.equals(t.perFinding) && fallback.equals(t.fallback)
                && origin.equals(t.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(perFinding, fallback, origin);
    }

    @Override
    public String toString() {
        return "Thresholds[" + origin + (perFinding.isEmpty() ? "" : ", " + perFinding) + "]";
    }
}
