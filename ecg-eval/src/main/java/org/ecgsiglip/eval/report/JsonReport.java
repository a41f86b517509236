package org.ecgsiglip.eval.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ecgsiglip.eval.Average;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.FindingMetrics;
import org.ecgsiglip.eval.Metric;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.Provenance;

/**
 * The JSON form of evaluations (metrics.json) and comparisons (comparison.json). Undefined values
 * (NaN) are written as {@code null}; counts as integers; other numbers at full precision.
 *
 * <pre>
 * {"findings": [{"code", "support", "tp", "fp", "fn", "tn", "precision", "recall", "f1",
 *                "specificity", "auroc", "auprc", "threshold", "ci": {"f1": {"lower", "upper", ...}},
 *                "calibration": {"records", "positives", "mean_predicted", "observed_rate", "brier",
 *                                "ece": {"uniform_10", ...}, "mce": {...},
 *                                "reliability": {"uniform_10": {"edges": [...], "bins": [{"bin", "lower",
 *                                  "upper", "count", "mean_predicted", "observed_frequency"}]}, ...}}}],
 *  "averages": {"micro_f1", "macro_f1", "weighted_f1", "samples_f1", "macro_auroc", "macro_auprc", ...},
 *  "averages_ci": {...}, "bootstrap": {...}, "thresholds": {...},
 *  "calibration": {"headline_binning": "uniform_10", "binnings": [...], "macro_brier", "pooled_brier",
 *                  "macro_ece": {"uniform_10", ...}, "pooled_ece": {...}, "pooled": {like a finding's}},
 *  "provenance": {...}}
 * </pre>
 * Without calibration (scores outside [0, 1], or turned off) {@code "calibration"} is null and
 * {@code "calibration_note"} says why.
 */
public final class JsonReport {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static ObjectNode of(Evaluation e) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (int k = 0; k < e.perFinding().size(); k++) {
            FindingMetrics f = e.perFinding().get(k);
            ObjectNode row = findings.addObject();
            row.put("code", f.code());
            for (Metric m : Metric.values()) {
                put(row, m.key(), f.value(m), m.isCount());
            }
            put(row, "threshold", f.threshold(), false);
            int finding = k;
            e.calibration().ifPresent(c -> row.set("calibration", CalibrationSections.finding(c.perFinding().get(finding))));
            e.intervals().ifPresent(i -> {
                ObjectNode ci = row.putObject("ci");
                for (Metric m : Metric.values()) {
                    interval(ci.putObject(m.key()), i.of(finding, m));
                }
            });
        }
        ObjectNode avg = root.putObject("averages");
        for (Average a : Average.values()) {
            put(avg, a.key(), e.average(a), false);
        }
        e.intervals().ifPresent(i -> {
            ObjectNode ci = root.putObject("averages_ci");
            for (Average a : Average.values()) {
                interval(ci.putObject(a.key()), i.of(a));
            }
            bootstrap(root.putObject("bootstrap"), i.bootstrap());
        });
        root.set("thresholds", e.thresholds().toJson());
        e.calibration().ifPresentOrElse(c -> root.set("calibration", CalibrationSections.json(c)), () -> {
            root.putNull("calibration");
            root.put("calibration_note", CalibrationSections.ABSENT);
        });
        provenance(root.putObject("provenance"), e.provenance());
        return root;
    }

    public static ObjectNode of(PairedComparison c) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("difference", "b minus a");
        root.putObject("a").put("name", c.nameA()).set("metrics", of(c.a()));
        root.putObject("b").put("name", c.nameB()).set("metrics", of(c.b()));
        ObjectNode diff = root.putObject("differences");
        ArrayNode findings = diff.putArray("findings");
        List<String> codes = c.codes();
        for (int k = 0; k < codes.size(); k++) {
            ObjectNode row = findings.addObject();
            row.put("code", codes.get(k));
            row.put("support", c.a().perFinding().get(k).support());
            for (Metric m : PairedComparison.FINDING_METRICS) {
                difference(row.putObject(m.key()), c.perFinding(m).get(k));
            }
        }
        ObjectNode avg = diff.putObject("averages");
        for (Average a : Average.values()) {
            difference(avg.putObject(a.key()), c.average(a));
        }
        bootstrap(root.putObject("bootstrap"), c.bootstrap());
        provenance(root.putObject("provenance"), c.provenance());
        return root;
    }

    public static String toJson(Evaluation e) {
        return write(of(e));
    }

    public static String toJson(PairedComparison c) {
        return write(of(c));
    }

    private static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot render JSON", ex);
        }
    }

    private static void put(ObjectNode o, String key, double v, boolean integer) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else if (integer) {
            o.put(key, (long) v);
        } else {
            o.put(key, v == 0.0 ? 0.0 : v);
        }
    }

    private static void interval(ObjectNode o, ConfidenceInterval ci) {
        put(o, "lower", ci.lower(), false);
        put(o, "upper", ci.upper(), false);
        o.put("level", ci.level());
        o.put("replicates", ci.replicates());
    }

    private static void difference(ObjectNode o, Difference d) {
        put(o, "estimate", d.estimate(), false);
        put(o, "lower", d.lower(), false);
        put(o, "upper", d.upper(), false);
        o.put("level", d.level());
        put(o, "p", d.pValue(), false);
        put(o, "p_holm", d.adjustedP(), false);
        o.put("replicates", d.replicates());
    }

    private static void bootstrap(ObjectNode o, Bootstrap b) {
        o.put("replicates", b.replicates());
        o.put("seed", b.seed());
        o.put("level", b.level());
        o.put("unit", b.unit());
        if (b.isByGroup()) {
            o.put("groups", b.groups().values().stream().distinct().count());
        }
    }

    private static void provenance(ObjectNode o, Provenance p) {
        o.put("toolkit_version", p.toolkitVersion());
        ObjectNode inputs = o.putObject("inputs_sha256");
        p.inputs().forEach(inputs::put);
        o.put("records", p.records());
        o.put("thresholds", p.thresholds());
        o.put("decision_rule", p.decisionRule());
        o.put("zero_division", (int) p.zeroDivision().value());
        p.bootstrap().ifPresentOrElse(b -> {
            o.put("seed", b.seed());
            o.put("bootstrap_replicates", b.replicates());
            o.put("resampling", b.unit());
        }, () -> {
                o.putNull("seed");
                o.put("bootstrap_replicates", 0);
            });
        o.put("java", p.java());
    }
}
