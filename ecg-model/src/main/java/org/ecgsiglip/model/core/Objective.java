package org.ecgsiglip.model.core;

import java.util.Locale;
import org.ecgsiglip.io.EcgException;

/** What a run optimises: SigLIP's pairwise sigmoid loss, or the supervised BCE baseline. */
public enum Objective {
    SIGLIP,
    BCE;

    public static Objective parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        for (Objective o : values()) {
            if (o.name().equals(s)) {
                return o;
            }
        }
        throw new EcgException(null, "objective", "unknown objective '" + text + "'", "use siglip or bce");
    }
}
