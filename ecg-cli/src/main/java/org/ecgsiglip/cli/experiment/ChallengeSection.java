package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.ecgsiglip.cli.challenge.ChallengeDifference;
import org.ecgsiglip.cli.challenge.ChallengeResult;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;

/**
 * The experiment report's PhysioNet/CinC Challenge section, for experiments on CinC data: each run's
 * Challenge score on the test folds with its bootstrap interval, and each comparison's paired
 * difference (B - A) with its interval and p-value, over the same resamples as the F1 table. Absent
 * (empty strings, no JSON key) when no run has a Challenge score.
 */
final class ChallengeSection {
    private final ExperimentPlan plan;
    private final List<RunOutcome> runs;
    private final List<ComparisonOutcome> comparisons;

    ChallengeSection(ExperimentPlan plan, List<RunOutcome> runs, List<ComparisonOutcome> comparisons) {
        this.plan = plan;
        this.runs = runs;
        this.comparisons = comparisons;
    }

    boolean present() {
        return runs.stream().anyMatch(r -> r.challenge().isPresent());
    }

    private String heading() {
        String weights = runs.stream().flatMap(r -> r.challenge().stream()).findFirst()
                .map(c -> c.option().source()).orElse("");
        return String.format(Locale.ROOT, "PhysioNet/CinC Challenge score on the test folds (%s; %.0f%% bootstrap CIs "
                + "by record, the resamples of the F1 table; 'B - A' paired differences with p-values):", weights,
                100 * plan.level());
    }

    private ResultTable table() {
        ResultTable t = new ResultTable(List.of("variant", "seed", "Challenge score"));
        for (RunOutcome r : runs) {
            r.challenge().ifPresent(c -> t.add(List.of(r.variant(), Long.toString(r.seed()),
                    ExperimentReport.withCi(c.normalized(), c.interval().orElse(null)))));
        }
        for (ComparisonOutcome c : comparisons) {
            c.challenge().ifPresent(d -> t.add(List.of(c.pair().b() + " - " + c.pair().a(), Long.toString(c.seed()),
                    ExperimentReport.difference(d.difference(), false))));
        }
        return t;
    }

    String text() {
        return present() ? "\n" + heading() + "\n" + table().text() : "";
    }

    String markdown() {
        return present() ? "## " + heading().substring(0, heading().length() - 1) + "\n\n" + table().markdown() + "\n"
                : "";
    }

    String html() {
        return present() ? "<h2>" + ResultTable.escape(heading().substring(0, heading().length() - 1)) + "</h2>\n"
                + table().html() : "";
    }

    /** Adds {@code "challenge"} to summary.json when there are scores. */
    void addTo(ObjectNode root) {
        if (!present()) {
            return;
        }
        ObjectNode n = root.putObject("challenge");
        ArrayNode rs = n.putArray("runs");
        for (RunOutcome r : runs) {
            if (r.challenge().isEmpty()) {
                continue;
            }
            ChallengeResult c = r.challenge().get();
            n.put("weights", c.option().source());
            ObjectNode o = rs.addObject().put("variant", r.variant()).put("seed", r.seed())
                    .put("normalized", c.normalized());
            c.interval().ifPresent((ConfidenceInterval i) -> o.put("lower", i.lower()).put("upper", i.upper()));
        }
        ArrayNode cs = n.putArray("comparisons");
        for (ComparisonOutcome c : comparisons) {
            if (c.challenge().isEmpty()) {
                continue;
            }
            ChallengeDifference d = c.challenge().get();
            Difference diff = d.difference();
            cs.addObject().put("a", c.pair().a()).put("b", c.pair().b()).put("seed", c.seed())
                    .put("a_normalized", d.comparison().a().normalized())
                    .put("b_normalized", d.comparison().b().normalized()).put("difference", diff.estimate())
                    .put("lower", diff.lower()).put("upper", diff.upper()).put("p", diff.pValue());
        }
    }
}
