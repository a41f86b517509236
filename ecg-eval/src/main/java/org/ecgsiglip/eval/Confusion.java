package org.ecgsiglip.eval;

/**
 * The four counts of a binary decision: true and false positives, false negatives and true
 * negatives. Counts are doubles because a bootstrap resample weights each record by how often it
 * was drawn; they always hold whole numbers.
 */
public record Confusion(double tp, double fp, double fn, double tn) {

    public Confusion {
        if (!(tp >= 0 && fp >= 0 && fn >= 0 && tn >= 0)) {
            throw new IllegalArgumentException("counts must be non-negative: tp=" + tp + " fp=" + fp
                    + " fn=" + fn + " tn=" + tn);
        }
    }

    /** Counts {@code truth} against {@code predicted}, element by element. */
    public static Confusion of(boolean[] truth, boolean[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth has " + truth.length + " entries, predictions "
                    + predicted.length);
        }
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (predicted[i]) {
                if (truth[i]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (truth[i]) {
                fn++;
            }
        }
        return new Confusion(tp, fp, fn, truth.length - tp - fp - fn);
    }

    /** Number of positives, {@code TP + FN} (scikit-learn's "support"). */
    public double positives() {
        return tp + fn;
    }

    /** Number of predicted positives, {@code TP + FP}. */
    public double predictedPositives() {
        return tp + fp;
    }

    /** Element-wise sum. */
    public Confusion plus(Confusion o) {
        return new Confusion(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
    }
}
