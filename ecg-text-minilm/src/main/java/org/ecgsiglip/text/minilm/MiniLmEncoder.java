package org.ecgsiglip.text.minilm;

import org.ecgsiglip.model.text.SentenceEncoder;

/**
 * The {@code minilm} sentence encoder: all-MiniLM-L6-v2 (sentence-transformers, 6 layers, 384-d), frozen,
 * on the CPU through ONNX Runtime. Found by ecg-model with {@link java.util.ServiceLoader}; constructing
 * it costs nothing, the model loads on the first {@link #embed} or {@link #modelSha256()} of the JVM
 * (see {@link MiniLmModel} for the embedding's definition and its determinism).
 */
public final class MiniLmEncoder implements SentenceEncoder {
    public static final String KEY = "minilm";
    public static final String MODEL = "all-MiniLM-L6-v2";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String modelName() {
        return MODEL;
    }

    @Override
    public int dimension() {
        return MiniLmModel.DIMENSION;
    }

    @Override
    public String modelSha256() {
        return MiniLmModel.shared().sha256();
    }

    @Override
    public float[] embed(String text) {
        return MiniLmModel.shared().embed(text);
    }

    /** Seconds this JVM took to load the model (loading it now if it has not been). */
    public double loadSeconds() {
        return MiniLmModel.shared().loadSeconds();
    }

    /** The wordpieces {@code text} becomes, with [CLS] and [SEP]. */
    public String[] tokens(String text) {
        return MiniLmModel.shared().tokens(text);
    }
}
