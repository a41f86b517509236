package org.ecgsiglip.io.preprocess;

import java.util.Arrays;

/**
 * A digital Butterworth filter ({@code b}, {@code a} coefficients) designed as
 * {@code scipy.signal.butter(order, cutoffs, btype, fs=fs)} designs it (analog prototype, frequency
 * transform of the prewarped cutoffs, bilinear transform), and applied forwards and backwards
 * ({@link #filtfilt}) for zero phase, with SciPy's default odd extension of
 * {@code 3 * max(len(a), len(b))} samples at each end and steady-state initial conditions.
 *
 * @param b numerator coefficients
 * @param a denominator coefficients, {@code a[0] == 1}
 */
public record Butterworth(double[] b, double[] a) {

    /** Low-pass, high-pass or band-pass by which cut-offs are given. */
    public static Butterworth design(int order, double lowHz, double highHz, double fs) {
        boolean hasLow = !Double.isNaN(lowHz);
        boolean hasHigh = !Double.isNaN(highHz);
        double nyq = fs / 2;
        if (order < 1 || order > 8 || (!hasLow && !hasHigh) || (hasLow && !(lowHz > 0 && lowHz < nyq))
                || (hasHigh && !(highHz > 0 && highHz < nyq)) || (hasLow && hasHigh && lowHz >= highHz)) {
            throw new IllegalArgumentException("cannot design an order-" + order + " Butterworth filter with cut-offs "
                    + lowHz + ", " + highHz + " Hz at " + fs + " Hz");
        }
        // Analog prototype poles: -exp(i*pi*m/(2N)), m = -N+1, -N+3, ..., N-1.
        Complex[] p = new Complex[order];
        for (int k = 0; k < order; k++) {
            int m = -order + 1 + 2 * k;
            p[k] = Complex.polar(1, Math.PI * m / (2.0 * order)).negate();
        }
        Complex[] z = new Complex[0];
        double gain = 1;
        double w1 = hasLow ? warp(lowHz / nyq) : 0;
        double w2 = hasHigh ? warp(highHz / nyq) : 0;
        if (hasLow && hasHigh) {
            double wo = Math.sqrt(w1 * w2);
            double bw = w2 - w1;
            Complex[] bp = new Complex[2 * order];
            for (int k = 0; k < order; k++) {
                Complex pl = p[k].scale(bw / 2);
                Complex root = pl.mul(pl).sub(new Complex(wo * wo, 0)).sqrt();
                bp[k] = pl.add(root);
                bp[k + order] = pl.sub(root);
            }
            p = bp;
            z = zeros(order);
            gain = Math.pow(bw, order);
        } else if (hasHigh) {
            for (int k = 0; k < order; k++) {
                p[k] = p[k].scale(w2);
            }
            gain = Math.pow(w2, order);
        } else {
            Complex prod = new Complex(1, 0);
            for (int k = 0; k < order; k++) {
                prod = prod.mul(p[k].negate());
                p[k] = new Complex(w1, 0).div(p[k]);
            }
            z = zeros(order);
            gain = new Complex(1, 0).div(prod).re();
        }
        // Bilinear transform with fs = 2 (cut-offs were normalised to the Nyquist rate).
        double fs2 = 4.0;
        Complex num = new Complex(1, 0);
        Complex den = new Complex(1, 0);
        Complex[] zz = new Complex[p.length];
        Complex[] pz = new Complex[p.length];
        for (int k = 0; k < z.length; k++) {
            num = num.mul(new Complex(fs2, 0).sub(z[k]));
            zz[k] = new Complex(fs2, 0).add(z[k]).div(new Complex(fs2, 0).sub(z[k]));
        }
        for (int k = z.length; k < p.length; k++) {
            zz[k] = new Complex(-1, 0);
        }
        for (int k = 0; k < p.length; k++) {
            den = den.mul(new Complex(fs2, 0).sub(p[k]));
            pz[k] = new Complex(fs2, 0).add(p[k]).div(new Complex(fs2, 0).sub(p[k]));
        }
        double k = gain * num.div(den).re();
        double[] b = Complex.poly(zz);
        for (int i = 0; i < b.length; i++) {
            b[i] *= k;
        }
        return new Butterworth(b, Complex.poly(pz));
    }

    private static double warp(double normalised) {
        return 2 * 2.0 * Math.tan(Math.PI * normalised / 2.0);
    }

    private static Complex[] zeros(int n) {
        Complex[] z = new Complex[n];
        Arrays.fill(z, new Complex(0, 0));
        return z;
    }

    /** Samples of odd extension at each end that {@link #filtfilt} uses; the signal must be longer. */
    public int padLength() {
        return 3 * Math.max(a.length, b.length);
    }

    /** Zero-phase filtering: forwards, then backwards over the reversed output. */
    public double[] filtfilt(double[] x) {
        int pad = padLength();
        int n = x.length;
        if (n <= pad) {
            throw new IllegalArgumentException("signal of " + n + " samples is too short for zero-phase filtering (needs > "
                    + pad + ")");
        }
        double[] ext = new double[n + 2 * pad];
        for (int i = 0; i < pad; i++) {
            ext[i] = 2 * x[0] - x[pad - i];
            ext[n + pad + i] = 2 * x[n - 1] - x[n - 2 - i];
        }
        System.arraycopy(x, 0, ext, pad, n);
        double[] zi = steadyState();
        double[] y = lfilter(ext, zi, ext[0]);
        reverse(y);
        y = lfilter(y, zi, y[0]);
        reverse(y);
        return Arrays.copyOfRange(y, pad, pad + n);
    }

    /** Direct form II transposed, initial state {@code zi * scale}. */
    double[] lfilter(double[] x, double[] zi, double scale) {
        int order = a.length - 1;
        double[] s = new double[order];
        for (int i = 0; i < order; i++) {
            s[i] = zi[i] * scale;
        }
        double[] y = new double[x.length];
        for (int n = 0; n < x.length; n++) {
            double xn = x[n];
            double yn = b[0] * xn + (order > 0 ? s[0] : 0);
            for (int i = 0; i < order - 1; i++) {
                s[i] = b[i + 1] * xn + s[i + 1] - a[i + 1] * yn;
            }
            if (order > 0) {
                s[order - 1] = b[order] * xn - a[order] * yn;
            }
            y[n] = yn;
        }
        return y;
    }

    /** The filter state for a constant unit input ({@code scipy.signal.lfilter_zi}). */
    double[] steadyState() {
        int m = a.length - 1;
        double[][] mat = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            mat[i][i] = 1;
            mat[i][0] += a[i + 1];
            if (i + 1 < m) {
                mat[i][i + 1] -= 1;
            }
            mat[i][m] = b[i + 1] - a[i + 1] * b[0];
        }
        return LinearSolve.solve(mat);
    }

    private static void reverse(double[] y) {
        for (int i = 0, j = y.length - 1; i < j; i++, j--) {
            double t = y[i];
            y[i] = y[j];
            y[j] = t;
        }
    }
}
