package org.ecgsiglip.io.wfdb;

/**
 * Parses the plain decimals that headers are full of ({@code 1000.0}, {@code 360}, {@code -0.5})
 * without {@link Double#parseDouble}'s general machinery, with the same result.
 *
 * <p>A text of an optional sign, at most 15 digits in all and at most one decimal point is
 * {@code m / 10^k} with m below 2^53 and 10^k (k ≤ 15) exact in a double, so one IEEE division
 * gives the correctly rounded value, as {@code parseDouble} does. Any other text goes to
 * {@code parseDouble}.
 */
final class Decimals {
    private static final double[] POWERS_OF_TEN = new double[16];
    private static final int MAX_DIGITS = 15;

    static {
        double p = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /** The value of {@code text}, exactly as {@link Double#parseDouble} gives it (and its exception). */
    static double parse(String text) {
        int n = text.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) {
            negative = text.charAt(0) == '-';
            i = 1;
        }
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.parseDouble(text);
            }
        }
        if (digits == 0 || digits > MAX_DIGITS) {
            return Double.parseDouble(text);
        }
        double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
        return negative ? -v : v;
    }
}
