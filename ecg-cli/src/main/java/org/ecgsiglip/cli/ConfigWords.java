package org.ecgsiglip.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.util.DidYouMean;

/** Enum values as commands take them: lower case with hyphens (underscores accepted), typed errors naming the flag. */
final class ConfigWords {
    private ConfigWords() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String flag, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (name.equals(t)) {
                return e;
            }
            names.add(name);
        }
        throw new ConfigurationException(flag, "unknown value '" + (text.length() > 80 ? text.substring(0, 80) : text)
                + "'", "did you mean '" + DidYouMean.closest(t, names) + "'? Choices: " + String.join(", ", names));
    }
}
