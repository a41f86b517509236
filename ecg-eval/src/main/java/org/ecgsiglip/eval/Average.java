package org.ecgsiglip.eval;

/**
 * The averages an evaluation reports: an {@link Averaging} applied to a {@link Metric}. Keys
 * read {@code <averaging>_<metric>}, e.g. {@code macro_f1}, {@code micro_f1}, {@code macro_auroc}.
 * Micro, weighted and sample-wise averages exist for precision, recall and F1; AUROC and AUPRC
 * are macro-averaged only.
 */
public enum Average {
    MICRO_PRECISION(Averaging.MICRO, Metric.PRECISION),
    MICRO_RECALL(Averaging.MICRO, Metric.RECALL),
    MICRO_F1(Averaging.MICRO, Metric.F1),
    MACRO_PRECISION(Averaging.MACRO, Metric.PRECISION),
    MACRO_RECALL(Averaging.MACRO, Metric.RECALL),
    MACRO_F1(Averaging.MACRO, Metric.F1),
    WEIGHTED_PRECISION(Averaging.WEIGHTED, Metric.PRECISION),
    WEIGHTED_RECALL(Averaging.WEIGHTED, Metric.RECALL),
    WEIGHTED_F1(Averaging.WEIGHTED, Metric.F1),
    SAMPLES_PRECISION(Averaging.SAMPLES, Metric.PRECISION),
    SAMPLES_RECALL(Averaging.SAMPLES, Metric.RECALL),
    SAMPLES_F1(Averaging.SAMPLES, Metric.F1),
    MACRO_AUROC(Averaging.MACRO, Metric.AUROC),
    MACRO_AUPRC(Averaging.MACRO, Metric.AUPRC);

    private final Averaging averaging;
    private final Metric metric;

    Average(Averaging averaging, Metric metric) {
        if (metric.isRanking() && averaging != Averaging.MACRO) {
            throw new IllegalArgumentException("ranking metrics are macro-averaged only");
        }
        this.averaging = averaging;
        this.metric = metric;
    }

    public Averaging averaging() {
        return averaging;
    }

    public Metric metric() {
        return metric;
    }

    /** {@code micro_f1}, {@code macro_auroc}, ... as in metrics.json. */
    public String key() {
        return averaging.key() + "_" + metric.key();
    }

    double compute(Replicate x) {
        return averaging.apply(metric, x);
    }

    /** The average whose {@link #key()} is {@code key}. */
    public static Average ofKey(String key) {
        for (Average a : values()) {
            if (a.key().equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no average '" + key + "'");
    }
}
