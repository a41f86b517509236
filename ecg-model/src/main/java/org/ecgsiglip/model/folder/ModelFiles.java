package org.ecgsiglip.model.folder;

import org.ecgsiglip.model.core.ModelSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.model.text.TextTokenizer;

/** Reads and writes {@code model.json} (the {@link ModelSpec}) and {@code tokenizer.json}. */
public final class ModelFiles {
    public static final String FORMAT = "ecg-siglip-model/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelFiles() {
    }

    public static void writeSpec(ModelSpec spec, Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.set("spec", JSON.valueToTree(spec));
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    public static ModelSpec readSpec(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new EcgException(file, "field format", "not a model description of format " + FORMAT,
                        "point --model at a run folder written by 'ecg train'");
            }
            return JSON.treeToValue(root.get("spec"), ModelSpec.class);
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read the model description: " + e.getMessage(),
                    "point --model at a complete run folder written by 'ecg train'", e);
        }
    }

    public static TextTokenizer readTokenizer(Path file) {
        try {
            return JSON.readValue(file.toFile(), TextTokenizer.class);
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read the tokenizer: " + e.getMessage(),
                    "point --model at a complete run folder written by 'ecg train'", e);
        }
    }
}
