package org.ecgsiglip.model.predict;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The model's answer for one ECG.
 *
 * @param recordId the record's name
 * @param probabilities σ(logit) per finding code, in vocabulary order
 * @param predicted the codes whose probability reaches their threshold
 */
public record Prediction(String recordId, Map<String, Double> probabilities, Set<String> predicted) {

    public Prediction {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        predicted = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(predicted));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(recordId).append(": ");
        probabilities.forEach((code, p) -> sb.append(String.format(Locale.ROOT, "%s %.3f%s  ", code, p,
                predicted.contains(code) ? "*" : "")));
        return sb.toString().strip();
    }
}
