package org.ecgsiglip.model.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.model.siglip.TextStrategy;

/**
 * Makes the text columns of a batch for a {@link TextStrategy}: the texts' features
 * [m × features dimension] and the finding sets they stand for [m × K].
 */
public final class TextColumns {
    /** Joins findings' texts in a report. */
    public static final String SEPARATOR = "; ";

    private final TextStrategy strategy;
    private final FindingsVocabulary vocabulary;
    private final TextFeatures tokenizer;
    private final BitSet excluded;
    private final BitSet heldOut;

    public TextColumns(TextStrategy strategy, FindingsVocabulary vocabulary, TextFeatures tokenizer, BitSet excluded) {
        this(strategy, vocabulary, tokenizer, excluded, new BitSet());
    }

    /**
     * @param heldOut findings no training column may stand for (zero-shot): the all-findings strategy leaves
     *     their columns out; the finding sets handed to {@link #make} must already be without them
     */
    public TextColumns(TextStrategy strategy, FindingsVocabulary vocabulary, TextFeatures tokenizer, BitSet excluded,
                       BitSet heldOut) {
        this.strategy = strategy;
        this.vocabulary = vocabulary;
        this.tokenizer = tokenizer;
        this.excluded = (BitSet) excluded.clone();
        this.heldOut = (BitSet) heldOut.clone();
    }

    /** Columns for samples with finding sets {@code sets}; {@code rng} shuffles report order and draws single findings. */
    public Columns make(int[][] sets, SplittableRandom rng) {
        int k = vocabulary.size();
        if (strategy == TextStrategy.ALL_FINDINGS) {
            return heldOut.isEmpty() ? vocabularyColumns() : columnsOf(trainedFindings());
        }
        int m = sets.length;
        int dim = tokenizer.dimension();
        float[] features = new float[m * dim];
        float[] hot = new float[m * k];
        List<String> texts = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            int[] set = sets[j];
            if (strategy == TextStrategy.REPORT) {
                List<String> parts = reportParts(set, rng);
                tokenizer.addReportFeatures(parts, features, j * dim);
                texts.add(String.join(SEPARATOR, parts));
                for (int f : set) {
                    hot[j * k + f] = 1f;
                }
            } else {
                int f = draw(set, rng);
                tokenizer.addFeatures(vocabulary.get(f).text(), features, j * dim);
                texts.add(vocabulary.get(f).text());
                hot[j * k + f] = 1f;
            }
        }
        return new Columns(m, dim, features, hot, texts);
    }

    /** How many columns a training batch has with {@code batchSize} samples. */
    public int trainingColumns(int batchSize) {
        return strategy == TextStrategy.ALL_FINDINGS ? vocabulary.size() - heldOut.cardinality() : batchSize;
    }

    private int[] trainedFindings() {
        return java.util.stream.IntStream.range(0, vocabulary.size()).filter(f -> !heldOut.get(f)).toArray();
    }

    /** One column per vocabulary finding (ALL_FINDINGS training, and zero-shot scoring). */
    public Columns vocabularyColumns() {
        return columnsOf(java.util.stream.IntStream.range(0, vocabulary.size()).toArray());
    }

    /** One column per finding of {@code findings} (vocabulary indices), in that order. */
    private Columns columnsOf(int[] findings) {
        int k = vocabulary.size();
        int m = findings.length;
        int dim = tokenizer.dimension();
        float[] features = new float[m * dim];
        float[] hot = new float[m * k];
        List<String> texts = new ArrayList<>(m);
        for (int j = 0; j < m; j++) {
            String text = vocabulary.get(findings[j]).text();
            tokenizer.addFeatures(text, features, j * dim);
            texts.add(text);
            hot[j * k + findings[j]] = 1f;
        }
        return new Columns(m, dim, features, hot, texts);
    }

    /** The findings' texts in an order drawn from {@code rng}. */
    List<String> reportParts(int[] set, SplittableRandom rng) {
        int[] order = set.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<String> parts = new ArrayList<>(order.length);
        for (int f : order) {
            parts.add(vocabulary.get(f).text());
        }
        return parts;
    }

    /** A finding drawn uniformly from the set, avoiding excluded findings when the set has others. */
    int draw(int[] set, SplittableRandom rng) {
        int eligible = 0;
        for (int f : set) {
            eligible += excluded.get(f) ? 0 : 1;
        }
        if (eligible == 0) {
            return set[rng.nextInt(set.length)];
        }
        int pick = rng.nextInt(eligible);
        for (int f : set) {
            if (!excluded.get(f) && pick-- == 0) {
                return f;
            }
        }
        throw new AssertionError();
    }

    /**
     * Text features [m × dim] and the finding sets the columns stand for [m × K], with the texts themselves
     * (for inspection; empty when not recorded).
     */
    public record Columns(int m, int dim, float[] features, float[] hot, List<String> texts) {
        public Columns {
            texts = List.copyOf(texts);
            if (!texts.isEmpty() && texts.size() != m) {
                throw new IllegalArgumentException(texts.size() + " texts for " + m + " columns");
            }
        }

        /** Without the texts. */
        public Columns(int m, int dim, float[] features, float[] hot) {
            this(m, dim, features, hot, List.of());
        }
    }
}
