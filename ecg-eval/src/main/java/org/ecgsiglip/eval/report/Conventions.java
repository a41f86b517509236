package org.ecgsiglip.eval.report;

import java.util.List;

/** The conventions every report states, as plain sentences. */
final class Conventions {
    private Conventions() {
    }

    static List<String> sentences(int zeroDivision) {
        return List.of(
                "A finding is predicted when its score is at or above its threshold.",
                "Zero division (scikit-learn's zero_division): a ratio whose denominator is 0 counts as "
                        + zeroDivision + "; F1 = 2TP / (2TP + FP + FN).",
                "Findings without positives in this set are listed and enter the macro averages of precision, "
                        + "recall, F1 and AUPRC (AUPRC is then 0), as in scikit-learn; they weigh 0 in the weighted average.",
                "AUROC is undefined (–) for a finding with a single class; macro AUROC averages the findings where "
                        + "it is defined (scikit-learn raises an error instead).",
                "AUPRC is average precision, sum over thresholds of (recall step) x precision, without interpolation.",
                "Intervals are percentile bootstrap intervals; resamples where a metric is undefined are left out.");
    }
}
