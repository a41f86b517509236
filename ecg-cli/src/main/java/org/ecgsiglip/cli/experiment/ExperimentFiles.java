package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.DidYouMean;
import org.ecgsiglip.io.util.JsonFiles;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.TrainConfig;

/**
 * Reads an experiment file (JSON) into an {@link ExperimentPlan}:
 * <pre>
 * {
 *   "name": "diagonal vs collision-aware SigLIP",
 *   "base": {"ptbxl": "data/ptb-xl-sample", "train-folds": [1,2,3,4,5,6,7], "validation-folds": [8],
 *            "test-folds": [9], "epochs": 10, "batch-size": 32},      (or a path to a configuration file)
 *   "variants": {"diagonal": {"label-matrix": "diagonal"}, "shared-finding": {}, "bce": {"baseline": "bce"}},
 *   "seeds": [42],                              (default: the base seed)
 *   "comparisons": [["diagonal", "shared-finding"]],   (default: every variant against the first)
 *   "thresholds": 0.5,                          (or "tuned": each run's validation-tuned thresholds)
 *   "bootstrap": 1000, "bootstrap-seed": 1, "confidence-level": 0.95,
 *   "out": "runs/experiment",                   (relative to the file; --out overrides it)
 *   "zero-shot": {"held-out": "loo", "trained": "shared-finding"}   (or a list of such; see below)
 * }
 * </pre>
 * Zero-shot: a variant (or the base) that sets {@code held-out-findings} or {@code held-out-count} trains
 * without those findings and is scored on them from their text; {@code "held-out-findings": "each"} expands a
 * variant into one variant per vocabulary finding, {@code NAME-CODE}, each holding that one finding out (leave
 * one out). {@code "zero-shot"} names which held-out variant (or expanded name) the report's zero-shot section
 * sets beside which variant that trained the findings; without it every held-out variant gets a section of
 * its own, without a reference.
 * Base and variant keys are those of {@code ecg train}'s configuration. Every variant shares the data
 * and the test folds, so a variant may not set {@link #SHARED}. Relative paths are taken from the
 * file's folder. Unknown keys and names fail with the closest known one.
 */
public final class ExperimentFiles {
    /** The keys an experiment file may hold. */
    public static final List<String> KEYS = List.of("name", "description", "base", "variants", "seeds",
            "comparisons", "thresholds", "bootstrap", "bootstrap-seed", "confidence-level", "out", "zero-shot");
    /** The value of {@code held-out-findings} that expands a variant into one per finding. */
    public static final String EACH = "each";
    /** Training keys every variant shares: the data, the test folds, and the seed (set "seeds" instead). */
    public static final Set<String> SHARED = Set.of("ptbxl", "level", "sampling-rate", "test-folds", "seed", "cinc",
            "cinc-unscored", "cinc-folds", "cinc-fold-seed", "split-file");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private ExperimentFiles() {
    }

