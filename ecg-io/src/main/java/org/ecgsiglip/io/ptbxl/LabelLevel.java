package org.ecgsiglip.io.ptbxl;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.util.Quote;

/**
 * The six PTB-XL benchmark label levels (Strodthoff et al. 2021, {@code compute_label_aggregations}
 * in the PTB-XL benchmarking code). Every key of a record's {@code scp_codes} counts, whatever its
 * likelihood (0.0 included), as the benchmark does; a key is looked up in {@code scp_statements.csv}:
 * <ul>
 *   <li>{@link #ALL}: every key (71 statements).</li>
 *   <li>{@link #DIAGNOSTIC}: keys whose {@code diagnostic} column is 1 (44).</li>
 *   <li>{@link #SUBDIAGNOSTIC}: the {@code diagnostic_subclass} of each diagnostic key (23).</li>
 *   <li>{@link #SUPERDIAGNOSTIC}: the {@code diagnostic_class} of each diagnostic key (5: NORM, MI,
 *       STTC, CD, HYP).</li>
 *   <li>{@link #FORM}: keys whose {@code form} column is 1 (19).</li>
 *   <li>{@link #RHYTHM}: keys whose {@code rhythm} column is 1 (12).</li>
 * </ul>
 * Duplicates collapse (a set per record). A record whose set is empty at the level is dropped, as
 * the benchmark's {@code select_data} drops it.
 */
public enum LabelLevel {
    ALL(71), DIAGNOSTIC(44), SUBDIAGNOSTIC(23), SUPERDIAGNOSTIC(5), FORM(19), RHYTHM(12);

    private final int size;

    LabelLevel(int size) {
        this.size = size;
    }

    /** Number of findings in this level's frozen vocabulary. */
    public int vocabularySize() {
        return size;
    }

    /** The level's name as used in file names and on the command line, e.g. {@code superdiagnostic}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The label set of one record at this level. Keys unknown to {@code statements} are skipped. */
    public Set<String> labels(Map<String, Double> scpCodes, ScpStatements statements) {
        Set<String> out = new TreeSet<>();
        for (String key : scpCodes.keySet()) {
            ScpStatement s = statements.get(key).orElse(null);
            if (s == null) {
                continue;
            }
            String label = switch (this) {
                case ALL -> key;
                case DIAGNOSTIC -> s.diagnostic() ? key : "";
                case SUBDIAGNOSTIC -> s.diagnostic() ? s.diagnosticSubclass() : "";
                case SUPERDIAGNOSTIC -> s.diagnostic() ? s.diagnosticClass() : "";
                case FORM -> s.form() ? key : "";
                case RHYTHM -> s.rhythm() ? key : "";
            };
            if (!label.isEmpty()) {
                out.add(label);
            }
        }
        return out;
    }

    /**
     * Parses a level name leniently: case, hyphens, underscores and spaces are ignored, and
     * {@code diag}, {@code subdiag}/{@code sub}, {@code superdiag}/{@code super} are accepted.
     */
    public static LabelLevel parse(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
        return switch (t) {
            case "all" -> ALL;
            case "diagnostic", "diag" -> DIAGNOSTIC;
            case "subdiagnostic", "subdiag", "sub" -> SUBDIAGNOSTIC;
            case "superdiagnostic", "superdiag", "super" -> SUPERDIAGNOSTIC;
            case "form" -> FORM;
            case "rhythm" -> RHYTHM;
            default -> throw new ConfigurationException("label level", "unknown PTB-XL label level " + Quote.of(text),
                    "use one of all, diagnostic, subdiagnostic, superdiagnostic, form, rhythm");
        };
    }
}
