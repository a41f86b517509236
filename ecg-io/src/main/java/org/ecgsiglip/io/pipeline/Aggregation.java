package org.ecgsiglip.io.pipeline;

/** How the probabilities of a record's windows combine into the record's probability. */
public enum Aggregation {
    /** The mean over windows. */
    MEAN,
    /** The maximum over windows (a finding seen in any window). */
    MAX;

    /** Combines {@code windows[w][k]} into one value per k. */
    public double[] combine(double[][] windows) {
        double[] out = windows[0].clone();
        for (int w = 1; w < windows.length; w++) {
            for (int k = 0; k < out.length; k++) {
                out[k] = this == MEAN ? out[k] + windows[w][k] : Math.max(out[k], windows[w][k]);
            }
        }
        if (this == MEAN && windows.length > 1) {
            for (int k = 0; k < out.length; k++) {
                out[k] /= windows.length;
            }
        }
        return out;
    }
}
