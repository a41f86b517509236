package org.ecgsiglip.model.text;

/**
 * A frozen pretrained sentence encoder: a text → an L2-normalised embedding. Implementations live in
 * optional modules and are found at run time with {@link java.util.ServiceLoader} (a module lists its
 * class in {@code META-INF/services/org.ecgsiglip.model.text.SentenceEncoder}); see
 * {@link TextEncoderKind#encoder(String, String)}. Constructing one must be cheap and must not load the model;
 * the model loads on the first {@link #embed(String)} or {@link #modelSha256()} call.
 *
 * <p>Contract: {@link #embed(String)} is a pure function of the text, bit for bit, across calls,
 * threads and JVM runs on one machine (each text is encoded on its own, so other texts cannot change
 * its floats), and is safe to call from several threads.
 */
public interface SentenceEncoder {
    /** The {@code text-encoder} value this encoder serves, e.g. {@code minilm}. */
    String key();

    /** The pretrained model, e.g. {@code all-MiniLM-L6-v2}. */
    String modelName();

    /** Length of an embedding (known without loading the model). */
    int dimension();

    /** SHA-256 of the model's weights: embeddings cached by another model are refused. */
    String modelSha256();

    /** The embedding of {@code text}, of length {@link #dimension()} and unit L2 norm. */
    float[] embed(String text);
}
