package org.ecgsiglip.io.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a small JSON file whole with typed errors: the size cap, binary and non-UTF-8 checks of
 * {@link TextFiles}, "the WHAT does not exist" for a missing file, and a syntax error with its line
 * and column and at most 200 characters of the parser's message.
 */
public final class JsonFiles {
    private JsonFiles() {
    }

    /**
     * The file's JSON tree, as {@code json} parses it (null or a missing node for an empty file).
     *
     * @param what the kind of file in messages ("thresholds file")
     * @param pathFix the fix offered for a missing file
     * @param syntaxHint appended to a syntax error's problem ("" for none)
     * @param jsonFix the fix offered for a syntax error
     */
    public static JsonNode readTree(Path file, long maxBytes, String what, ObjectMapper json, String pathFix,
                                    String syntaxHint, String jsonFix, TextFiles.Failure failure) {
        String text;
        try {
            text = TextFiles.readUtf8(file, maxBytes, what, failure);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw failure.of(file, null, "the " + what + " does not exist", pathFix, e.getCause());
            }
            throw e;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? null : "line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw failure.of(file, where, "not valid JSON: " + Quote.head(e.getOriginalMessage(), 200) + syntaxHint,
                    jsonFix, e);
        }
    }
}
