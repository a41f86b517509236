package org.ecgsiglip.model.siglip;

import java.util.Locale;
import org.ecgsiglip.io.EcgException;

/**
 * Which texts a training batch holds (the columns of the logit matrix).
 * <ul>
 *   <li>{@link #REPORT}: one text per sample, its findings' texts joined in a shuffled order; n × n.</li>
 *   <li>{@link #SINGLE_FINDING}: one finding drawn from each sample's set; the column stands for that finding; n × n.</li>
 *   <li>{@link #ALL_FINDINGS}: every vocabulary finding is a column; n × K, not paired with samples.</li>
 * </ul>
 */
public enum TextStrategy {
    REPORT,
    SINGLE_FINDING,
    ALL_FINDINGS;

    /** Whether column j is made from sample j (so the diagonal is a positive pair). */
    public boolean paired() {
        return this != ALL_FINDINGS;
    }

    public static TextStrategy parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TextStrategy t : values()) {
            if (t.name().equals(s)) {
                return t;
            }
        }
        throw new EcgException(null, "text strategy", "unknown text strategy '" + text + "'",
                "use one of report, single-finding, all-findings");
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
