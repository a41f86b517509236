package org.ecgsiglip.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared real data ({@code ../shared/data}) once, for every test in every module.
 *
 * <p>Order: the system property {@value #PROPERTY} (set by the build), then the environment
 * variable {@value #ENV}, then {@code ../shared/data} relative to the working directory's
 * repository root. A missing root is an error naming both settings: a data-backed test must run,
 * never skip.
 */
public final class TestData {
    public static final String PROPERTY = "ecg.data.root";
    public static final String ENV = "ECG_DATA_ROOT";

    private static volatile Path root;

    private TestData() {
    }

    /** The data root; throws {@link IllegalStateException} when it cannot be found. */
    public static Path root() {
        Path r = root;
        if (r == null) {
            r = resolve();
            root = r;
        }
        return r;
    }

    public static Path ptbxl() {
        return root().resolve("ptb-xl");
    }

    public static Path cinc2021() {
        return root().resolve("cinc2021");
    }

    public static Path wfdbSamples() {
        return root().resolve("wfdb-samples");
    }

    private static Path resolve() {
        String prop = System.getProperty(PROPERTY);
        String env = System.getenv(ENV);
        Path candidate;
        String source;
        if (prop != null && !prop.isBlank()) {
            candidate = Path.of(prop);
            source = "system property " + PROPERTY;
        } else if (env != null && !env.isBlank()) {
            candidate = Path.of(env);
            source = "environment variable " + ENV;
        } else {
            candidate = repositoryRoot().resolve("../shared/data");
            source = "default ../shared/data beside the repository";
        }
        candidate = candidate.toAbsolutePath().normalize();
        if (!Files.isDirectory(candidate.resolve("ptb-xl"))) {
            throw new IllegalStateException("Shared ECG test data not found at " + candidate + " (from " + source
                    + "). Set -D" + PROPERTY + "=/path/to/shared/data or the environment variable " + ENV
                    + " to the folder that holds ptb-xl/, cinc2021/ and wfdb-samples/.");
        }
        return candidate;
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw")) || Files.isDirectory(p.resolve(".git"))) {
                return p;
            }
        }
        return dir;
    }
}
