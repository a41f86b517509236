package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.model.folder.RunDirectory;

/**
 * The experiment report's zero-shot section: per {@link ExperimentPlan.ZeroShot} and seed, each finding a
 * held-out variant kept out of training (as its run folder's provenance records), with its AUROC and F1 at
 * threshold 0.5 on the test folds — scored from its text alone — beside the same finding's AUROC and F1@0.5
 * in the trained reference variant, and the mean over those findings. The figures are computed from each
 * run's test {@code scores.csv} and {@code truth.csv} at the fixed threshold 0.5, whatever threshold rule the
 * rest of the report uses. Absent when the experiment holds nothing out.
 */
final class ZeroShotSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExperimentPlan plan;
    private final List<RunOutcome> runs;
    private final Map<RunOutcome, Evaluation> atHalf = new IdentityHashMap<>();

    /** One finding of one held-out run, and its trained reference (NaN without one). */
    record Row(String code, long support, String variant, double auroc, double f1, double trainedAuroc,
               double trainedF1) {
    }

    ZeroShotSection(ExperimentPlan plan, List<RunOutcome> runs) {
        this.plan = plan;
        this.runs = runs;
    }

    boolean present() {
        return !plan.zeroShot().isEmpty();
    }

    /** The rows of one section and seed. */
    List<Row> rows(ExperimentPlan.ZeroShot z, long seed) {
        List<Row> rows = new ArrayList<>();
        RunOutcome reference = z.trained() == null ? null : run(z.trained(), seed);
        for (String variant : z.heldOut()) {
            RunOutcome r = run(variant, seed);
            for (String code : heldOut(r)) {
                FindingMetrics m = evaluation(r).finding(code);
                FindingMetrics t = reference == null ? null : evaluation(reference).finding(code);
                rows.add(new Row(code, m.support(), variant, m.auroc(), m.f1(), t == null ? Double.NaN : t.auroc(),
                        t == null ? Double.NaN : t.f1()));
            }
        }
        return rows;
    }

    /** The findings a run held out, from its provenance. */
    static List<String> heldOut(RunOutcome r) {
        try {
            JsonNode p = JSON.readTree(new RunDirectory(r.folder()).provenance().toFile());
            List<String> codes = new ArrayList<>();
            p.path("held_out").path("findings").forEach(c -> codes.add(c.asText()));
            return codes;
        } catch (IOException e) {
            throw new ExperimentException(new RunDirectory(r.folder()).provenance(), null, "unreadable: "
                    + e.getMessage(), "delete the run folder to train it again", e);
        }
    }

    private Evaluation evaluation(RunOutcome r) {
        return atHalf.computeIfAbsent(r, k -> Evaluator.evaluate(MatrixCsv.readScores(k.scores()),
                MatrixCsv.readTruth(k.truth()), Thresholds.fixed(Thresholds.DEFAULT)));
    }

    private String heading(ExperimentPlan.ZeroShot z, long seed) {
        return String.format(Locale.ROOT, "Zero-shot, %s (seed %d): findings held out of training, scored on the "
                        + "test folds from their text alone; AUROC and F1 at 0.5%s:", z.name(), seed,
                z.trained() == null ? "" : ", beside the same findings trained in " + z.trained());
    }

    private ResultTable table(ExperimentPlan.ZeroShot z, long seed) {
        List<String> header = new ArrayList<>(List.of("finding", "n", "held out in", "AUROC", "F1@0.5"));
        if (z.trained() != null) {
            header.addAll(List.of("trained AUROC", "trained F1@0.5"));
        }
        ResultTable t = new ResultTable(header);
        List<Row> rows = rows(z, seed);
        for (Row r : rows) {
            List<String> cells = new ArrayList<>(List.of(r.code(), Long.toString(r.support()), r.variant(),
                    number(r.auroc()), number(r.f1())));
            if (z.trained() != null) {
                cells.addAll(List.of(number(r.trainedAuroc()), number(r.trainedF1())));
            }
            t.add(cells);
        }
        List<String> mean = new ArrayList<>(List.of("mean", Integer.toString(rows.size()) + " findings", "",
                number(mean(rows, Row::auroc)), number(mean(rows, Row::f1))));
        if (z.trained() != null) {
            mean.addAll(List.of(number(mean(rows, Row::trainedAuroc)), number(mean(rows, Row::trainedF1))));
        }
        t.add(mean);
        return t;
    }

    /** The mean of a column over the rows (NaN values, e.g. an AUROC without positives, left out). */
    static double mean(List<Row> rows, java.util.function.ToDoubleFunction<Row> column) {
        return rows.stream().mapToDouble(column).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (ExperimentPlan.ZeroShot z : plan.zeroShot()) {
            for (long seed : plan.seeds()) {
                sb.append('\n').append(heading(z, seed)).append('\n').append(table(z, seed).text());
            }
        }
        return sb.toString();
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        for (ExperimentPlan.ZeroShot z : plan.zeroShot()) {
            for (long seed : plan.seeds()) {
                String h = heading(z, seed);
                sb.append("## ").append(h, 0, h.length() - 1).append("\n\n").append(table(z, seed).markdown())
                        .append('\n');
            }
        }
        return sb.toString();
    }

    String html() {
        StringBuilder sb = new StringBuilder();
        for (ExperimentPlan.ZeroShot z : plan.zeroShot()) {
            for (long seed : plan.seeds()) {
                String h = heading(z, seed);
                sb.append("<h2>").append(ResultTable.escape(h.substring(0, h.length() - 1))).append("</h2>\n")
                        .append(table(z, seed).html());
            }
        }
        return sb.toString();
    }

    /** Adds {@code "zero_shot"} to summary.json when the experiment holds findings out. */
    void addTo(ObjectNode root) {
        if (!present()) {
            return;
        }
        ArrayNode out = root.putArray("zero_shot");
        for (ExperimentPlan.ZeroShot z : plan.zeroShot()) {
            for (long seed : plan.seeds()) {
                ObjectNode n = out.addObject().put("held_out", z.name()).put("seed", seed);
                if (z.trained() != null) {
                    n.put("trained", z.trained());
                }
                List<Row> rows = rows(z, seed);
                ArrayNode fs = n.putArray("findings");
                for (Row r : rows) {
                    ObjectNode f = fs.addObject().put("code", r.code()).put("n", r.support()).put("variant", r.variant());
                    put(f, "auroc", r.auroc());
                    put(f, "f1_at_0.5", r.f1());
                    if (z.trained() != null) {
                        put(f, "trained_auroc", r.trainedAuroc());
                        put(f, "trained_f1_at_0.5", r.trainedF1());
                    }
                }
                ObjectNode m = n.putObject("mean");
                put(m, "auroc", mean(rows, Row::auroc));
                put(m, "f1_at_0.5", mean(rows, Row::f1));
                if (z.trained() != null) {
                    put(m, "trained_auroc", mean(rows, Row::trainedAuroc));
                    put(m, "trained_f1_at_0.5", mean(rows, Row::trainedF1));
                }
            }
        }
    }

    private static void put(ObjectNode n, String key, double v) {
        if (Double.isNaN(v)) {
            n.putNull(key);
        } else {
            n.put(key, v);
        }
    }

    private RunOutcome run(String variant, long seed) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.seed() == seed).findFirst().orElseThrow();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
