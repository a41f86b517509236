package org.ecgsiglip.io.findings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.ecgsiglip.io.VocabularyException;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * A frozen, indexed list of findings: position {@code i} is column {@code i} of every label matrix
 * and score matrix built on it. Codes and equivalent codes are unique across the vocabulary. Saved
 * with every model as JSON ({@code {"format": "ecg-siglip-vocabulary/1", "findings": [...]}}); two
 * vocabularies are equal when they hold the same findings in the same order.
 */
public final class FindingsVocabulary {
    /** The JSON format tag written and required on reading. */
    public static final String FORMAT = "ecg-siglip-vocabulary/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<Finding> findings;
    private final Map<String, Integer> index;

    private FindingsVocabulary(List<Finding> findings, Path source) {
        this.findings = List.copyOf(findings);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < this.findings.size(); i++) {
            Finding f = this.findings.get(i);
            List<String> codes = new ArrayList<>(f.equivalentCodes());
            codes.add(0, f.code());
            for (String c : codes) {
                Integer prev = m.putIfAbsent(c, i);
                if (prev != null) {
                    throw new VocabularyException(source, "finding " + i, "code '" + c + "' appears twice (also at "
                            + prev + ")", "give every finding its own code");
                }
            }
        }
        this.index = Map.copyOf(m);
    }

    /** A vocabulary of these findings, in this order. */
    public static FindingsVocabulary of(List<Finding> findings) {
        return new FindingsVocabulary(findings, null);
    }

    /** Number of findings. */
    public int size() {
        return findings.size();
    }

    /** The finding at index {@code i}. */
    public Finding get(int i) {
        return findings.get(i);
    }

    /** All findings in order. */
    public List<Finding> findings() {
        return findings;
    }

    /** Canonical codes in order. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).toList();
    }

    /** Texts in order. */
    public List<String> texts() {
        return findings.stream().map(Finding::text).toList();
    }

    /** Index of a code (canonical or equivalent), if the vocabulary has it. */
    public OptionalInt find(String code) {
        Integer i = index.get(code);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }

    /** Index of a code (canonical or equivalent); a typed error naming the code when unknown. */
    public int indexOf(String code) {
        Integer i = index.get(code);
        if (i == null) {
            throw new VocabularyException(null, "finding code '" + code + "'", "unknown finding code '" + code
                    + "'; this vocabulary has " + size() + " findings: " + abbreviate(codes()),
                    "use a code of this vocabulary, or build the dataset with the vocabulary the model was trained with");
        }
        return i;
    }

    /** Writes the vocabulary as JSON, atomically. */
    public void write(Path json) {
        Map<String, Object> doc = new java.util.LinkedHashMap<>();
        doc.put("format", FORMAT);
        doc.put("findings", findings);
        try {
            AtomicFiles.writeString(json, JSON.writeValueAsString(doc) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("vocabulary cannot be rendered as JSON", e);
        }
    }

    /** Reads a vocabulary written by {@link #write(Path)}. */
    public static FindingsVocabulary read(Path json) {
        try (InputStream in = Files.newInputStream(json)) {
            return parse(in, json);
        } catch (NoSuchFileException e) {
            throw new VocabularyException(json, null, "vocabulary file not found",
                    "pass the vocabulary.json saved beside the model or dataset", e);
        } catch (IOException e) {
            throw new VocabularyException(json, null, "cannot read vocabulary: " + e.getMessage(),
                    "check the file's permissions", e);
        }
    }

    /**
     * A vocabulary shipped with the toolkit, e.g. {@code ptbxl-superdiagnostic} or
     * {@code cinc2021-scored} (see {@code org/ecgsiglip/io/findings/*.json}).
     */
    public static FindingsVocabulary resource(String name) {
        String path = name + ".json";
        try (InputStream in = FindingsVocabulary.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new VocabularyException(null, "resource " + path, "no frozen vocabulary named '" + name + "'",
                        "use one of ptbxl-all, ptbxl-diagnostic, ptbxl-subdiagnostic, ptbxl-superdiagnostic,"
                                + " ptbxl-form, ptbxl-rhythm, cinc2021-scored, cinc2021-all");
            }
            return parse(in, Path.of(path));
        } catch (IOException e) {
            throw new VocabularyException(null, "resource " + path, "cannot read: " + e.getMessage(), null, e);
        }
    }

    private static FindingsVocabulary parse(InputStream in, Path source) throws IOException {
        Doc doc;
        try {
            doc = JSON.readValue(in, Doc.class);
        } catch (JsonProcessingException e) {
            throw new VocabularyException(source, "line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()),
                    "not a vocabulary JSON: " + e.getOriginalMessage(), "pass a vocabulary.json written by the toolkit", e);
        }
        if (!FORMAT.equals(doc.format()) || doc.findings() == null) {
            throw new VocabularyException(source, "field format", "format is '" + doc.format() + "', expected '" + FORMAT
                    + "' with a findings list", "pass a vocabulary.json written by the toolkit");
        }
        try {
            return new FindingsVocabulary(doc.findings(), source);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new VocabularyException(source, "field findings", "invalid finding: " + e.getMessage(),
                    "every finding needs a code and a text", e);
        }
    }

    private record Doc(String format, List<Finding> findings) {
    }

    private static String abbreviate(List<String> codes) {
        return codes.size() <= 30 ? String.join(", ", codes) : String.join(", ", codes.subList(0, 30)) + ", ...";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FindingsVocabulary v && findings.equals(v.findings);
    }

    @Override
    public int hashCode() {
        return findings.hashCode();
    }

    @Override
    public String toString() {
        return "FindingsVocabulary" + codes();
    }
}
