package org.ecgsiglip.io.preprocess;

/**
 * Polyphase rational resampling with an anti-aliasing FIR filter, computed the way
 * {@code scipy.signal.resample_poly} (default Kaiser window, beta 5) computes it, so results can be
 * checked against SciPy: the rate ratio is reduced to {@code up/down}; a low-pass filter of
 * {@code 2 * 10 * max(up, down) + 1} taps with cutoff {@code 1 / max(up, down)} of the Nyquist rate,
 * scaled to unit DC gain and multiplied by {@code up}, is applied to the zero-stuffed signal, and
 * every {@code down}-th output is kept, centred so output sample {@code m} sits at input time
 * {@code m * down / up}. The signal is taken as zero outside its ends.
 */
public final class Resampler {
    private static final double KAISER_BETA = 5.0;

    private Resampler() {
    }

    /** The reduced ratio {@code [up, down]} for two rates (rates are rounded to 1/1000 Hz). */
    public static int[] ratio(double fromHz, double toHz) {
        long a = Math.round(toHz * 1000);
        long b = Math.round(fromHz * 1000);
        if (a <= 0 || b <= 0) {
            throw new IllegalArgumentException("rates must be positive: " + fromHz + " -> " + toHz);
        }
        long g = gcd(a, b);
        long up = a / g;
        long down = b / g;
        if (up > 10_000 || down > 10_000) {
            throw new IllegalArgumentException("rate ratio " + toHz + "/" + fromHz + " reduces to " + up + "/" + down
                    + ", too fine for polyphase resampling");
        }
        return new int[] {(int) up, (int) down};
    }

    /** Resamples {@code x} from {@code fromHz} to {@code toHz}. */
    public static double[] resample(double[] x, double fromHz, double toHz) {
        int[] r = ratio(fromHz, toHz);
        return resamplePoly(x, r[0], r[1]);
    }

    /** Resamples by the rational factor {@code up/down}. Output length is {@code ceil(n * up / down)}. */
    public static double[] resamplePoly(double[] x, int up, int down) {
        long g = gcd(up, down);
        up /= (int) g;
        down /= (int) g;
        if (up == 1 && down == 1) {
            return x.clone();
        }
        int max = Math.max(up, down);
        int half = 10 * max;
        double[] h = lowPass(2 * half + 1, 1.0 / max);
        for (int i = 0; i < h.length; i++) {
            h[i] *= up;
        }
        int n = x.length;
        int outLen = (int) ((long) n * up / down + ((long) n * up % down == 0 ? 0 : 1));
        double[] y = new double[outLen];
        for (int m = 0; m < outLen; m++) {
            long t = (long) m * down + half;
            long iHi = Math.min(n - 1, t / up);
            long iLo = Math.max(0, ceilDiv(t - (h.length - 1), up));
            double acc = 0;
            for (long i = iLo; i <= iHi; i++) {
                acc += x[(int) i] * h[(int) (t - i * up)];
            }
            y[m] = acc;
        }
        return y;
    }

    /** A windowed-sinc low-pass FIR ({@code scipy.signal.firwin} with a Kaiser window), unit DC gain. */
    static double[] lowPass(int taps, double cutoff) {
        double[] h = new double[taps];
        double alpha = (taps - 1) / 2.0;
        double i0beta = besselI0(KAISER_BETA);
        double sum = 0;
        for (int i = 0; i < taps; i++) {
            double m = i - alpha;
            double sinc = m == 0 ? 1 : Math.sin(Math.PI * cutoff * m) / (Math.PI * cutoff * m);
            double r = 2.0 * i / (taps - 1) - 1;
            double w = besselI0(KAISER_BETA * Math.sqrt(Math.max(0, 1 - r * r))) / i0beta;
            h[i] = cutoff * sinc * w;
            sum += h[i];
        }
        for (int i = 0; i < taps; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(double x) {
        double term = 1;
        double sum = 1;
        double q = x * x / 4;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
