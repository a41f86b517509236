package org.ecgsiglip.model.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * Text features from a frozen pretrained {@link SentenceEncoder}: a text's features are its embedding.
 * Each distinct text is embedded once: the model's own finding texts when the model is made (kept with
 * it in {@code text-embeddings.json}, so that scoring its findings needs no encoder), any other text (a
 * new finding) the first time it is asked for, then memoised for the life of this object. The encoder is
 * looked up only then; when it is missing, or is another model than the one the kept embeddings came
 * from (its weights' SHA-256 differs), the text is refused with a {@link TextEncoderUnavailableException}.
 *
 * <p>A report (a sample's findings' texts, {@link #addReportFeatures}) is the mean of its findings'
 * embeddings, r = (1/|S|) Σ_{f∈S} e_f, not the embedding of the joined text: with REPORT texts each set
 * of findings would otherwise be embedded anew in every order it is drawn in (PTB-XL's 71 statements,
 * folds 1–8: 64,940 distinct joined texts over 30 epochs, 20–40 ms each on one core). The mean needs the
 * finding embeddings only, is the same in any order (summed in double, in sorted order), is e_f itself
 * for a single finding, and, like the n-gram bag of a report, averages its parts.
 *
 * <p>The file stores each embedding as its float32 values, little-endian, in base64: what is read back
 * is bit for bit what was embedded. Safe for concurrent use (batches are assembled on another thread).
 */
public final class SentenceFeatures implements TextFeatures {
    public static final String FORMAT = "ecg-siglip-text-embeddings/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final TextEncoderKind kind;
    private final String modelName;
    private final String modelSha256;
    private final int dimension;
    private final Map<String, float[]> kept;
    private final Map<String, float[]> memo = new ConcurrentHashMap<>();
    private SentenceEncoder encoder; // guarded by this; found when a text is not in memo

    private SentenceFeatures(TextEncoderKind kind, String modelName, String modelSha256, int dimension,
                             Map<String, float[]> kept, SentenceEncoder encoder) {
        this.kind = kind;
        this.modelName = modelName;
        this.modelSha256 = modelSha256;
        this.dimension = dimension;
        this.kept = kept;
        this.memo.putAll(kept);
        this.encoder = encoder;
    }

    /** Embeds the distinct {@code texts} with {@code encoder} now; they are the ones {@link #write} keeps. */
    public static SentenceFeatures embed(TextEncoderKind kind, SentenceEncoder encoder, Collection<String> texts) {
        Map<String, float[]> kept = new LinkedHashMap<>();
        for (String t : texts) {
            if (!kept.containsKey(t)) {
                kept.put(t, checked(encoder, t));
            }
        }
        return new SentenceFeatures(kind, encoder.modelName(), encoder.modelSha256(), encoder.dimension(), kept,
                encoder);
    }

    public TextEncoderKind kind() {
        return kind;
    }

    public String modelName() {
        return modelName;
    }

    /** SHA-256 of the encoder's weights that made these embeddings. */
    public String modelSha256() {
        return modelSha256;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** The texts whose embeddings {@link #write} keeps, in order. */
    public List<String> keptTexts() {
        return List.copyOf(kept.keySet());
    }

    /** How many distinct texts have an embedding here (kept and memoised). */
    public int distinctTexts() {
        return memo.size();
    }

    /** The embedding of {@code text} (a copy): kept, memoised, or made now by the encoder. */
    public float[] embedding(String text) {
        return lookup(text).clone();
    }

    @Override
    public void addFeatures(String text, float[] dst, int offset) {
        float[] v = lookup(text);
        for (int i = 0; i < dimension; i++) {
            dst[offset + i] += v[i];
        }
    }

    @Override
    public void addReportFeatures(List<String> findingTexts, float[] dst, int offset) {
        List<String> sorted = findingTexts.stream().sorted().toList();
        double[] sum = new double[dimension];
        for (String t : sorted) {
            float[] v = lookup(t);
            for (int i = 0; i < dimension; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < dimension; i++) {
            dst[offset + i] += (float) (sum[i] / sorted.size());
        }
    }

    private float[] lookup(String text) {
        float[] v = memo.get(text);
        if (v == null) {
            v = checked(encoder(text), text);
            float[] raced = memo.putIfAbsent(text, v);
            v = raced == null ? v : raced;
        }
        return v;
    }

    private synchronized SentenceEncoder encoder(String text) {
        if (encoder == null) {
            String shown = text.length() > 60 ? text.substring(0, 57) + "..." : text;
            SentenceEncoder found = kind.encoder("embedding the text '" + shown + "', which the model keeps no "
                    + "embedding for", "score only the model's own findings, whose embeddings it keeps");
            if (!found.modelSha256().equals(modelSha256) || found.dimension() != dimension) {
                throw new TextEncoderUnavailableException("the model's text embeddings were made by " + modelName
                        + " with weights of SHA-256 " + modelSha256.substring(0, 16) + "..., the encoder on the class "
                        + "path is " + found.modelName() + " with " + found.modelSha256().substring(0, 16) + "...",
                        "put the version of " + TextEncoderKind.MINILM_MODULE + " the model was trained with on the "
                                + "class path, or score only the model's own findings");
            }
            encoder = found;
        }
        return encoder;
    }

    private static float[] checked(SentenceEncoder encoder, String text) {
        float[] v = encoder.embed(text);
        if (v.length != encoder.dimension()) {
            throw new IllegalStateException(encoder.modelName() + " gave " + v.length + " values, not "
                    + encoder.dimension());
        }
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new IllegalStateException(encoder.modelName() + " gave a non-finite embedding");
            }
        }
        return v;
    }

    /** Writes the kept embeddings to {@code file} atomically. */
    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("encoder", kind.key());
        root.put("model", modelName);
        root.put("model_sha256", modelSha256);
        root.put("dimension", dimension);
        root.put("values", "float32, little-endian, base64");
        ArrayNode texts = root.putArray("texts");
        for (Map.Entry<String, float[]> e : kept.entrySet()) {
            ByteBuffer b = ByteBuffer.allocate(4 * dimension).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(e.getValue());
            texts.addObject().put("text", e.getKey()).put("embedding", Base64.getEncoder().encodeToString(b.array()));
        }
        AtomicFiles.writeString(file, JSON.writeValueAsString(root) + "\n");
    }

    /** Reads what {@link #write} wrote; a malformed file is a typed error naming the field. */
    public static SentenceFeatures read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read the text embeddings: " + e.getMessage(),
                    "point --model at a complete run folder written by 'ecg train'", e);
        }
        String fix = "restore the model's own text-embeddings.json, or retrain";
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new EcgException(file, "field format", "not text embeddings of format " + FORMAT, fix);
        }
        TextEncoderKind kind = TextEncoderKind.ofKey(root.path("encoder").asText());
        if (kind == null || kind == TextEncoderKind.NGRAM) {
            throw new EcgException(file, "field encoder", "unknown sentence encoder '" + root.path("encoder").asText()
                    + "'", fix);
        }
        int dim = root.path("dimension").asInt(0);
        String sha = root.path("model_sha256").asText("");
        if (dim < 1 || !sha.matches("[0-9a-f]{64}")) {
            throw new EcgException(file, "fields dimension, model_sha256", "need a positive dimension and a SHA-256",
                    fix);
        }
        Map<String, float[]> kept = new LinkedHashMap<>();
        JsonNode texts = root.path("texts");
        for (int i = 0; i < texts.size(); i++) {
            JsonNode t = texts.get(i);
            String where = "texts[" + i + "]";
            if (!t.path("text").isTextual() || !t.path("embedding").isTextual()) {
                throw new EcgException(file, where, "needs a text and an embedding", fix);
            }
            float[] v = decode(t.path("embedding").asText(), dim);
            if (v == null) {
                throw new EcgException(file, where, "the embedding is not " + dim + " finite float32 values in base64",
                        fix);
            }
            if (kept.put(t.path("text").asText(), v) != null) {
                throw new EcgException(file, where, "the text is listed twice", fix);
            }
        }
        return new SentenceFeatures(kind, root.path("model").asText(), sha, dim, kept, null);
    }

    private static float[] decode(String base64, int dim) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (bytes.length != 4 * dim) {
            return null;
        }
        float[] v = new float[dim];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return null;
            }
        }
        return v;
    }

    /** A description for provenance: encoder, model, weights' SHA-256, dimension, kept texts. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("encoder", kind.key());
        d.put("model", modelName);
        d.put("model_sha256", modelSha256);
        d.put("dimension", dimension);
        d.put("kept_texts", kept.size());
        return d;
    }
}
