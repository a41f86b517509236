package org.ecgsiglip.eval;

/**
 * What a ratio is worth when its denominator is zero, as scikit-learn's {@code zero_division}
 * argument says it. scikit-learn's default ({@code "warn"}) behaves like {@link #ZERO}.
 *
 * <p>It applies to precision (no predicted positives), recall (no positives), F1 (neither
 * positives nor predicted positives: {@code 2TP + FP + FN = 0}) and specificity (no negatives),
 * per finding, pooled (micro) and per record (samples).
 */
public enum ZeroDivision {
    /** 0/0 counts as 0 (scikit-learn's default). */
    ZERO(0.0),
    /** 0/0 counts as 1. */
    ONE(1.0);

    private final double value;

    ZeroDivision(double value) {
        this.value = value;
    }

    /** The value a ratio takes when its denominator is zero. */
    public double value() {
        return value;
    }

    /** {@code numerator / denominator}, or {@link #value()} when the denominator is zero. */
    public double divide(double numerator, double denominator) {
        return denominator == 0.0 ? value : numerator / denominator;
    }

    /** Parses {@code "0"} or {@code "1"} (as scikit-learn spells them), or the constant's name. */
    public static ZeroDivision parse(String text) {
        String t = text.trim();
        if (t.equals("0") || t.equalsIgnoreCase("zero") || t.equalsIgnoreCase("warn")) {
            return ZERO;
        }
        if (t.equals("1") || t.equalsIgnoreCase("one")) {
            return ONE;
        }
        throw new IllegalArgumentException("zero division must be 0 or 1, not '" + text + "'");
    }
}
