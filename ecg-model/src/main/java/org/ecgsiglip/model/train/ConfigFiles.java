package org.ecgsiglip.model.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.DidYouMean;

/**
 * Resolves a {@link TrainConfig}: the defaults, overlaid by a JSON file, overlaid by flags. An
 * unknown key is an error that names the closest known key ("did you mean batch-size?").
 */
public final class ConfigFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(plainPaths())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private ConfigFiles() {
    }

    /** Paths as plain strings ("/data/ptb-xl"), not Jackson's default file: URIs, so configs stay editable. */
    private static SimpleModule plainPaths() {
        SimpleModule m = new SimpleModule("plain-paths");
        m.addSerializer(Path.class, new ToStringSerializer(Path.class));
        m.addDeserializer(Path.class, new FromStringDeserializer<Path>(Path.class) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Path _deserialize(String value, DeserializationContext ctxt) {
                return Path.of(value);
            }
        });
        return m;
    }

    /** The defaults as a JSON object (no data path). */
    public static ObjectNode defaults() {
        ObjectNode d = JSON.createObjectNode();
        d.putNull("ptbxl");
        d.put("level", "superdiagnostic");
        d.put("sampling-rate", 100);
        d.set("train-folds", JSON.valueToTree(List.of(1, 2, 3, 4, 5, 6, 7, 8)));
        d.set("validation-folds", JSON.valueToTree(List.of(9)));
        d.set("test-folds", JSON.valueToTree(List.of(10)));
        d.put("baseline", "none");
        d.put("label-matrix", "shared-finding");
        d.put("text", "report");
        d.set("exclude-from-collisions", JSON.createArrayNode());
        d.put("encoder", "resnet1d");
        d.put("encoder-width", 0);
        d.put("encoder-depth", 0);
        d.put("embedding-dim", 128);
        d.put("text-hidden", 256);
        d.put("epochs", 30);
        d.put("batch-size", 128);
        d.put("learning-rate", 1e-3);
        d.put("weight-decay", 0.01);
        d.put("warmup-fraction", 0.05);
        d.put("clip-norm", 1.0);
        d.put("amplitude-scale", 0.1);
        d.put("lead-dropout", 0.1);
        d.put("record-length", 1000);
        d.put("input-length", 1000);
        d.put("band-low", 0.5);
        d.put("band-high", 40.0);
        d.put("logit-bias-init", "auto");
        d.put("select-by", "macro_f1");
        d.put("seed", 42);
        d.put("device", "cpu");
        d.putNull("cache-dir");
        d.put("cache-precision", "float32");
        return d;
    }

    /**
     * Defaults ← {@code file} (may be null) ← {@code overrides} (flag name → value; nulls ignored).
     * Relative paths in the file are resolved against the file's folder.
     */
    public static TrainConfig resolve(Path file, Map<String, Object> overrides) {
        ObjectNode tree = defaults();
        if (file != null) {
            JsonNode fromFile = readTree(file);
            if (!fromFile.isObject()) {
                throw new EcgException(file, null, "a configuration must be a JSON object", "write {\"epochs\": 10, ...}");
            }
            checkKeys(fromFile, file);
            Path base = file.toAbsolutePath().getParent();
            fromFile.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if ((e.getKey().equals("ptbxl") || e.getKey().equals("cache-dir")) && v.isTextual()) {
                    v = JSON.getNodeFactory().textNode(base.resolve(v.asText()).normalize().toString());
                }
                tree.set(e.getKey(), v);
            });
        }
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            if (e.getValue() != null) {
                if (!tree.has(e.getKey())) {
                    throw unknownKey(e.getKey(), null);
                }
                tree.set(e.getKey(), JSON.valueToTree(e.getValue() instanceof Path p ? p.toString() : e.getValue()));
            }
        }
        return fromTree(tree, file);
    }

    /** Reads a resolved configuration (e.g. a run folder's config.json). */
    public static TrainConfig read(Path file) {
        return resolve(file, Map.of());
    }

    /** Writes the resolved configuration, atomically. */
    public static void write(TrainConfig config, Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(config) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("TrainConfig is always serialisable", e);
        }
    }

    public static ObjectNode toTree(TrainConfig config) {
        return JSON.valueToTree(config);
    }

    private static TrainConfig fromTree(ObjectNode tree, Path file) {
        try {
            return JSON.treeToValue(tree, TrainConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            if (cause instanceof EcgException ecg) {
                throw ecg;
            }
            String field = e.getOriginalMessage();
            throw new EcgException(file, null, "invalid value: " + field, "check the value's type (numbers "
                    + "unquoted, folds as a list like [1, 2])", e);
        }
    }

    private static JsonNode readTree(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EcgException(file, null, "configuration file not found", "check the path given to --config");
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new EcgException(file, "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr(), "not valid JSON: " + e.getOriginalMessage(), "fix the JSON syntax", e);
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read: " + e.getMessage(), "check permissions", e);
        }
    }

    private static void checkKeys(JsonNode node, Path file) {
        ObjectNode known = defaults();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.has(key)) {
                throw unknownKey(key, file);
            }
        }
    }

    private static EcgException unknownKey(String key, Path file) {
        List<String> keys = new ArrayList<>();
        defaults().fieldNames().forEachRemaining(keys::add);
        return new ConfigurationException(file == null ? key : file + ": key '" + key + "'",
                "unknown configuration key '" + key + "'", "did you mean '" + DidYouMean.closest(key, keys)
                        + "'? Known keys: " + String.join(", ", keys));
    }
}
