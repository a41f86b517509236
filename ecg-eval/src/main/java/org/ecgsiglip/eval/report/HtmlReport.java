package org.ecgsiglip.eval.report;

import java.util.Base64;
import java.util.List;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.Provenance;

/**
 * report.html: one self-contained page (inline CSS, every picture a {@code data:image/png;base64}
 * URI, no script, no link, nothing fetched) with the averages, the per-finding table, the plots,
 * the calibration (tables, pooled and per-finding reliability diagrams), the conventions and the
 * provenance.
 */
public final class HtmlReport {
    private static final List<Metric> SHOWN = List.of(Metric.PRECISION, Metric.RECALL, Metric.F1,
            Metric.SPECIFICITY, Metric.AUROC, Metric.AUPRC);
    private static final String STYLE = "body{font-family:sans-serif;margin:2em;color:#222}"
            + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px}"
            + "td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f0f3f8}"
            + "img{max-width:100%;display:block;margin:1em 0}code{font-size:90%}"
            + "div.grid{display:flex;flex-wrap:wrap;gap:6px}img.small{display:inline-block;margin:0}";

    private HtmlReport() {
    }

    public static String of(Evaluation e) {
        StringBuilder sb = head("Evaluation");
        sb.append("<p>").append(e.provenance().records()).append(" records, ").append(e.perFinding().size())
                .append(" findings. Thresholds: ").append(Formats.html(e.thresholds().origin())).append(".</p>\n");
        sb.append("<h2>Averages</h2>\n<table><tr><th>average</th><th>value</th></tr>\n");
        for (Average a : Average.values()) {
            sb.append("<tr><td>").append(a.key()).append("</td>");
            cell(sb, Formats.withCi(e.average(a), e.interval(a).orElse(null)));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h2>Per finding</h2>\n<table><tr><th>finding</th><th>n</th><th>tp</th><th>fp</th>"
                + "<th>fn</th><th>tn</th>");
        for (Metric m : SHOWN) {
            sb.append("<th>").append(m.label()).append("</th>");
        }
        sb.append("<th>threshold</th></tr>\n");
        for (int k = 0; k < e.perFinding().size(); k++) {
            FindingMetrics f = e.perFinding().get(k);
            sb.append("<tr><td>").append(Formats.html(f.code())).append("</td>");
            for (long v : new long[] {f.support(), f.tp(), f.fp(), f.fn(), f.tn()}) {
                cell(sb, Long.toString(v));
            }
            int finding = k;
            for (Metric m : SHOWN) {
                ConfidenceInterval ci = e.intervals().map(i -> i.of(finding, m)).orElse(null);
                cell(sb, Formats.withCi(f.value(m), ci));
            }
            cell(sb, Formats.fixed(f.threshold()));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h2>Plots</h2>\n");
        image(sb, Plots.f1ByFinding(e), "Per-finding F1 sorted by support");
        image(sb, Plots.worstPrCurves(e), "Precision-recall curves of the findings with the lowest AUPRC");
        e.calibration().ifPresentOrElse(c -> CalibrationSections.html(sb, c),
            () -> sb.append("<h2>Calibration</h2>\n<p>").append(CalibrationSections.ABSENT).append("</p>\n"));
        return tail(sb, (int) e.provenance().zeroDivision().value(), e.provenance(),
                e.calibration().map(CalibrationSections::conventions).orElse(List.of()));
    }

    public static String of(PairedComparison c) {
        StringBuilder sb = head("Paired comparison");
        sb.append("<p>Differences are <b>").append(Formats.html(c.nameB())).append(" minus ")
                .append(Formats.html(c.nameA())).append("</b> on the same ").append(c.provenance().records())
                .append(" records, ").append(c.bootstrap().replicates()).append(" paired bootstrap resamples by ")
                .append(c.bootstrap().unit()).append(", seed ").append(c.bootstrap().seed())
                .append(". Two-sided p-values invert the percentile interval; per-finding p-values are also "
                        + "Holm-corrected.</p>\n<h2>Averages</h2>\n<table><tr><th>average</th><th>")
                .append(Formats.html(c.nameA())).append("</th><th>").append(Formats.html(c.nameB()))
                .append("</th><th>difference</th><th>CI</th><th>p</th></tr>\n");
        for (Average a : Average.values()) {
            Difference d = c.average(a);
            sb.append("<tr><td>").append(a.key()).append("</td>");
            cell(sb, Formats.fixed(c.a().average(a)));
            cell(sb, Formats.fixed(c.b().average(a)));
            cell(sb, Formats.signed(d.estimate()));
            cell(sb, Formats.interval(d));
            cell(sb, Formats.p(d.pValue()));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
        for (Metric m : PairedComparison.FINDING_METRICS) {
            sb.append("<h2>").append(m.label()).append(" per finding</h2>\n<table><tr><th>finding</th><th>n</th><th>")
                    .append(Formats.html(c.nameA())).append("</th><th>").append(Formats.html(c.nameB()))
                    .append("</th><th>difference</th><th>CI</th><th>p</th><th>p (Holm)</th></tr>\n");
            for (int k = 0; k < c.codes().size(); k++) {
                Difference d = c.perFinding(m).get(k);
                sb.append("<tr><td>").append(Formats.html(c.codes().get(k))).append("</td>");
                cell(sb, Long.toString(c.a().perFinding().get(k).support()));
                cell(sb, Formats.fixed(c.a().perFinding().get(k).value(m)));
                cell(sb, Formats.fixed(c.b().perFinding().get(k).value(m)));
                cell(sb, Formats.signed(d.estimate()));
                cell(sb, Formats.interval(d));
                cell(sb, Formats.p(d.pValue()));
                cell(sb, Formats.p(d.adjustedP()));
                sb.append("</tr>\n");
            }
            sb.append("</table>\n");
            image(sb, Plots.differences(c, m), m.label() + " difference per finding");
        }
        return tail(sb, (int) c.provenance().zeroDivision().value(), c.provenance(), List.of());
    }

    static StringBuilder head(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title><style>").append(STYLE).append("</style></head><body>\n<h1>")
                .append(title).append("</h1>\n");
    }

    private static String tail(StringBuilder sb, int zeroDivision, Provenance p, List<String> more) {
        sb.append("<h2>Conventions</h2>\n<ul>");
        List<String> all = new java.util.ArrayList<>(Conventions.sentences(zeroDivision));
        all.addAll(more);
        for (String s : all) {
            sb.append("<li>").append(Formats.html(s)).append("</li>");
        }
        sb.append("</ul>\n<h2>Provenance</h2>\n<ul><li>toolkit version: ").append(Formats.html(p.toolkitVersion()))
                .append("</li>");
        p.inputs().forEach((name, sha) -> sb.append("<li>").append(Formats.html(name)).append(": sha256 <code>")
                .append(sha).append("</code></li>"));
        sb.append("<li>thresholds: ").append(Formats.html(p.thresholds())).append("</li><li>decision rule: ")
                .append(Formats.html(p.decisionRule())).append("</li>");
        p.bootstrap().ifPresent(b -> sb.append("<li>bootstrap: B = ").append(b.replicates()).append(", seed ")
                .append(b.seed()).append(", level ").append(b.level()).append(", by ").append(b.unit()).append("</li>"));
        sb.append("<li>java: ").append(Formats.html(p.java())).append("</li></ul>\n</body></html>\n");
        return sb.toString();
    }

    private static void cell(StringBuilder sb, String text) {
        sb.append("<td class=\"n\">").append(Formats.html(text)).append("</td>");
    }

    private static void image(StringBuilder sb, byte[] png, String alt) {
        if (png != null) {
            sb.append("<img alt=\"").append(Formats.html(alt)).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        }
    }
}
