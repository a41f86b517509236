package org.ecgsiglip.eval;

/**
 * Turns scores into predicted findings: {@code score >= threshold}, and optionally "at least one
 * finding per record" as the PTB-XL benchmark does: a record with no finding at or above its
 * threshold gets its top-scoring finding (the first in column order among equal scores).
 */
public final class Decisions {
    private Decisions() {
    }

    /** {@code [record][finding]} decisions. */
    public static boolean[][] predict(ScoreMatrix scores, Thresholds thresholds, boolean atLeastOnePerRecord) {
        return predict(scores.rows(), thresholds.of(scores.codes()), atLeastOnePerRecord);
    }

    static boolean[][] predict(double[][] scores, double[] thresholds, boolean atLeastOnePerRecord) {
        boolean[][] p = new boolean[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            double[] s = scores[r];
            boolean[] row = new boolean[s.length];
            boolean any = false;
            int top = 0;
            for (int k = 0; k < s.length; k++) {
                row[k] = s[k] >= thresholds[k];
                any |= row[k];
                if (s[k] > s[top]) {
                    top = k;
                }
            }
            if (!any && atLeastOnePerRecord && s.length > 0) {
                row[top] = true;
            }
            p[r] = row;
        }
        return p;
    }
}
