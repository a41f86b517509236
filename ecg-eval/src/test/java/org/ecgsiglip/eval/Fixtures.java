package org.ecgsiglip.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test helpers: the scikit-learn fixtures on the test class path, tolerances, random matrices. */
public final class Fixtures {
    /** Tolerance for metrics on doubles. */
    public static final double TOL = 1e-10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The folder of a fixture written by {@code sklearn/make_expected.py}. */
    public static Path sklearn(String name) {
        URL url = Fixtures.class.getResource("/org/ecgsiglip/eval/sklearn/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** NaN for JSON null. */
    public static double num(JsonNode n) {
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    /** Equal within {@code tol}, or both NaN. */
    public static void assertClose(double expected, double actual, double tol, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Double.isNaN(actual), what + ": expected NaN, got " + actual);
        } else {
            assertEquals(expected, actual, tol, what);
        }
    }

    public static List<String> codes(int k) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            c.add("C" + i);
        }
        return c;
    }

    public static List<String> ids(int n) {
        List<String> c = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            c.add("r" + i);
        }
        return c;
    }


    /** Random truth (prevalence from 2% to 50%) and correlated 2-decimal scores. */
    public static Object[] random(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        boolean[][] t = new boolean[n][k];
        double[][] s = new double[n][k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                double prevalence = 0.02 + 0.48 * j / Math.max(1, k - 1);
                t[r][j] = rng.nextDouble() < prevalence;
                s[r][j] = Math.round(100 * Math.min(1, 0.35 * (t[r][j] ? 1 : 0) + 0.65 * rng.nextDouble())) / 100.0;
            }
        }
        return new Object[] {new ScoreMatrix(ids(n), codes(k), s), new TruthMatrix(ids(n), codes(k), t)};
    }
}