    /**
     * @param trainOverrides training keys set on the command line for every variant (e.g. device); nulls ignored
     * @param outOverride the output folder from the command line, or null to use the file's "out"
     */
    public static ExperimentPlan read(Path file, Map<String, Object> trainOverrides, Path outOverride) {
        JsonNode root = readTree(file);
        if (!root.isObject()) {
            throw new ExperimentException(file, null, "an experiment file must be a JSON object",
                    "write {\"base\": {...}, \"variants\": {...}}");
        }
        checkKeys(file, "", root, KEYS);
        Path dir = file.toAbsolutePath().getParent();
        ObjectNode base = base(file, dir, root.get("base"));
        trainOverrides.forEach((k, v) -> {
            if (v != null) {
                base.set(k, JSON.valueToTree(v instanceof Path p ? p.toString() : v));
            }
        });
        Map<String, List<String>> groups = new LinkedHashMap<>();
        List<ExperimentPlan.Variant> variants = variants(file, base, root.get("variants"), groups);
        if (variants.get(0).config().ptbxl() == null && variants.get(0).config().cinc() == null) {
            throw new ExperimentException(file, "base, key 'ptbxl'", "no dataset given",
                    "set \"ptbxl\" in base (the folder with ptbxl_database.csv) or pass --ptbxl PATH; or set \"cinc\""
                            + " (a folder of CinC records)");
        }
        List<Long> seeds = seeds(file, root.get("seeds"), variants.get(0).config().seed());
        if (seeds.get(0) != variants.get(0).config().seed()) {
            List<ExperimentPlan.Variant> reseeded = new ArrayList<>();
            for (ExperimentPlan.Variant v : variants) {
                reseeded.add(new ExperimentPlan.Variant(v.name(), v.settings(), v.config(seeds.get(0))));
            }
            variants = reseeded;
        }
        if (variants.get(0).config().testFolds().isEmpty()) {
            throw new ExperimentException(file, "base, key 'test-folds'", "no test folds: the variants are compared "
                    + "on the test folds", "set \"test-folds\" in base, e.g. [9] for the shipped sample (folds 1-9)");
        }
        List<ExperimentPlan.Comparison> comparisons = comparisons(file, root.get("comparisons"), variants);
        List<ExperimentPlan.ZeroShot> zeroShot = ZeroShotKey.read(file, root.get("zero-shot"), variants, groups);
        ExperimentPlan.ThresholdRule thresholds = thresholds(file, root.get("thresholds"));
        int bootstrap = root.has("bootstrap") ? (int) integer(file, "bootstrap", root.get("bootstrap"), 1)
                : Bootstrap.DEFAULT_REPLICATES;
        long bootstrapSeed = root.has("bootstrap-seed")
                ? integer(file, "bootstrap-seed", root.get("bootstrap-seed"), Long.MIN_VALUE) : seeds.get(0);
        double level = Bootstrap.DEFAULT_LEVEL;
        if (root.has("confidence-level")) {
            JsonNode l = root.get("confidence-level");
            if (!l.isNumber() || !(l.asDouble() > 0 && l.asDouble() < 1)) {
                throw new ExperimentException(file, "key 'confidence-level'", "must be a number in (0, 1), not " + l,
                        "e.g. 0.95");
            }
            level = l.asDouble();
        }
        Path out = outOverride;
        if (out == null) {
            JsonNode o = root.get("out");
            if (o == null || !o.isTextual() || o.asText().isBlank()) {
                throw new ExperimentException(file, "key 'out'", "no output folder", "pass --out DIR or set \"out\"");
            }
            out = dir.resolve(o.asText()).normalize();
        }
        String name = root.hasNonNull("name") ? root.get("name").asText() : file.getFileName().toString();
        return new ExperimentPlan(file, name, variants, seeds, comparisons, thresholds, bootstrap, bootstrapSeed,
                level, out, zeroShot);
    }

