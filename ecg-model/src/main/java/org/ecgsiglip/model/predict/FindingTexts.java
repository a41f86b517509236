package org.ecgsiglip.model.predict;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.Quote;
import org.ecgsiglip.io.util.JsonFiles;

/**
 * Findings given as texts, to be scored by a SigLIP model without retraining ({@code ecg predict --findings
 * FILE}): a JSON object of code → text, in file order, e.g.
 * <pre>{"LBBB": "complete left bundle branch block", "NORM": "normal ECG"}</pre>
 * A code need not be in the model's vocabulary (a new finding); one that is is scored from the text given
 * here, not from the model's own. Codes are non-blank and unique, texts are non-blank strings.
 *
 * @param texts code → text, in file order
 */
public record FindingTexts(Map<String, String> texts) {
    /** Largest file read, 4 MiB. */
    public static final long MAX_FILE_BYTES = 4L << 20;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final String FIX = "write a JSON object of finding code to text, e.g. {\"LBBB\": \"complete left "
            + "bundle branch block\"}";

    public FindingTexts {
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("no findings");
        }
        texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    public List<String> codes() {
        return new ArrayList<>(texts.keySet());
    }

    public List<String> textList() {
        return new ArrayList<>(texts.values());
    }

    /** Reads and checks {@code file}; every problem is an {@link EcgException} naming the file and the field. */
    public static FindingTexts read(Path file) {
        JsonNode root = JsonFiles.readTree(file, MAX_FILE_BYTES, "findings file", JSON, "check the path of --findings",
                " (each code once)", FIX, EcgException::new);
        if (root == null || !root.isObject()) {
            throw new EcgException(file, null, "the findings file must be a JSON object of code to text"
                    + (root == null ? " (it is empty)" : ", not " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT)), FIX);
        }
        if (root.isEmpty()) {
            throw new EcgException(file, null, "the findings file names no finding", FIX);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.properties()) {
            String code = e.getKey();
            String field = "field " + Quote.of(code);
            if (code.isBlank()) {
                throw new EcgException(file, "field \"\"", "a finding code is blank", "give every finding a code");
            }
            JsonNode v = e.getValue();
            if (!v.isTextual()) {
                throw new EcgException(file, field, "the text of finding " + Quote.of(code) + " is "
                        + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ", not a string", FIX);
            }
            if (v.asText().isBlank()) {
                throw new EcgException(file, field, "the text of finding " + Quote.of(code) + " is empty",
                        "describe the finding in words, e.g. \"complete left bundle branch block\"");
            }
            out.put(code, v.asText());
        }
        return new FindingTexts(out);
    }
}
