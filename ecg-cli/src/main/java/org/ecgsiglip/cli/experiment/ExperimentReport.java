package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * The experiment's summary: per seed, a table of per-finding F1 of every variant on the test folds
 * with its bootstrap interval, then one column per comparison with the paired difference (B − A),
 * its interval and Holm-adjusted p-value, and macro-F1 / macro-AUROC rows; with several seeds also
 * the mean and standard deviation over seeds. Written as report.md, report.html
 * and summary.json; {@link #table()} is the plain-text form printed by {@code ecg experiment}. The
 * pictures — per-finding F1 bars with their 95 % intervals, and a forest plot of each comparison's paired
 * differences with Holm-adjusted p-values — are inline in report.html and beside it as PNG files. An
 * experiment that holds findings out also gets the zero-shot section ({@link ZeroShotSection}).
 * Nothing time-dependent goes in, so the same runs give the same files.
 */
final class ExperimentReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentPlan plan;
    private final TestSplit test;
    private final List<RunOutcome> runs;
    private final List<ComparisonOutcome> comparisons;
    private final ZeroShotSection zeroShot;

    ExperimentReport(ExperimentPlan plan, TestSplit test, List<RunOutcome> runs, List<ComparisonOutcome> comparisons) {
        this.plan = plan;
        this.test = test;
        this.runs = runs;
        this.comparisons = comparisons;
        this.zeroShot = new ZeroShotSection(plan, runs);
    }

    /** The plain-text tables, with a heading line per table. */
    String table() {
        StringBuilder sb = new StringBuilder(intro()).append('\n');
        for (long seed : plan.seeds()) {
            sb.append('\n').append(seedHeading(seed)).append('\n').append(perSeed(seed).text());
        }
        if (plan.seeds().size() > 1) {
            sb.append('\n').append(meanHeading()).append('\n').append(overSeeds().text());
        }
        sb.append(challenge().text());
        sb.append(zeroShot().text());
        return sb.toString();
    }

    /** The zero-shot section (experiments that hold findings out; empty otherwise). */
    private ZeroShotSection zeroShot() {
        return zeroShot;
    }

    /** The Challenge score section (CinC data only; empty otherwise). */
    private ChallengeSection challenge() {
        return new ChallengeSection(plan, runs, comparisons);
    }

    /** Writes report.md, report.html and summary.json into the experiment folder. */
    List<Path> write() {
        Path md = plan.out().resolve("report.md");
        Path html = plan.out().resolve("report.html");
        Path json = plan.out().resolve("summary.json");
        AtomicFiles.writeString(md, markdown());
        AtomicFiles.writeString(html, html());
        AtomicFiles.writeString(json, ExperimentRunner.json(summary()));
        List<Path> files = new ArrayList<>(List.of(md, html, json));
        files.addAll(pictures());
        return files;
    }

    private String intro() {
        return String.format(Locale.ROOT, "%s: per-finding F1 on test folds %s (%d records), %s; %.0f%% bootstrap "
                        + "CIs by record (%d resamples, seed %d); columns 'B - A' are paired bootstrap differences with p-values "
                        + "(Holm-adjusted across findings; unadjusted for the averages).",
                plan.name(), test.folds(), test.size(), plan.thresholds().describe(), 100 * plan.level(),
                plan.bootstrap(), plan.bootstrapSeed());
    }

    private static String seedHeading(long seed) {
        return "Training seed " + seed + ":";
    }

    /** A heading without the colon the plain-text form ends it with. */
    private static String heading(String line) {
        return line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
    }

    private String meanHeading() {
        return "Mean ± standard deviation over seeds " + plan.seeds() + ":";
    }

    private ResultTable perSeed(long seed) {
        List<String> header = new ArrayList<>(List.of("finding", "n"));
        plan.variants().forEach(v -> header.add(v.name()));
        List<ComparisonOutcome> cs = comparisons.stream().filter(c -> c.seed() == seed).toList();
        cs.forEach(c -> header.add(c.pair().b() + " - " + c.pair().a()));
        ResultTable t = new ResultTable(header);
        List<RunOutcome> rs = plan.variants().stream().map(v -> run(v.name(), seed)).toList();
        Evaluation first = rs.get(0).test();
        for (String code : first.codes()) {
            List<String> row = new ArrayList<>(List.of(code, Long.toString(first.finding(code).support())));
            rs.forEach(r -> row.add(withCi(r.test().finding(code).f1(), r.test().interval(code, Metric.F1)
                    .orElse(null))));
            cs.forEach(c -> row.add(difference(c.comparison().difference(code, Metric.F1), true)));
            t.add(row);
        }
        for (Average a : List.of(Average.MACRO_F1, Average.MACRO_AUROC)) {
            List<String> row = new ArrayList<>(List.of(a.key().replace('_', ' '), Integer.toString(test.size())));
            rs.forEach(r -> row.add(withCi(r.test().average(a), r.test().interval(a).orElse(null))));
            cs.forEach(c -> row.add(difference(c.comparison().average(a), false)));
            t.add(row);
        }
        return t;
    }

    private ResultTable overSeeds() {
        List<String> header = new ArrayList<>(List.of("finding", "n"));
        plan.variants().forEach(v -> header.add(v.name()));
        plan.comparisons().forEach(c -> header.add(c.b() + " - " + c.a()));
        ResultTable t = new ResultTable(header);
        Evaluation first = runs.get(0).test();
        List<String> rows = new ArrayList<>(first.codes());
        rows.add(Average.MACRO_F1.key());
        rows.add(Average.MACRO_AUROC.key());
        for (String row : rows) {
            boolean average = row.equals(Average.MACRO_F1.key()) || row.equals(Average.MACRO_AUROC.key());
            List<String> cells = new ArrayList<>(List.of(average ? row.replace('_', ' ') : row,
                    average ? Integer.toString(test.size()) : Long.toString(first.finding(row).support())));
            for (ExperimentPlan.Variant v : plan.variants()) {
                cells.add(meanSd(plan.seeds().stream().mapToDouble(s -> value(run(v.name(), s).test(), row)).toArray()));
            }
            for (ExperimentPlan.Comparison c : plan.comparisons()) {
                cells.add(meanSd(plan.seeds().stream().mapToDouble(s -> value(run(c.b(), s).test(), row)
                        - value(run(c.a(), s).test(), row)).toArray()));
            }
            t.add(cells);
        }
        return t;
    }

    private static double value(Evaluation e, String row) {
        return row.equals(Average.MACRO_F1.key()) ? e.macroF1()
                : row.equals(Average.MACRO_AUROC.key()) ? e.macroAuroc() : e.finding(row).f1();
    }

    private String markdown() {
        StringBuilder sb = new StringBuilder("# Experiment: ").append(plan.name()).append("\n\n").append(intro())
                .append("\n\n");
        for (long seed : plan.seeds()) {
            sb.append("## ").append(heading(seedHeading(seed))).append("\n\n").append(perSeed(seed).markdown()).append('\n');
        }
        if (plan.seeds().size() > 1) {
            sb.append("## ").append(heading(meanHeading())).append("\n\n").append(overSeeds().markdown()).append('\n');
        }
        sb.append(challenge().markdown());
        sb.append(zeroShot().markdown());
        sb.append("## Files\n\n");
        for (RunOutcome r : runs) {
            sb.append(String.format(Locale.ROOT, "- %s, seed %d: run folder `%s`, test evaluation `%s`%n",
                    r.variant(), r.seed(), rel(r.folder()), rel(r.testFolder().resolve("report.md"))));
        }
        for (ComparisonOutcome c : comparisons) {
            sb.append(String.format(Locale.ROOT, "- %s vs %s, seed %d: `%s`%n", c.pair().b(), c.pair().a(),
                    c.seed(), rel(c.folder().resolve("report.md"))));
        }
        return sb.toString();
    }

    private String html() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(ResultTable.escape(plan.name())).append("</title><style>body{font-family:sans-serif;"
                        + "margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid "
                        + "#ccc;padding:3px 8px}td.n{text-align:right;font-variant-numeric:tabular-nums}"
                        + "th{background:#f0f3f8}img{max-width:100%}</style></head><body>\n<h1>Experiment: ")
                .append(ResultTable.escape(plan.name())).append("</h1>\n<p>").append(ResultTable.escape(intro()))
                .append("</p>\n");
        for (long seed : plan.seeds()) {
            sb.append("<h2>").append(ResultTable.escape(heading(seedHeading(seed)))).append("</h2>\n")
                    .append(perSeed(seed).html());
            for (byte[] chart : ExperimentPictures.f1Charts(plan, runsOf(seed), seed)) {
                sb.append(image("per-finding F1 with 95% intervals", chart));
            }
            for (ComparisonOutcome c : comparisonsOf(seed)) {
                sb.append(image("paired differences " + c.pair().b() + " - " + c.pair().a(),
                        ExperimentPictures.forest(c)));
            }
        }
        if (plan.seeds().size() > 1) {
            sb.append("<h2>").append(ResultTable.escape(heading(meanHeading()))).append("</h2>\n").append(overSeeds().html());
        }
        sb.append(challenge().html());
        sb.append(zeroShot().html());
        sb.append("<h2>Files</h2>\n<ul>\n");
        for (RunOutcome r : runs) {
            String report = rel(r.testFolder().resolve("report.html"));
            sb.append("<li>").append(ResultTable.escape(r.variant() + ", seed " + r.seed())).append(": <a href=\"")
                    .append(ResultTable.escape(report)).append("\">test evaluation</a></li>\n");
        }
        for (ComparisonOutcome c : comparisons) {
            String report = rel(c.folder().resolve("report.html"));
            sb.append("<li>").append(ResultTable.escape(c.pair().b() + " vs " + c.pair().a() + ", seed " + c.seed()))
                    .append(": <a href=\"").append(ResultTable.escape(report)).append("\">paired comparison</a></li>\n");
        }
        return sb.append("</ul>\n</body></html>\n").toString();
    }

    /** The pictures as files beside the report: f1-seed-S.png and differences-A-vs-B-seed-S.png. */
    private List<Path> pictures() {
        List<Path> out = new ArrayList<>();
        for (long seed : plan.seeds()) {
            List<byte[]> charts = ExperimentPictures.f1Charts(plan, runsOf(seed), seed);
            for (int c = 0; c < charts.size(); c++) {
                Path f1 = plan.out().resolve("f1-seed-" + seed + (c == 0 ? "" : "-part" + (c + 1)) + ".png");
                AtomicFiles.writeBytes(f1, charts.get(c));
                out.add(f1);
            }
            for (ComparisonOutcome c : comparisonsOf(seed)) {
                Path forest = plan.out().resolve("differences-" + c.pair().folderName() + "-seed-" + seed + ".png");
                AtomicFiles.writeBytes(forest, ExperimentPictures.forest(c));
                out.add(forest);
            }
        }
        return out;
    }

    private List<RunOutcome> runsOf(long seed) {
        return plan.variants().stream().map(v -> run(v.name(), seed)).toList();
    }

    private List<ComparisonOutcome> comparisonsOf(long seed) {
        return comparisons.stream().filter(c -> c.seed() == seed).toList();
    }

    private static String image(String alt, byte[] png) {
        return "<img alt=\"" + ResultTable.escape(alt) + "\" src=\"data:image/png;base64,"
                + java.util.Base64.getEncoder().encodeToString(png) + "\">\n";
    }

    private ObjectNode summary() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", plan.name());
        ObjectNode t = root.putObject("test");
        t.set("folds", JSON.valueToTree(test.folds()));
        t.put("records", test.size());
        t.put("thresholds", plan.thresholds().describe());
        root.putObject("bootstrap").put("replicates", plan.bootstrap()).put("seed", plan.bootstrapSeed())
                .put("level", plan.level());
        ArrayNode rs = root.putArray("runs");
        for (RunOutcome r : runs) {
            ObjectNode n = rs.addObject().put("variant", r.variant()).put("seed", r.seed())
                    .put("folder", rel(r.folder())).put("test_metrics", rel(r.testFolder().resolve("metrics.json")));
            n.put("macro_f1", r.test().macroF1()).put("macro_auroc", r.test().macroAuroc());
            ObjectNode f1 = n.putObject("f1");
            for (String code : r.test().codes()) {
                ObjectNode cell = f1.putObject(code).put("value", r.test().finding(code).f1());
                r.test().interval(code, Metric.F1).ifPresent(ci -> cell.put("lower", ci.lower()).put("upper", ci.upper()));
            }
        }
        ArrayNode cs = root.putArray("comparisons");
        for (ComparisonOutcome c : comparisons) {
            ObjectNode n = cs.addObject().put("a", c.pair().a()).put("b", c.pair().b()).put("seed", c.seed())
                    .put("folder", rel(c.folder()));
            difference(n.putObject("macro_f1"), c.comparison().macroF1());
            ObjectNode f1 = n.putObject("f1");
            for (String code : c.comparison().codes()) {
                difference(f1.putObject(code), c.comparison().difference(code, Metric.F1));
            }
        }
        challenge().addTo(root);
        zeroShot().addTo(root);
        return root;
    }

    private static void difference(ObjectNode n, Difference d) {
        n.put("difference", d.estimate()).put("lower", d.lower()).put("upper", d.upper()).put("p", d.pValue());
        if (!Double.isNaN(d.adjustedP())) {
            n.put("p_holm", d.adjustedP());
        }
    }

    private RunOutcome run(String variant, long seed) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.seed() == seed).findFirst().orElseThrow();
    }

    private String rel(Path p) {
        return plan.out().toAbsolutePath().relativize(p.toAbsolutePath()).toString().replace('\\', '/');
    }

    static String withCi(double v, ConfidenceInterval ci) {
        String s = number(v);
        return ci == null ? s : s + " [" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
    }

    static String difference(Difference d, boolean holm) {
        double p = holm ? d.adjustedP() : d.pValue();
        return signed(d.estimate()) + " [" + signed(d.lower()) + ", " + signed(d.upper()) + "] p="
                + (Double.isNaN(p) ? "n/a" : String.format(Locale.ROOT, "%.3f", p));
    }

    static String meanSd(double[] values) {
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= values.length;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        double sd = values.length > 1 ? Math.sqrt(ss / (values.length - 1)) : 0;
        return number(mean) + " ± " + number(sd);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
    }
}
