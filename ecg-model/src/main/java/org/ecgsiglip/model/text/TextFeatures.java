package org.ecgsiglip.model.text;

import java.util.List;

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

    /**
     * Writes the features of a report, the texts of a sample's findings in the order drawn, into {@code dst}
     * (zero) at {@code offset}: by default those of the texts joined with {@value TextColumns#SEPARATOR}.
     */
    default void addReportFeatures(List<String> findingTexts, float[] dst, int offset) {
        addFeatures(String.join(TextColumns.SEPARATOR, findingTexts), dst, offset);
    }

    /** The feature vector of one text. */
    default float[] features(String text) {
        float[] v = new float[dimension()];
        addFeatures(text, v, 0);
        return v;
    }
}
