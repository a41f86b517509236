package org.ecgsiglip.eval;

/**
 * How per-finding results become one number, following scikit-learn's {@code average=} choices.
 * With findings {@code k}, records {@code r} and record weights {@code w_r} (1, or the number of
 * times a bootstrap resample drew the record):
 *
 * <ul>
 *   <li>{@link #MICRO}: pool the counts, {@code TP = sum_k TP_k} etc., then apply the metric;</li>
 *   <li>{@link #MACRO}: unweighted mean over findings. Every finding enters, also one without
 *       positives in the test set (its recall and F1 are then the zero-division value, 0 by
 *       default, and pull the mean down: scikit-learn does the same). The one exception is a
 *       metric that is NaN for a finding (only AUROC, for a finding with a single class): such
 *       findings are left out of the mean, where scikit-learn would raise an error;</li>
 *   <li>{@link #WEIGHTED}: mean weighted by support, {@code sum_k n_k m_k / sum_k n_k}; findings
 *       without positives weigh 0. When no finding has a positive at all the result is the
 *       micro value, which reproduces scikit-learn's special case (P and F1 are 0, or z when
 *       nothing is predicted either; R is z);</li>
 *   <li>{@link #SAMPLES}: the metric per record over its findings, then the weighted mean over
 *       records, {@code sum_r w_r m_r / sum_r w_r}. A record with no true and no predicted
 *       finding scores the zero-division value (0 by default), as in scikit-learn.</li>
 * </ul>
 */
public enum Averaging {
    MICRO("micro") {
        @Override
        double apply(Metric m, Replicate x) {
            Confusion pooled = new Confusion(0, 0, 0, 0);
            for (int k = 0; k < x.findings(); k++) {
                pooled = pooled.plus(x.confusion(k));
            }
            return m.of(pooled, x.zeroDivision());
        }
    },
    MACRO("macro") {
        @Override
        double apply(Metric m, Replicate x) {
            double sum = 0;
            int used = 0;
            for (int k = 0; k < x.findings(); k++) {
                double v = x.value(m, k);
                if (!Double.isNaN(v)) {
                    sum += v;
                    used++;
                }
            }
            return used == 0 ? Double.NaN : sum / used;
        }
    },
    WEIGHTED("weighted") {
        @Override
        double apply(Metric m, Replicate x) {
            double sum = 0;
            double weight = 0;
            for (int k = 0; k < x.findings(); k++) {
                double n = x.confusion(k).positives();
                if (n > 0) {
                    sum += n * x.value(m, k);
                    weight += n;
                }
            }
            return weight == 0 ? MICRO.apply(m, x) : sum / weight;
        }
    },
    SAMPLES("samples") {
        @Override
        double apply(Metric m, Replicate x) {
            return x.recordMean(m);
        }
    };

    private final String key;

    Averaging(String key) {
        this.key = key;
    }

    /** {@code micro}, {@code macro}, {@code weighted} or {@code samples}. */
    public String key() {
        return key;
    }

    abstract double apply(Metric m, Replicate x);
}
