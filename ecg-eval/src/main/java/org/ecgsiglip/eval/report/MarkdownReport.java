package org.ecgsiglip.eval.report;

import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.Provenance;

/**
 * report.md: averages, the per-finding table (with intervals when present), the calibration
 * tables and the pooled reliability curve, conventions, provenance.
 */
public final class MarkdownReport {
    private static final List<Metric> SHOWN = List.of(Metric.PRECISION, Metric.RECALL, Metric.F1,
            Metric.SPECIFICITY, Metric.AUROC, Metric.AUPRC);

    private MarkdownReport() {
    }

    public static String of(Evaluation e) {
        StringBuilder sb = new StringBuilder("# Evaluation\n\n");
        sb.append(e.provenance().records()).append(" records, ").append(e.perFinding().size())
                .append(" findings. Thresholds: ").append(Formats.md(e.thresholds().origin())).append(".\n\n");
        sb.append("## Averages\n\n| average | value |\n|---|---:|\n");
        for (Average a : Average.values()) {
            ConfidenceInterval ci = e.interval(a).orElse(null);
            sb.append("| ").append(a.key()).append(" | ").append(Formats.withCi(e.average(a), ci)).append(" |\n");
        }
        sb.append("\n## Per finding\n\n");
        perFinding(sb, e);
        e.calibration().ifPresentOrElse(c -> CalibrationSections.markdown(sb, c),
            () -> sb.append("\n## Calibration\n\n").append(CalibrationSections.ABSENT).append('\n'));
        conventions(sb, (int) e.provenance().zeroDivision().value());
        e.calibration().ifPresent(c -> CalibrationSections.conventions(c).forEach(s -> sb.append("- ").append(s)
                .append('\n')));
        provenance(sb, e.provenance());
        return sb.toString();
    }

    public static String of(PairedComparison c) {
        StringBuilder sb = new StringBuilder("# Paired comparison\n\n");
        sb.append("Differences are **").append(Formats.md(c.nameB())).append(" minus ").append(Formats.md(c.nameA()))
                .append("** on the same ").append(c.provenance().records()).append(" records; ")
                .append(c.bootstrap().replicates()).append(" paired bootstrap resamples by ").append(c.bootstrap().unit())
                .append(", seed ").append(c.bootstrap().seed()).append(". p-values are two-sided (percentile "
                        + "interval inverted); per-finding p-values are also Holm-corrected across findings.\n\n");
        sb.append("## Averages\n\n| average | ").append(Formats.md(c.nameA())).append(" | ").append(Formats.md(c.nameB()))
                .append(" | difference | CI | p |\n|---|---:|---:|---:|---|---:|\n");
        for (Map.Entry<Average, Difference> en : c.averages().entrySet()) {
            Difference d = en.getValue();
            sb.append("| ").append(en.getKey().key()).append(" | ").append(Formats.fixed(c.a().average(en.getKey())))
                    .append(" | ").append(Formats.fixed(c.b().average(en.getKey()))).append(" | ")
                    .append(Formats.signed(d.estimate())).append(" | ").append(Formats.interval(d)).append(" | ")
                    .append(Formats.p(d.pValue())).append(" |\n");
        }
        for (Metric m : PairedComparison.FINDING_METRICS) {
            sb.append("\n## ").append(m.label()).append(" per finding\n\n| finding | n | ")
                    .append(Formats.md(c.nameA())).append(" | ").append(Formats.md(c.nameB()))
                    .append(" | difference | CI | p | p (Holm) |\n|---|---:|---:|---:|---:|---|---:|---:|\n");
            for (int k = 0; k < c.codes().size(); k++) {
                Difference d = c.perFinding(m).get(k);
                sb.append("| ").append(Formats.md(c.codes().get(k))).append(" | ").append(c.a().perFinding().get(k).support())
                        .append(" | ").append(Formats.fixed(c.a().perFinding().get(k).value(m))).append(" | ")
                        .append(Formats.fixed(c.b().perFinding().get(k).value(m))).append(" | ")
                        .append(Formats.signed(d.estimate())).append(" | ").append(Formats.interval(d)).append(" | ")
                        .append(Formats.p(d.pValue())).append(" | ").append(Formats.p(d.adjustedP())).append(" |\n");
            }
        }
        conventions(sb, (int) c.provenance().zeroDivision().value());
        provenance(sb, c.provenance());
        return sb.toString();
    }

    private static void perFinding(StringBuilder sb, Evaluation e) {
        sb.append("| finding | n | tp | fp | fn | tn |");
        for (Metric m : SHOWN) {
            sb.append(' ').append(m.label()).append(" |");
        }
        sb.append(" threshold |\n|---|---:|---:|---:|---:|---:|");
        sb.append("---:|".repeat(SHOWN.size())).append("---:|\n");
        for (int k = 0; k < e.perFinding().size(); k++) {
            FindingMetrics f = e.perFinding().get(k);
            sb.append("| ").append(Formats.md(f.code())).append(" | ").append(f.support()).append(" | ").append(f.tp())
                    .append(" | ").append(f.fp()).append(" | ").append(f.fn()).append(" | ").append(f.tn()).append(" |");
            for (Metric m : SHOWN) {
                ConfidenceInterval ci = e.intervals().map(i -> i.of(e.indexOf(f.code()), m)).orElse(null);
                sb.append(' ').append(Formats.withCi(f.value(m), ci)).append(" |");
            }
            sb.append(' ').append(Formats.fixed(f.threshold())).append(" |\n");
        }
    }

    private static void conventions(StringBuilder sb, int zeroDivision) {
        sb.append("\n## Conventions\n\n");
        for (String s : Conventions.sentences(zeroDivision)) {
            sb.append("- ").append(s).append('\n');
        }
    }

    private static void provenance(StringBuilder sb, Provenance p) {
        sb.append("\n## Provenance\n\n- toolkit version: ").append(p.toolkitVersion()).append('\n');
        p.inputs().forEach((name, sha) -> sb.append("- ").append(Formats.md(name)).append(": sha256 `").append(sha)
                .append("`\n"));
        sb.append("- thresholds: ").append(Formats.md(p.thresholds())).append('\n');
        sb.append("- decision rule: ").append(p.decisionRule()).append('\n');
        p.bootstrap().ifPresent(b -> sb.append("- bootstrap: B = ").append(b.replicates()).append(", seed ")
                .append(b.seed()).append(", level ").append(b.level()).append(", by ").append(b.unit()).append('\n'));
        sb.append("- java: ").append(p.java()).append('\n');
    }
}
