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

    public TextColumns(TextStrategy strategy, FindingsVocabulary vocabulary, TextFeatures tokenizer, BitSet excluded) {
        this.strategy = strategy;
        this.vocabulary = vocabulary;
        this.tokenizer = tokenizer;
        this.excluded = (BitSet) excluded.clone();
    }

    /** Columns for samples with finding sets {@code sets}; {@code rng} shuffles report order and draws single findings. */
    public Columns make(int[][] sets, SplittableRandom rng) {
        int k = vocabulary.size();
        if (strategy == TextStrategy.ALL_FINDINGS) {
            return vocabularyColumns();
        }
        int m = sets.length;
        int dim = tokenizer.dimension();
        float[] features = new float[m * dim];
        float[] hot = new float[m * k];
        for (int j = 0; j < m; j++) {
            int[] set = sets[j];
            if (strategy == TextStrategy.REPORT) {
                tokenizer.addReportFeatures(reportParts(set, rng), features, j * dim);
                for (int f : set) {
                    hot[j * k + f] = 1f;
                }
            } else {
                int f = draw(set, rng);
                tokenizer.addFeatures(vocabulary.get(f).text(), features, j * dim);
                hot[j * k + f] = 1f;
            }
        }
        return new Columns(m, dim, features, hot);
    }

    /** One column per vocabulary finding (ALL_FINDINGS training, and zero-shot scoring). */
    public Columns vocabularyColumns() {
        int k = vocabulary.size();
        int dim = tokenizer.dimension();
        float[] features = new float[k * dim];
        float[] hot = new float[k * k];
        for (int f = 0; f < k; f++) {
            tokenizer.addFeatures(vocabulary.get(f).text(), features, f * dim);
            hot[f * k + f] = 1f;
        }
        return new Columns(k, dim, features, hot);
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

    /** Text features [m × dim] and the finding sets the columns stand for [m × K]. */
    public record Columns(int m, int dim, float[] features, float[] hot) {
    }
}
