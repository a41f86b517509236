package org.ecgsiglip.cli.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * What an experiment produced.
 *
 * @param plan the resolved plan
 * @param test the test split every run was scored on
 * @param runs one outcome per variant × seed, variants in file order, then seeds
 * @param comparisons one per compared pair × seed
 * @param reports the summary files written (report.md, report.html, summary.json)
 * @param table the per-finding F1 table printed at the end
 */
public record ExperimentResult(ExperimentPlan plan, TestSplit test, List<RunOutcome> runs,
                               List<ComparisonOutcome> comparisons, List<Path> reports, String table) {

    public ExperimentResult {
        runs = List.copyOf(runs);
        comparisons = List.copyOf(comparisons);
        reports = List.copyOf(reports);
    }

    /** The outcome of {@code variant} with {@code seed}. */
    public RunOutcome run(String variant, long seed) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.seed() == seed).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no run " + variant + " with seed " + seed));
    }
}
