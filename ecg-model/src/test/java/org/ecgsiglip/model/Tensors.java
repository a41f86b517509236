package org.ecgsiglip.model;

import static org.junit.jupiter.api.Assertions.fail;

/** Shared numeric assertions with a relative and an absolute tolerance: |a − e| ≤ atol + rtol·|e|. */
public final class Tensors {
    private Tensors() {
    }

    public static void assertAllClose(double[] expected, double[] actual, double rtol, double atol, String what) {
        if (expected.length != actual.length) {
            fail(what + ": length " + actual.length + " != expected " + expected.length);
        }
        for (int i = 0; i < expected.length; i++) {
            double tol = atol + rtol * Math.abs(expected[i]);
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                fail(what + "[" + i + "]: " + actual[i] + " vs expected " + expected[i] + " (tolerance " + tol + ")");
            }
        }
    }

    public static void assertAllClose(float[] expected, float[] actual, double rtol, double atol, String what) {
        assertAllClose(toDouble(expected), toDouble(actual), rtol, atol, what);
    }

    public static double[] toDouble(float[] a) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i];
        }
        return d;
    }

    public static float[] flatten(float[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        float[] out = new float[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }
}
