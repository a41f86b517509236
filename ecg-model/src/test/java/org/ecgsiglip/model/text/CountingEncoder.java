package org.ecgsiglip.model.text;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in sentence encoder for tests of the caching around one (the real one lives in ecg-text-minilm
 * and is tested there): a text's embedding is made from its UTF-8 bytes, or is {@code fixed} when given;
 * it counts its calls.
 */
final class CountingEncoder implements SentenceEncoder {
    static final String SHA = "ab".repeat(32);
    final AtomicInteger calls = new AtomicInteger();
    private final int dimension;
    private final float[] fixed;

    CountingEncoder(int dimension) {
        this(dimension, null);
    }

    CountingEncoder(int dimension, float[] fixed) {
        this.dimension = dimension;
        this.fixed = fixed;
    }

    @Override
    public String key() {
        return "minilm";
    }

    @Override
    public String modelName() {
        return "counting";
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public String modelSha256() {
        return SHA;
    }

    @Override
    public float[] embed(String text) {
        calls.incrementAndGet();
        if (fixed != null) {
            return fixed.clone();
        }
        float[] v = new float[dimension];
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) {
            v[i % dimension] += (b[i] & 0xff) / 255f + 0.1f * i;
        }
        return v;
    }
}
