package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.TrainConfig;

/**
 * A resolved experiment: variants of one base training configuration, each trained once per seed,
 * all scored on the same test folds, and the pairs of variants to compare. Read it with
 * {@link ExperimentFiles#read}; every configuration in it has already been validated.
 *
 * <p>Output layout under {@link #out()}:
 * <pre>
 *   experiment.json                       this plan, resolved
 *   test/truth.csv                        the test records' findings (shared by every run)
 *   runs/VARIANT/seed-S/                  a run folder (ecg train's layout) ...
 *   runs/VARIANT/seed-S/test/             ... with its test scores.csv, truth.csv and evaluation
 *   comparisons/A-vs-B/seed-S/            paired comparison of B against A (comparison.json, report.md/.html)
 *   report.md, report.html, summary.json  per-finding F1 of every variant with CIs, and the differences
 * </pre>
 *
 * @param file the experiment file it was read from
 * @param name a title for reports
 * @param variants the variants in file order
 * @param seeds training seeds; every variant is trained once per seed
 * @param comparisons pairs (reference A, candidate B); differences are B minus A
 * @param thresholds the decision rule used on the test folds
 * @param bootstrap resamples for the confidence intervals and paired comparisons
 * @param bootstrapSeed seed of those resamples
 * @param level confidence level of the intervals
 * @param out the experiment's output folder
 * @param zeroShot the zero-shot sections of the report: held-out variants and their trained references
 */
public record ExperimentPlan(Path file, String name, List<Variant> variants, List<Long> seeds,
                             List<Comparison> comparisons, ThresholdRule thresholds, int bootstrap,
                             long bootstrapSeed, double level, Path out, List<ZeroShot> zeroShot) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ExperimentPlan {
        variants = List.copyOf(variants);
        seeds = List.copyOf(seeds);
        comparisons = List.copyOf(comparisons);
        zeroShot = List.copyOf(zeroShot);
    }

    /**
     * One zero-shot section: the findings the {@code heldOut} variants kept out of training, scored on the test
     * folds from their text, beside the same findings' figures in {@code trained} (a variant that trained them).
     *
     * @param name the name given in the file: a variant, or a variant expanded by {@code "held-out-findings":
     *     "each"} into one variant per finding
     * @param heldOut the variants holding findings out
     * @param trained the reference variant, or null when the experiment names none
     */
    public record ZeroShot(String name, List<String> heldOut, String trained) {
        public ZeroShot {
            heldOut = List.copyOf(heldOut);
        }
    }

    /**
     * One variant: its own settings over the base, and the resolved configuration.
     *
     * @param settings the keys the variant sets itself (for reports)
     * @param config the resolved configuration with the first seed
     */
    public record Variant(String name, Map<String, JsonNode> settings, TrainConfig config) {
        public Variant {
            settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        }

        /** The configuration with another seed (everything else unchanged). */
        public TrainConfig config(long seed) {
            ObjectNode tree = ConfigFiles.toTree(config);
            tree.put("seed", seed);
            Map<String, Object> all = new LinkedHashMap<>();
            tree.properties().forEach(e -> all.put(e.getKey(), e.getValue()));
            return ConfigFiles.resolve(null, all);
        }
    }

    /** A compared pair: A is the reference, B the candidate; differences are B minus A. */
    public record Comparison(String a, String b) {
        /** The folder name, {@code A-vs-B}. */
        public String folderName() {
            return a + "-vs-" + b;
        }
    }

    /** A threshold for every finding, or each run's thresholds tuned for F1 on its validation folds. */
    public record ThresholdRule(OptionalDouble fixed) {
        public static ThresholdRule fixedAt(double t) {
            return new ThresholdRule(OptionalDouble.of(t));
        }

        public static ThresholdRule tuned() {
            return new ThresholdRule(OptionalDouble.empty());
        }

        public boolean isTuned() {
            return fixed.isEmpty();
        }

        /** In words, for reports. */
        public String describe() {
            return isTuned() ? "per-finding thresholds tuned for F1 on each run's validation folds"
                    : String.format(Locale.ROOT, "threshold %s for every finding", fixed.getAsDouble());
        }
    }

    /** The variant called {@code name}. */
    public Variant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant " + name));
    }

    /** The configuration every variant shares the data and test folds of (the first variant's). */
    public TrainConfig dataConfig() {
        return variants.get(0).config();
    }

    /** {@code out/runs/VARIANT/seed-S}. */
    public Path runFolder(Variant v, long seed) {
        return out.resolve("runs").resolve(v.name()).resolve("seed-" + seed);
    }

    /** {@code out/comparisons/A-vs-B/seed-S}. */
    public Path comparisonFolder(Comparison c, long seed) {
        return out.resolve("comparisons").resolve(c.folderName()).resolve("seed-" + seed);
    }

    /** The plan as JSON (written to {@code experiment.json}): every variant's resolved configuration included. */
    public ObjectNode toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("file", file.toAbsolutePath().normalize().toString());
        root.set("seeds", JSON.valueToTree(seeds));
        ObjectNode vs = root.putObject("variants");
        for (Variant v : variants) {
            ObjectNode node = vs.putObject(v.name());
            node.set("settings", JSON.valueToTree(v.settings()));
            ObjectNode resolved = ConfigFiles.toTree(v.config());
            resolved.remove("seed");
            node.set("config", resolved);
        }
        ArrayNode cs = root.putArray("comparisons");
        comparisons.forEach(c -> cs.addArray().add(c.a()).add(c.b()));
        if (thresholds.isTuned()) {
            root.put("thresholds", "tuned");
        } else {
            root.put("thresholds", thresholds.fixed().getAsDouble());
        }
        root.put("bootstrap", bootstrap);
        root.put("bootstrap-seed", bootstrapSeed);
        root.put("confidence-level", level);
        root.put("out", out.toAbsolutePath().normalize().toString());
        ArrayNode zs = root.putArray("zero-shot");
        for (ZeroShot z : zeroShot) {
            ObjectNode n = zs.addObject().put("held-out", z.name());
            n.set("variants", JSON.valueToTree(z.heldOut()));
            if (z.trained() != null) {
                n.put("trained", z.trained());
            }
        }
        return root;
    }
}
