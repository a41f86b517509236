package org.ecgsiglip.io.pipeline;

import java.util.Arrays;
import org.ecgsiglip.io.ConfigurationException;

/**
 * Per-lead mean and standard deviation over every stored sample of a set of records (the training
 * folds), for {@link Standardization#DATASET}: x' = (x − mean_k) / sd_k, with sd_k the population
 * standard deviation; a lead whose sd is below 1e-12 is only centred.
 *
 * @param mean per lead, in the pipeline's lead order
 * @param sd per lead
 */
public record LeadStatistics(double[] mean, double[] sd) {

    public LeadStatistics {
        if (mean.length != sd.length || mean.length == 0) {
            throw new ConfigurationException("lead statistics", "need one mean and one sd per lead, got " + mean.length
                    + " and " + sd.length, "refit the statistics");
        }
        for (int k = 0; k < mean.length; k++) {
            if (!Double.isFinite(mean[k]) || !Double.isFinite(sd[k]) || sd[k] < 0) {
                throw new ConfigurationException("lead statistics", "lead " + k + " has mean " + mean[k] + " and sd "
                        + sd[k], "refit the statistics on records without NaN");
            }
        }
        mean = mean.clone();
        sd = sd.clone();
    }

    /**
     * Fits the statistics on records {@code indices} of {@code source}, in two passes (mean, then the
     * sum of squared deviations) accumulated in double.
     */
    public static LeadStatistics fit(SignalSource source, int[] indices) {
        int leads = source.leads();
        int length = source.length();
        if (indices.length == 0) {
            throw new ConfigurationException("train-folds", "no training record to fit lead statistics on",
                    "choose training folds that hold records");
        }
        float[] buf = new float[leads * length];
        double[] sum = new double[leads];
        for (int i : indices) {
            source.read(i, buf, 0);
            for (int k = 0; k < leads; k++) {
                double s = 0;
                for (int t = k * length; t < (k + 1) * length; t++) {
                    s += buf[t];
                }
                sum[k] += s;
            }
        }
        double n = (double) indices.length * length;
        double[] mean = new double[leads];
        for (int k = 0; k < leads; k++) {
            mean[k] = sum[k] / n;
        }
        double[] squares = new double[leads];
        for (int i : indices) {
            source.read(i, buf, 0);
            for (int k = 0; k < leads; k++) {
                double s = 0;
                for (int t = k * length; t < (k + 1) * length; t++) {
                    double d = buf[t] - mean[k];
                    s += d * d;
                }
                squares[k] += s;
            }
        }
        double[] sd = new double[leads];
        for (int k = 0; k < leads; k++) {
            sd[k] = Math.sqrt(squares[k] / n);
        }
        return new LeadStatistics(mean, sd);
    }

    /** Number of leads. */
    public int leads() {
        return mean.length;
    }

    /** The float offset subtracted from lead {@code k}. */
    float offset(int k) {
        return (float) mean[k];
    }

    /** The float factor lead {@code k} is multiplied by after centring. */
    float scale(int k) {
        return sd[k] > 1e-12 ? (float) (1 / sd[k]) : 1f;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeadStatistics s && Arrays.equals(mean, s.mean) && Arrays.equals(sd, s.sd);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(sd);
    }

    @Override
    public String toString() {
        return "LeadStatistics[mean=" + Arrays.toString(mean) + ", sd=" + Arrays.toString(sd) + "]";
    }
}