    private static ObjectNode base(Path file, Path dir, JsonNode node) {
        if (node == null || node.isNull()) {
            return ConfigFiles.defaults();
        }
        if (node.isTextual()) {
            Path config = dir.resolve(node.asText()).normalize();
            return ConfigFiles.toTree(wrap(file, "key 'base'", () -> ConfigFiles.read(config)));
        }
        if (!node.isObject()) {
            throw new ExperimentException(file, "key 'base'", "must be an object of training settings or the path "
                    + "of a configuration file", "write \"base\": {\"ptbxl\": \"data/ptb-xl\", \"epochs\": 10}");
        }
        List<String> known = trainKeys();
        checkKeys(file, "base", node, known);
        ObjectNode base = ConfigFiles.defaults();
        node.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (List.of("ptbxl", "cache-dir", "cinc", "split-file").contains(e.getKey()) && v.isTextual()) {
                v = JSON.getNodeFactory().textNode(dir.resolve(v.asText()).normalize().toString());
            }
            base.set(e.getKey(), v);
        });
        return base;
    }

    private static List<ExperimentPlan.Variant> variants(Path file, ObjectNode base, JsonNode node,
                                                          Map<String, List<String>> groups) {
        ZeroShotKey.Vocabulary vocabulary = new ZeroShotKey.Vocabulary(file);
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw new ExperimentException(file, "key 'variants'", "no variants", "write \"variants\": "
                    + "{\"diagonal\": {\"label-matrix\": \"diagonal\"}, \"shared-finding\": {}}");
        }
        List<String> known = trainKeys();
        List<ExperimentPlan.Variant> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            String where = "variant '" + name + "'";
            if (!NAME.matcher(name).matches()) {
                throw new ExperimentException(file, where, "a variant name becomes a folder name, so it may hold "
                        + "only letters, digits, '.', '_' and '-'", "rename it, e.g. 'shared-finding'");
            }
            JsonNode settings = e.getValue();
            if (!settings.isObject()) {
                throw new ExperimentException(file, where, "must be an object of training settings",
                        "write {\"label-matrix\": \"diagonal\"} ({} for the base as it is)");
            }
            checkKeys(file, where, settings, known);
            Map<String, JsonNode> own = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> s : settings.properties()) {
                if (SHARED.contains(s.getKey())) {
                    throw new ExperimentException(file, where + ", key '" + s.getKey() + "'", "every variant must "
                            + "use the same data, test folds and seeds", s.getKey().equals("seed")
                            ? "list the seeds at the top level: \"seeds\": [1, 2, 3]" : "move it into \"base\"");
                }
                own.put(s.getKey(), s.getValue());
            }
            ObjectNode merged = base.deepCopy();
            own.forEach(merged::set);
            JsonNode held = merged.get("held-out-findings");
            if (held != null && held.isTextual() && held.asText().equals(EACH)) {
                // leave one out: one variant per finding of the vocabulary, NAME-CODE
                merged.set("held-out-findings", JSON.createArrayNode());
                TrainConfig plain = wrap(file, where, () -> ConfigFiles.resolve(null, fields(merged)));
                List<String> names = new ArrayList<>();
                for (String code : vocabulary.codes(plain, where)) {
                    String expanded = name + "-" + code.replaceAll("[^A-Za-z0-9._-]", "_");
                    Map<String, JsonNode> one = new LinkedHashMap<>(own);
                    one.put("held-out-findings", JSON.createArrayNode().add(code));
                    ObjectNode m = merged.deepCopy();
                    m.set("held-out-findings", one.get("held-out-findings"));
                    String at = "variant '" + name + "' (finding " + code + ")";
                    out.add(new ExperimentPlan.Variant(expanded, one, wrap(file, at,
                            () -> ConfigFiles.resolve(null, fields(m)))));
                    names.add(expanded);
                }
                groups.put(name, names);
                continue;
            }
            TrainConfig config = wrap(file, where, () -> ConfigFiles.resolve(null, fields(merged)));
            if (!config.heldOutFindings().isEmpty()) {
                vocabulary.check(config, where);
            }
            out.add(new ExperimentPlan.Variant(name, own, config));
        }
        Set<String> seen = new java.util.HashSet<>();
        for (ExperimentPlan.Variant v : out) {
            if (!seen.add(v.name())) {
                throw new ExperimentException(file, "variant '" + v.name() + "'", "two variants have this name (a "
                        + "\"held-out-findings\": \"each\" variant is expanded into NAME-CODE)", "rename one of them");
            }
        }
        return out;
    }

    private static Map<String, Object> fields(ObjectNode node) {
        Map<String, Object> all = new LinkedHashMap<>();
        node.properties().forEach(m -> all.put(m.getKey(), m.getValue()));
        return all;
    }

    private static List<Long> seeds(Path file, JsonNode node, long baseSeed) {
        if (node == null) {
            return List.of(baseSeed);
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new ExperimentException(file, "key 'seeds'", "must be a non-empty list of integers", "e.g. [1, 2, 3]");
        }
        Set<Long> seeds = new LinkedHashSet<>();
        for (JsonNode s : node) {
            if (!seeds.add(integer(file, "seeds", s, Long.MIN_VALUE))) {
                throw new ExperimentException(file, "key 'seeds'", "seed " + s + " is listed twice", "list each seed once");
            }
        }
        return List.copyOf(seeds);
    }

    private static List<ExperimentPlan.Comparison> comparisons(Path file, JsonNode node,
                                                                List<ExperimentPlan.Variant> variants) {
        List<String> names = variants.stream().map(ExperimentPlan.Variant::name).toList();
        List<ExperimentPlan.Comparison> out = new ArrayList<>();
        if (node == null) {
            for (int i = 1; i < names.size(); i++) {
                out.add(new ExperimentPlan.Comparison(names.get(0), names.get(i)));
            }
            return out;
        }
        if (!node.isArray()) {
            throw new ExperimentException(file, "key 'comparisons'", "must be a list of [A, B] pairs of variant names",
                    "e.g. [[\"diagonal\", \"shared-finding\"]]");
        }
        for (JsonNode pair : node) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw new ExperimentException(file, "key 'comparisons'", "each comparison must be a pair [A, B] of "
                        + "variant names, not " + pair, "e.g. [\"diagonal\", \"shared-finding\"]");
            }
            String a = pair.get(0).asText();
            String b = pair.get(1).asText();
            for (String n : List.of(a, b)) {
                if (!names.contains(n)) {
                    throw new ExperimentException(file, "key 'comparisons'", "no variant named '" + n + "'",
                            "did you mean '" + DidYouMean.closest(n, names) + "'? Variants: " + String.join(", ", names));
                }
            }
            if (a.equals(b)) {
                throw new ExperimentException(file, "key 'comparisons'", "variant '" + a + "' is compared with itself",
                        "compare two different variants");
            }
            out.add(new ExperimentPlan.Comparison(a, b));
        }
        return out;
    }

    private static ExperimentPlan.ThresholdRule thresholds(Path file, JsonNode node) {
        if (node == null) {
            return ExperimentPlan.ThresholdRule.fixedAt(0.5);
        }
        if (node.isTextual() && node.asText().equals("tuned")) {
            return ExperimentPlan.ThresholdRule.tuned();
        }
        double t = node.isNumber() ? node.asDouble() : Double.NaN;
        if (!(t > 0 && t <= 1)) {
            throw new ExperimentException(file, "key 'thresholds'", "must be a number in (0, 1] or \"tuned\", not "
                    + node, "use 0.5, or \"tuned\" for each run's thresholds tuned on its validation folds");
        }
        return ExperimentPlan.ThresholdRule.fixedAt(t);
    }

    private static long integer(Path file, String key, JsonNode node, long min) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < min) {
            throw new ExperimentException(file, "key '" + key + "'", "expected an integer"
                    + (min > Long.MIN_VALUE ? " of at least " + min : "") + ", got " + node, "write a number without quotes");
        }
        return node.asLong();
    }

    private static void checkKeys(Path file, String where, JsonNode node, List<String> known) {
        for (String key : (Iterable<String>) node::fieldNames) {
            if (!known.contains(key)) {
                String location = (where.isEmpty() ? "" : where + ", ") + "key '" + key + "'";
                throw new ExperimentException(file, location, "unknown key '" + key + "'", "did you mean '"
                        + DidYouMean.closest(key, known) + "'? Known keys: " + String.join(", ", known));
            }
        }
    }

    static List<String> trainKeys() {
        List<String> keys = new ArrayList<>();
        ConfigFiles.defaults().fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Runs {@code read}, re-raising a configuration error with the experiment file and the place in it. */
    static <T> T wrap(Path file, String where, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (EcgException e) {
            String location = where + (e.location() == null ? "" : ", " + e.location());
            String problem = e.file() == null ? e.problem() : e.file() + ": " + e.problem();
            throw new ExperimentException(file, location, problem, e.fix(), e);
        }
    }

    /** An experiment file is a few kilobytes; anything over 1 MiB is not one. */
    static final long MAX_FILE_BYTES = 1L << 20;

    private static JsonNode readTree(Path file) {
        return JsonFiles.readTree(file, MAX_FILE_BYTES, "experiment file", JSON, "check the path given to --config",
                "", "fix the JSON syntax", ExperimentException::new);
    }
}
