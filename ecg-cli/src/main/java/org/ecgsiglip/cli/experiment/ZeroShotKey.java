package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.util.DidYouMean;
import org.ecgsiglip.model.train.TrainConfig;

/**
 * The experiment file's zero-shot parts: the {@code "zero-shot"} key ({@code {"held-out": NAME, "trained":
 * VARIANT}} or a list of such) and the vocabulary that {@code "held-out-findings": "each"} expands over and
 * listed held-out codes are checked against (read from the dataset's tables once, only when needed).
 */
final class ZeroShotKey {
    private static final List<String> KEYS = List.of("held-out", "trained");

    private ZeroShotKey() {
    }

    /** The dataset's finding codes, loaded at most once per experiment file. */
    static final class Vocabulary {
        private final Path file;
        private List<String> codes;

        Vocabulary(Path file) {
            this.file = file;
        }

        List<String> codes(TrainConfig config, String where) {
            if (codes == null) {
                codes = ExperimentFiles.wrap(file, where, () -> config.dataSpec().source().load().vocabulary().codes());
            }
            return codes;
        }

        /** A listed held-out code that the data has no finding for fails here, before any training. */
        void check(TrainConfig config, String where) {
            List<String> valid = codes(config, where);
            for (String code : config.heldOutFindings()) {
                if (!valid.contains(code)) {
                    throw new ExperimentException(file, where + ", key 'held-out-findings'", "unknown finding '" + code
                            + "': the vocabulary of this data has no such code", "hold out codes of the vocabulary: "
                            + String.join(", ", valid) + " (or \"" + ExperimentFiles.EACH + "\" for one run per finding)");
                }
            }
        }
    }

    /**
     * The zero-shot sections. Without the key: one per held-out variant or expanded group, without a reference.
     *
     * @param groups names expanded by {@code "each"} → the variants they became
     */
    static List<ExperimentPlan.ZeroShot> read(Path file, JsonNode node, List<ExperimentPlan.Variant> variants,
                                              Map<String, List<String>> groups) {
        List<ExperimentPlan.ZeroShot> out = new ArrayList<>();
        if (node == null) {
            List<String> grouped = groups.values().stream().flatMap(List::stream).toList();
            groups.forEach((name, members) -> out.add(new ExperimentPlan.ZeroShot(name, members, null)));
            for (ExperimentPlan.Variant v : variants) {
                if (v.config().holdsOut() && !grouped.contains(v.name())) {
                    out.add(new ExperimentPlan.ZeroShot(v.name(), List.of(v.name()), null));
                }
            }
            return out;
        }
        List<JsonNode> entries = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(entries::add);
        } else {
            entries.add(node);
        }
        String example = "write \"zero-shot\": {\"held-out\": \"VARIANT\", \"trained\": \"VARIANT\"} (\"trained\" optional), "
                + "or a list of such";
        if (entries.isEmpty()) {
            throw new ExperimentException(file, "key 'zero-shot'", "an empty list", example);
        }
        List<String> names = variants.stream().map(ExperimentPlan.Variant::name).toList();
        List<String> known = new ArrayList<>(groups.keySet());
        known.addAll(names);
        for (JsonNode e : entries) {
            if (!e.isObject()) {
                throw new ExperimentException(file, "key 'zero-shot'", "each entry must be an object, not " + e, example);
            }
            for (String key : (Iterable<String>) e::fieldNames) {
                if (!KEYS.contains(key)) {
                    throw new ExperimentException(file, "key 'zero-shot', key '" + key + "'", "unknown key",
                            "did you mean '" + DidYouMean.closest(key, KEYS) + "'? " + example);
                }
            }
            JsonNode held = e.get("held-out");
            if (held == null || !held.isTextual()) {
                throw new ExperimentException(file, "key 'zero-shot', key 'held-out'", "missing, or not a variant name",
                        example);
            }
            String name = held.asText();
            if (!known.contains(name)) {
                throw new ExperimentException(file, "key 'zero-shot', key 'held-out'", "no variant named '" + name + "'",
                        "did you mean '" + DidYouMean.closest(name, known) + "'? Variants: " + String.join(", ", known));
            }
            List<String> members = groups.getOrDefault(name, List.of(name));
            for (String m : members) {
                if (!variant(variants, m).config().holdsOut()) {
                    throw new ExperimentException(file, "key 'zero-shot', key 'held-out'", "variant '" + m + "' holds "
                            + "no finding out of training", "set \"held-out-findings\" (a list, or \"each\") or "
                            + "\"held-out-count\" in it");
                }
            }
            String trained = null;
            JsonNode t = e.get("trained");
            if (t != null && !t.isNull()) {
                if (!t.isTextual() || !names.contains(t.asText())) {
                    throw new ExperimentException(file, "key 'zero-shot', key 'trained'", "no variant named " + t,
                            "name a variant that trains every finding; variants: " + String.join(", ", names));
                }
                trained = t.asText();
                if (variant(variants, trained).config().holdsOut()) {
                    throw new ExperimentException(file, "key 'zero-shot', key 'trained'", "variant '" + trained
                            + "' holds findings out itself, so it is no trained reference",
                            "name a variant without held-out-findings and held-out-count");
                }
            }
            out.add(new ExperimentPlan.ZeroShot(name, members, trained));
        }
        return out;
    }

    private static ExperimentPlan.Variant variant(List<ExperimentPlan.Variant> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
    }
}
