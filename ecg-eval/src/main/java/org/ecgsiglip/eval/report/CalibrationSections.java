package org.ecgsiglip.eval.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ecgsiglip.eval.calibration.Binning;
import org.ecgsiglip.eval.calibration.Calibration;
import org.ecgsiglip.eval.calibration.FindingCalibration;
import org.ecgsiglip.eval.calibration.ReliabilityCurve;

/** The calibration part of every report format, and the sentences that state its conventions. */
final class CalibrationSections {
    /** What an evaluation without calibration says instead. */
    static final String ABSENT = "No calibration: it is computed only when every score is a probability in [0, 1] "
            + "(and was not turned off).";

    private CalibrationSections() {
    }

    static List<String> conventions(Calibration c) {
        return List.of(
                "Calibration reads each score as the probability of its finding. Brier score = mean of (p - y)^2 "
                        + "(scikit-learn's brier_score_loss).",
                "Reliability curves follow scikit-learn's calibration_curve: equal-width bins have edges k/n, "
                        + "equal-mass bins numpy's linearly interpolated percentiles of the scores; bin i holds "
                        + "e_i < p <= e_(i+1) (the first also p <= e_1); empty bins are left out.",
                "ECE = sum over bins of (n_b / N) |observed_b - mean predicted_b|; MCE = the largest gap. Headline: "
                        + c.headline().words() + " (0.5, the decision threshold, is an edge); also computed: "
                        + keys(c.binnings().subList(1, c.binnings().size())) + ".",
                "Macro Brier and macro ECE are means over the findings, findings without positives included; "
                        + "pooled values treat every (record, finding) pair as one prediction. They are point "
                        + "estimates (the bootstrap does not cover them).");
    }

    private static String keys(List<Binning> bs) {
        List<String> w = new ArrayList<>();
        bs.forEach(b -> w.add(b.words()));
        return w.isEmpty() ? "nothing else" : String.join(", ", w);
    }

    // --- JSON

    static ObjectNode json(Calibration c) {
        ObjectNode o = JsonReport.MAPPER.createObjectNode();
        o.put("headline_binning", c.headline().key());
        ArrayNode keys = o.putArray("binnings");
        c.binnings().forEach(b -> keys.add(b.key()));
        o.put("macro_brier", c.macroBrier());
        o.put("pooled_brier", c.pooledBrier());
        ObjectNode macro = o.putObject("macro_ece");
        ObjectNode pooled = o.putObject("pooled_ece");
        for (Binning b : c.binnings()) {
            macro.put(b.key(), c.macroEce(b));
            pooled.put(b.key(), c.pooled().ece(b));
        }
        o.set("pooled", finding(c.pooled()));
        return o;
    }

    static ObjectNode finding(FindingCalibration f) {
        ObjectNode o = JsonReport.MAPPER.createObjectNode();
        o.put("records", f.records());
        o.put("positives", f.positives());
        o.put("mean_predicted", f.meanPredicted());
        o.put("observed_rate", f.observedRate());
        o.put("brier", f.brier());
        ObjectNode ece = o.putObject("ece");
        ObjectNode mce = o.putObject("mce");
        ObjectNode rel = o.putObject("reliability");
        f.curves().forEach((b, c) -> {
            ece.put(b.key(), c.ece());
            mce.put(b.key(), c.mce());
            ObjectNode curve = rel.putObject(b.key());
            ArrayNode edges = curve.putArray("edges");
            c.edges().forEach(edges::add);
            ArrayNode bins = curve.putArray("bins");
            for (ReliabilityCurve.Bin bin : c.bins()) {
                bins.addObject().put("bin", bin.index()).put("lower", bin.lower()).put("upper", bin.upper())
                        .put("count", bin.count()).put("mean_predicted", bin.meanPredicted())
                        .put("observed_frequency", bin.observedFrequency());
            }
        });
        return o;
    }

    // --- Markdown

