package org.ecgsiglip.model.text;

import java.util.Collection;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Which features the text tower reads (option {@code text-encoder}):
 * <ul>
 *   <li>{@link #NGRAM}: the {@link TextTokenizer}'s words and hashed character n-grams, learned from the
 *       vocabulary's texts; the tower's first layer learns their embeddings.</li>
 *   <li>{@link #MINILM}: the 384-d sentence embedding of the frozen pretrained all-MiniLM-L6-v2, from the
 *       optional module {@value #MINILM_MODULE}; only the tower above it trains.</li>
 * </ul>
 */
public enum TextEncoderKind {
    NGRAM,
    MINILM;

    /** The Maven module that provides {@link #MINILM}. */
    public static final String MINILM_MODULE = "org.ecgsiglip:ecg-text-minilm";

    /** The name in configurations and on the command line: {@code ngram}, {@code minilm}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose {@link #key()} is {@code key}, or null. */
    public static TextEncoderKind ofKey(String key) {
        for (TextEncoderKind k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    /**
     * The text features of a model over {@code texts} (the vocabulary's): a tokenizer learned from them,
     * or their sentence embeddings, computed now and kept with the model.
     */
    public TextFeatures forVocabulary(Collection<String> texts) {
        if (this == NGRAM) {
            return TextTokenizer.fromTexts(texts);
        }
        return SentenceFeatures.embed(this, encoder("training with --text-encoder " + key(), "use --text-encoder ngram"),
                texts);
    }

    /**
     * The sentence encoder of this kind found on the class path.
     *
     * @param purpose what it is needed for, for the error message
     * @param otherwise another way out, for the error message, or null
     * @throws TextEncoderUnavailableException when its module is not on the class path
     */
    public SentenceEncoder encoder(String purpose, String otherwise) {
        if (this == NGRAM) {
            throw new IllegalStateException("the n-gram tokenizer is not a sentence encoder");
        }
        for (SentenceEncoder e : ServiceLoader.load(SentenceEncoder.class)) {
            if (e.key().equals(key())) {
                return e;
            }
        }
        throw new TextEncoderUnavailableException("the " + key() + " sentence encoder is not on the class path ("
                + purpose + ")", "add the optional module " + MINILM_MODULE + " with its dependencies to the class path; "
                + "the ecg launcher adds it once built: ./mvnw -B -DskipTests -pl ecg-text-minilm -am package (about "
                + "195 MB of jars)" + (otherwise == null ? "" : ", or " + otherwise));
    }
}
