package org.ecgsiglip.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where an evaluation comes from, enough to reproduce it: the toolkit version, the SHA-256 of
 * each input (files, or matrix contents when there were no files), how thresholds were chosen,
 * the decision and zero-division rules, the bootstrap (seed, B, level, unit) when there was one,
 * and the Java runtime.
 *
 * @param inputs input name (e.g. {@code scores}, or a file name) to lower-case hex SHA-256
 */
public record Provenance(String toolkitVersion, Map<String, String> inputs, String thresholds,
                         boolean atLeastOnePerRecord, ZeroDivision zeroDivision,
                         Optional<Bootstrap> bootstrap, int records, String java) {

    public Provenance {
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /** The decision rule in words. */
    public String decisionRule() {
        return "score >= threshold" + (atLeastOnePerRecord ? ", at least one finding per record (top score)" : "");
    }
}
