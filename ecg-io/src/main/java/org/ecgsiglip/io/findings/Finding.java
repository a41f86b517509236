package org.ecgsiglip.io.findings;

import java.util.List;
import java.util.Objects;

/**
 * One finding a model can predict: a code, the human-readable text a text encoder reads, a short
 * abbreviation for tables, and the codes that mean the same finding (merged into this one).
 *
 * @param code the canonical code, e.g. {@code CLBBB} or {@code 164909002}
 * @param text what the finding says, e.g. "complete left bundle branch block"
 * @param abbreviation a short label for tables ({@code AF}); the code when there is none
 * @param equivalentCodes other codes for the same finding, e.g. {@code 733534002} for CinC's LBBB
 */
public record Finding(String code, String text, String abbreviation, List<String> equivalentCodes) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        if (code.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a finding needs a non-blank code and text, got '" + code + "', '"
                    + text + "'");
        }
        abbreviation = abbreviation == null || abbreviation.isBlank() ? code : abbreviation;
        equivalentCodes = equivalentCodes == null ? List.of() : List.copyOf(equivalentCodes);
    }

    /** A finding without abbreviation or equivalent codes. */
    public static Finding of(String code, String text) {
        return new Finding(code, text, code, List.of());
    }
}
