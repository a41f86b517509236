package org.ecgsiglip.model.train;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.DidYouMean;
import org.ecgsiglip.io.util.JsonFiles;

/**
 * Resolves a {@link TrainConfig}: the defaults, overlaid by a JSON file, overlaid by flags (or values
 * given from code). Every value is checked by its declaration ({@link TrainConfig}'s {@link Setting}s):
 * whole numbers must be whole ({@code "epochs": 1.5} fails), numbers must be finite and in range,
 * {@code null} only where "none" is a choice; a key given twice in one file, an unknown key (named with
 * the closest known one) and a wrong type are typed errors naming the file and the key.
 */
public final class ConfigFiles {
    /** The schema of every training option. */
    public static final ConfigSchema<TrainConfig> SCHEMA = ConfigSchema.of(TrainConfig.class);

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConfigFiles() {
    }

    /** The defaults as a JSON object. */
    public static ObjectNode defaults() {
        return SCHEMA.defaults();
    }

    /**
     * Defaults ← {@code file} (may be null) ← {@code overrides} (key → value; nulls ignored; a String is
     * read as a flag's text, anything else as a JSON value). Relative paths in the file are taken from
     * the file's folder.
     */
    public static TrainConfig resolve(Path file, Map<String, ?> overrides) {
        ObjectNode tree = defaults();
        if (file != null) {
            JsonNode fromFile = readTree(file);
            if (!fromFile.isObject()) {
                throw new EcgException(file, null, "a configuration must be a JSON object", "write {\"epochs\": 10, ...}");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = fromFile.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!SCHEMA.has(e.getKey())) {
                    throw unknownKey(e.getKey(), file);
                }
                tree.set(e.getKey(), SCHEMA.fromFile(file, e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, ?> e : overrides.entrySet()) {
            if (e.getValue() != null) {
                if (!SCHEMA.has(e.getKey())) {
                    throw unknownKey(e.getKey(), null);
                }
                tree.set(e.getKey(), SCHEMA.fromObject(e.getKey(), e.getValue()));
            }
        }
        return SCHEMA.build(tree, file);
    }

    /** Reads a resolved configuration (e.g. a run folder's config.json). */
    public static TrainConfig read(Path file) {
        return resolve(file, Map.of());
    }

    /** Writes the resolved configuration, atomically. */
    public static void write(TrainConfig config, Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(toTree(config)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }

    public static ObjectNode toTree(TrainConfig config) {
        return SCHEMA.toTree(config);
    }

    /** The configuration with one more value set (checked like any other). */
    public static TrainConfig with(TrainConfig config, String key, Object value) {
        ObjectNode tree = toTree(config);
        tree.set(key, SCHEMA.fromObject(key, value));
        return SCHEMA.build(tree, null);
    }

    /** A configuration file is a few hundred bytes; anything over 1 MiB is not one. */
    static final long MAX_FILE_BYTES = 1L << 20;

    private static JsonNode readTree(Path file) {
        JsonNode n = JsonFiles.readTree(file, MAX_FILE_BYTES, "configuration file", JSON,
                "check the path of the configuration", "", "fix the JSON syntax (each key once)", EcgException::new);
        if (n == null || n.isMissingNode()) {
            throw new EcgException(file, null, "the file is empty", "write a JSON object, e.g. {\"epochs\": 10}");
        }
        return n;
    }

    private static EcgException unknownKey(String key, Path file) {
        String fix = "did you mean '" + DidYouMean.closest(key, SCHEMA.keys()) + "'? Known keys: "
                + String.join(", ", SCHEMA.keys());
        return file == null ? new ConfigurationException(key, "unknown configuration key " + Where.quote(key), fix)
                : new EcgException(file, "key " + Where.quote(key), "unknown configuration key", fix);
    }
}
