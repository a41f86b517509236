package org.ecgsiglip.io.preprocess;

import org.ecgsiglip.io.PreprocessingException;

/** Per-lead helpers: NaN handling and standardisation. */
final class Signals {
    private Signals() {
    }

    static double[] fillNaN(float[] lead, NanPolicy policy, String recordId, String leadName) {
        int n = lead.length;
        double[] x = new double[n];
        int firstValid = -1;
        int nan = 0;
        for (int i = 0; i < n; i++) {
            x[i] = lead[i];
            if (Double.isNaN(x[i])) {
                nan++;
            } else if (firstValid < 0) {
                firstValid = i;
            }
        }
        if (nan == 0) {
            return x;
        }
        switch (policy) {
            case FAIL -> throw new PreprocessingException(null, "record " + recordId + ", lead " + leadName,
                    nan + " of " + n + " samples are NaN (invalid in the source)",
                    "use NanPolicy.INTERPOLATE or NanPolicy.ZERO");
            case ZERO -> {
                for (int i = 0; i < n; i++) {
                    if (Double.isNaN(x[i])) {
                        x[i] = 0;
                    }
                }
                return x;
            }
            default -> {
                if (firstValid < 0) {
                    throw new PreprocessingException(null, "record " + recordId + ", lead " + leadName,
                            "lead holds no valid sample (all " + n + " are NaN)",
                            "use NanPolicy.ZERO to treat the lead as flat zero, or drop the record");
                }
                int prev = -1;
                for (int i = 0; i < n; i++) {
                    if (!Double.isNaN(x[i])) {
                        if (prev < 0) {
                            for (int j = 0; j < i; j++) {
                                x[j] = x[i];
                            }
                        } else if (i - prev > 1) {
                            for (int j = prev + 1; j < i; j++) {
                                x[j] = x[prev] + (x[i] - x[prev]) * (j - prev) / (i - prev);
                            }
                        }
                        prev = i;
                    }
                }
                for (int j = prev + 1; j < n; j++) {
                    x[j] = x[prev];
                }
                return x;
            }
        }
    }

    /** Standardises the first {@code n} values in place. */
    static void standardize(double[] x, int n) {
        if (n == 0) {
            return;
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += x[i];
        }
        mean /= n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += (x[i] - mean) * (x[i] - mean);
        }
        double sd = Math.sqrt(var / n);
        double scale = sd > 1e-12 ? 1 / sd : 1;
        for (int i = 0; i < n; i++) {
            x[i] = (x[i] - mean) * scale;
        }
    }
}
