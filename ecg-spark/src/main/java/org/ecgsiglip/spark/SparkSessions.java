package org.ecgsiglip.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ecgsiglip.io.ConfigurationException;

/**
 * The Spark session a command runs on. The master is {@code --master} when given, else the one
 * {@code spark-submit} set ({@code spark.master}), else {@code local[*]}. Local masters bind to the
 * loopback address and run without the web UI unless {@code --conf} says otherwise; {@code --conf
 * KEY=VALUE} pairs are passed to Spark as they are. When this JVM already runs a session (a notebook,
 * a test), that one is used as it is and left running.
 */
final class SparkSessions {
    private SparkSessions() {
    }

    /** A session for one command; closing it stops it only if this command started it. */
    record Session(SparkSession spark, boolean owned) implements AutoCloseable {
        @Override
        public void close() {
            if (owned) {
                spark.stop();
            }
        }
    }

    static Session start(String appName, String master, List<String> conf) {
        if (SparkSession.getDefaultSession().isDefined()) {
            return new Session(SparkSession.getDefaultSession().get(), false);
        }
        String m = master != null ? master : System.getProperty("spark.master", "local[*]");
        Map<String, String> settings = new LinkedHashMap<>();
        if (m.startsWith("local")) {
            settings.put("spark.ui.enabled", "false");
            settings.put("spark.driver.bindAddress", "127.0.0.1");
            settings.put("spark.driver.host", "127.0.0.1");
        }
        for (String kv : conf) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("--conf", "'" + abbreviate(kv) + "' is not KEY=VALUE",
                        "write Spark settings as --conf spark.executor.memory=4g");
            }
            settings.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
        }
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(m);
        settings.forEach(b::config);
        return new Session(b.getOrCreate(), true);
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
