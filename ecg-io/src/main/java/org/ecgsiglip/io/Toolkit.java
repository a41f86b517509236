package org.ecgsiglip.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The toolkit's own identity, for provenance records. */
public final class Toolkit {
    private static final String VERSION = load();

    private Toolkit() {
    }

    /** The Maven project version this jar was built from, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Toolkit.class.getResourceAsStream("toolkit.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
