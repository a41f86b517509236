package org.ecgsiglip.io;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The standard 12-lead order and the spelling of lead names.
 *
 * <p>Sources spell leads in many ways ({@code AVR}, {@code avr}, {@code aVR}, {@code v1}); {@link
 * #normalize(String)} maps every case variant of a standard lead to its standard spelling and leaves
 * other names (e.g. {@code MLII}, {@code PLETH}) unchanged apart from trimming.
 */
public final class Leads {
    /** I, II, III, aVR, aVL, aVF, V1 to V6: the order every preprocessed array uses. */
    public static final List<String> STANDARD_12 =
            List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    private static final Map<String, String> BY_UPPER = byUpper();

    private Leads() {
    }

    /** The standard spelling of a lead name, or the trimmed name itself when it is not a standard lead. */
    public static String normalize(String name) {
        String trimmed = name.trim();
        return BY_UPPER.getOrDefault(trimmed.toUpperCase(Locale.ROOT), trimmed);
    }

    /** True when {@code name} is one of the 12 standard leads in any spelling. */
    public static boolean isStandard(String name) {
        return BY_UPPER.containsKey(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Position of {@code lead} (any spelling) among {@code names} (any spelling), if present. */
    public static OptionalInt indexOf(List<String> names, String lead) {
        String wanted = normalize(lead);
        for (int i = 0; i < names.size(); i++) {
            if (normalize(names.get(i)).equals(wanted)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static Map<String, String> byUpper() {
        java.util.HashMap<String, String> m = new java.util.HashMap<>();
        for (String s : STANDARD_12) {
            m.put(s.toUpperCase(Locale.ROOT), s);
        }
        return Map.copyOf(m);
    }
}
