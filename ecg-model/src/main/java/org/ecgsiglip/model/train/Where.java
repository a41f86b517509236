package org.ecgsiglip.model.train;

import java.nio.file.Path;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;

/**
 * Where a configuration value came from, for error messages: a key of a file, or a flag.
 *
 * @param file the configuration file, or null for flags and programmatic values
 * @param key the setting's key
 * @param flag whether the value came from the command line
 */
record Where(Path file, String key, boolean flag) {
    private static final int QUOTE = 80;

    static Where file(Path file, String key) {
        return new Where(file, key, false);
    }

    static Where flag(String key) {
        return new Where(null, key, true);
    }

    EcgException error(String problem, String fix) {
        String location = flag ? "--" + key : "key '" + key + "'";
        return file == null ? new ConfigurationException(location, problem, fix)
                : new EcgException(file, location, problem, fix);
    }

    /** A path value: relative paths from a file are taken from the file's folder. */
    Path path(String text, boolean relativeToFile) {
        Path p;
        try {
            p = Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw error("not a valid path: " + quote(text), "check the path");
        }
        if (relativeToFile && file != null && !p.isAbsolute()) {
            p = file.toAbsolutePath().getParent().resolve(p);
        }
        return p.toAbsolutePath().normalize();
    }

    /** At most 80 characters of user input, for messages. */
    static String quote(String s) {
        String t = s.length() <= QUOTE ? s : s.substring(0, QUOTE) + "... (" + s.length() + " characters)";
        return "'" + t + "'";
    }
}
