package org.ecgsiglip.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds test data once, for every test in every module. Two kinds:
 * <ul>
 *   <li><b>Bundled</b> data ships with the repository and is always there: the PTB-XL sample
 *       ({@link #sample()}, {@code data/ptb-xl-sample}) and small real fixtures ({@link #fixtures()},
 *       {@code data/fixtures}: WFDB format records, a MATLAB v4 record, CinC 2021 records). The core
 *       suite uses only these, so a fresh clone passes its tests.</li>
 *   <li><b>Extended</b> data is the larger corpus in a data root ({@link #root()}: a PTB-XL subset of
 *       3,880 records, 48 CinC 2021 records, the WFDB samples). Tests that read it are tagged
 *       {@link ExtendedData}; the build runs them when the root is named or found beside the
 *       repository. Order: the system property {@value #PROPERTY} (set by the build), the environment
 *       variable {@value #ENV}, then {@code ../shared/data} beside the repository root. A root that is
 *       named but missing is an error naming both settings: an extended test never skips.</li>
 * </ul>
 */
public final class TestData {
    public static final String PROPERTY = "ecg.data.root";
    public static final String ENV = "ECG_DATA_ROOT";
    /** Set by the build to the repository root (the Maven multi-module project directory). */
    public static final String REPO_PROPERTY = "ecg.repo.root";

    private static volatile Path root;
    private static volatile Path repository;

    private TestData() {
    }

    /** The repository's root folder (where {@code mvnw} is). */
    public static Path repositoryRoot() {
        Path r = repository;
        if (r == null) {
            r = findRepository();
            repository = r;
        }
        return r;
    }

    /** The bundled PTB-XL sample: 378 records at 100 Hz, 42 per fold 1-9, original rows. */
    public static Path sample() {
        return bundled("data/ptb-xl-sample");
    }

    /** The bundled fixtures ({@code data/fixtures}, see its PROVENANCE.md). */
    public static Path fixtures() {
        return bundled("data/fixtures");
    }

    /** Bundled WFDB format records ({@code data/fixtures/wfdb}). */
    public static Path wfdbFixtures() {
        return fixtures().resolve("wfdb");
    }

    /** Bundled CinC 2021 records with the challenge's tables ({@code data/fixtures/cinc2021}). */
    public static Path cincFixtures() {
        return fixtures().resolve("cinc2021");
    }

    /** The extended data root; throws {@link IllegalStateException} when it cannot be found. */
    public static Path root() {
        Path r = root;
        if (r == null) {
            r = resolve();
            root = r;
        }
        return r;
    }

    /** Extended: the PTB-XL subset of 3,880 records. */
    public static Path ptbxl() {
        return root().resolve("ptb-xl");
    }

    /** Extended: 48 CinC 2021 records. */
    public static Path cinc2021() {
        return root().resolve("cinc2021");
    }

    /** Extended: the WFDB format samples of wfdb-python. */
    public static Path wfdbSamples() {
        return root().resolve("wfdb-samples");
    }

    private static Path bundled(String relative) {
        Path p = repositoryRoot().resolve(relative);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("Bundled test data " + relative + " is missing from the repository at "
                    + repositoryRoot() + "; it is tracked in git, so the checkout is incomplete.");
        }
        return p;
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
            throw new IllegalStateException("Extended ECG test data not found at " + candidate + " (from " + source
                    + "). Set -D" + PROPERTY + "=/path/to/shared/data or the environment variable " + ENV
                    + " to the folder that holds ptb-xl/, cinc2021/ and wfdb-samples/.");
        }
        return candidate;
    }

    private static Path findRepository() {
        String prop = System.getProperty(REPO_PROPERTY);
        if (prop != null && !prop.isBlank() && Files.exists(Path.of(prop).resolve("mvnw"))) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the repository root (a folder with mvnw) above " + dir
                + "; set -D" + REPO_PROPERTY + "=/path/to/repository");
    }
}
