package org.ecgsiglip.model.text;

/**
 * What the trainable text tower reads: a text turned into a fixed-length float vector. Two kinds: the
 * {@link TextTokenizer}'s bag of words and character n-grams, learned from the vocabulary's texts, and
 * a frozen pretrained sentence encoder's embeddings ({@link SentenceFeatures}). A text's vector is a
 * pure function of the text: the same text gives the same floats, bit for bit.
 */
public interface TextFeatures {
    /** Length of a feature vector. */
    int dimension();

    /** Writes the features of {@code text} into {@code dst[offset .. offset + dimension())}, which must be zero. */
    void addFeatures(String text, float[] dst, int offset);

    /** The feature vector of one text. */
    default float[] features(String text) {
        float[] v = new float[dimension()];
        addFeatures(text, v, 0);
        return v;
    }
}