    static void markdown(StringBuilder sb, Calibration c) {
        sb.append("\n## Calibration\n\nHeadline ECE over ").append(c.headline().words())
                .append(".\n\n| average | Brier |");
        c.binnings().forEach(b -> sb.append(" ECE ").append(b.key()).append(" |"));
        sb.append("\n|---|---:|").append("---:|".repeat(c.binnings().size())).append('\n');
        averageRow(sb, "| macro | ", " | ", " |\n", c, false);
        averageRow(sb, "| pooled | ", " | ", " |\n", c, true);
        sb.append("\n| finding | n | positives | mean predicted | observed rate | Brier |");
        c.binnings().forEach(b -> sb.append(" ECE ").append(b.key()).append(" |"));
        sb.append("\n|---|---:|---:|---:|---:|---:|").append("---:|".repeat(c.binnings().size())).append('\n');
        for (FindingCalibration f : c.perFinding()) {
            sb.append("| ").append(Formats.md(f.code()));
            for (String v : row(f, c)) {
                sb.append(" | ").append(v);
            }
            sb.append(" |\n");
        }
        sb.append("\nPooled reliability curve (").append(c.headline().words())
                .append("):\n\n| bin | lower | upper | count | mean predicted | observed |\n|---:|---:|---:|---:|---:|---:|\n");
        for (ReliabilityCurve.Bin b : c.pooled().curve(c.headline()).bins()) {
            sb.append("| ").append(b.index()).append(" | ").append(Formats.fixed(b.lower())).append(" | ")
                    .append(Formats.fixed(b.upper())).append(" | ").append(b.count()).append(" | ")
                    .append(Formats.fixed(b.meanPredicted())).append(" | ").append(Formats.fixed(b.observedFrequency()))
                    .append(" |\n");
        }
    }

    private static void averageRow(StringBuilder sb, String start, String sep, String end, Calibration c,
                                   boolean pooled) {
        sb.append(start).append(Formats.fixed(pooled ? c.pooledBrier() : c.macroBrier()));
        for (Binning b : c.binnings()) {
            sb.append(sep).append(Formats.fixed(pooled ? c.pooled().ece(b) : c.macroEce(b)));
        }
        sb.append(end);
    }

    private static List<String> row(FindingCalibration f, Calibration c) {
        List<String> v = new ArrayList<>(List.of(Long.toString(f.records()), Long.toString(f.positives()),
                Formats.fixed(f.meanPredicted()), Formats.fixed(f.observedRate()), Formats.fixed(f.brier())));
        c.binnings().forEach(b -> v.add(Formats.fixed(f.ece(b))));
        return v;
    }

    // --- HTML

    static void html(StringBuilder sb, Calibration c) {
        sb.append("<h2>Calibration</h2>\n<p>Headline ECE over ").append(c.headline().words())
                .append(". In the diagrams: observed frequency against mean predicted probability per bin (blue), "
                        + "perfect calibration (grey diagonal), the 0.5 threshold (dashed) and the records per bin "
                        + "(grey bars, right-hand axis).</p>\n<table><tr><th>average</th><th>Brier</th>");
        c.binnings().forEach(b -> sb.append("<th>ECE ").append(b.key()).append("</th>"));
        sb.append("</tr>\n");
        averageRow(sb, "<tr><td>macro</td><td class=\"n\">", "</td><td class=\"n\">", "</td></tr>\n", c, false);
        averageRow(sb, "<tr><td>pooled</td><td class=\"n\">", "</td><td class=\"n\">", "</td></tr>\n", c, true);
        sb.append("</table>\n<table><tr><th>finding</th><th>n</th><th>positives</th><th>mean predicted</th>"
                + "<th>observed rate</th><th>Brier</th>");
        c.binnings().forEach(b -> sb.append("<th>ECE ").append(b.key()).append("</th>"));
        sb.append("</tr>\n");
        for (FindingCalibration f : c.perFinding()) {
            sb.append("<tr><td>").append(Formats.html(f.code())).append("</td>");
            row(f, c).forEach(v -> sb.append("<td class=\"n\">").append(v).append("</td>"));
            sb.append("</tr>\n");
        }
        sb.append("</table>\n<h3>All findings pooled</h3>\n");
        for (Binning b : pooledBinnings(c)) {
            image(sb, ReliabilityDiagram.png(c.pooled(), b), "reliability diagram, all findings pooled, " + b.words(),
                    "");
        }
        sb.append("<h3>Per finding (").append(c.headline().words()).append(")</h3>\n<div class=\"grid\">\n");
        for (FindingCalibration f : c.perFinding()) {
            image(sb, ReliabilityDiagram.png(f, c.headline()), "reliability diagram of " + f.code(), " class=\"small\"");
        }
        sb.append("</div>\n");
    }

    /** The headline binning and the first equal-mass one, if any. */
    static List<Binning> pooledBinnings(Calibration c) {
        List<Binning> out = new ArrayList<>(List.of(c.headline()));
        c.binnings().stream().filter(b -> b.strategy() == Binning.Strategy.QUANTILE && !b.equals(c.headline()))
                .findFirst().ifPresent(out::add);
        return out;
    }

    private static void image(StringBuilder sb, byte[] png, String alt, String attributes) {
        sb.append("<img").append(attributes).append(" alt=\"").append(Formats.html(alt))
                .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(png))
                .append("\">\n");
    }
}
