package org.ecgsiglip.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Bootstrap confidence intervals of every per-finding metric and every average, and the
 * bootstrap that produced them.
 *
 * @param perFinding one map per finding, in the evaluation's finding order
 */
public record Intervals(Bootstrap bootstrap, List<Map<Metric, ConfidenceInterval>> perFinding,
                        Map<Average, ConfidenceInterval> averages) {

    public Intervals {
        List<Map<Metric, ConfidenceInterval>> rows = new ArrayList<>();
        for (Map<Metric, ConfidenceInterval> m : perFinding) {
            rows.add(Collections.unmodifiableMap(new EnumMap<>(m)));
        }
        perFinding = List.copyOf(rows);
        averages = Collections.unmodifiableMap(new EnumMap<>(averages));
    }

    /** The interval of a metric of the finding at {@code index}. */
    public ConfidenceInterval of(int finding, Metric metric) {
        return perFinding.get(finding).get(metric);
    }

    public ConfidenceInterval of(Average average) {
        return averages.get(average);
    }

    /** Percentile intervals from replicate values laid out as {@link Replicate#values()}. */
    static Intervals of(Bootstrap spec, double[][] replicates, int findings) {
        double level = spec.level();
        double[] column = new double[replicates.length];
        List<Map<Metric, ConfidenceInterval>> rows = new ArrayList<>();
        for (int k = 0; k < findings; k++) {
            Map<Metric, ConfidenceInterval> m = new EnumMap<>(Metric.class);
            for (Metric metric : Metric.values()) {
                fill(column, replicates, Replicate.index(metric, k, findings));
                m.put(metric, ConfidenceInterval.percentile(column, level));
            }
            rows.add(m);
        }
        Map<Average, ConfidenceInterval> avg = new EnumMap<>(Average.class);
        for (Average a : Average.values()) {
            fill(column, replicates, Replicate.index(a, findings));
            avg.put(a, ConfidenceInterval.percentile(column, level));
        }
        return new Intervals(spec, rows, avg);
    }

    private static void fill(double[] column, double[][] replicates, int j) {
        for (int b = 0; b < replicates.length; b++) {
            column[b] = replicates[b][j];
        }
    }
}
