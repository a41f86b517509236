package org.ecgsiglip.eval;

import java.util.Arrays;

/**
 * A finding's precision-recall curve for plotting: one point per distinct score (thinned for
 * large sets), highest threshold first, and the finding's average precision.
 */
public record PrCurve(String code, double[] recall, double[] precision, double averagePrecision) {

    public PrCurve {
        if (recall.length != precision.length) {
            throw new IllegalArgumentException("recall and precision differ in length");
        }
        recall = recall.clone();
        precision = precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrCurve c && code.equals(c.code) && Arrays.equals(recall, c.recall)
                && Arrays.equals(precision, c.precision)
                && Double.compare(averagePrecision, c.averagePrecision) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * code.hashCode() + Arrays.hashCode(recall);
    }

    @Override
    public String toString() {
        return "PrCurve[" + code + ", " + recall.length + " points, AP=" + averagePrecision + "]";
    }
}
