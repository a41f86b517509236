package org.ecgsiglip.model.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.findings.FindingsVocabulary;

/**
 * The findings a zero-shot run keeps out of training ({@code held-out-findings}, or {@code held-out-count}
 * drawn with {@code held-out-seed}), resolved against the vocabulary. They stay in the vocabulary, so the
 * model scores them from their text; training never sees them: they are removed from every training
 * record's finding set (hence from the label matrix and from every text built from those sets), the
 * all-findings strategy gets no column for them, and a training record left with no finding is dropped
 * (a sample needs at least one finding to have a text). Validation selects the epoch and tunes thresholds
 * on the trained findings only.
 *
 * @param codes the held-out codes, in vocabulary order
 * @param indices the same as vocabulary indices
 * @param how "listed" or "drawn with held-out-seed N", for the provenance
 */
public record HeldOutFindings(List<String> codes, BitSet indices, String how) {
    /** Nothing held out. */
    public static final HeldOutFindings NONE = new HeldOutFindings(List.of(), new BitSet(), "none");

    public HeldOutFindings {
        codes = List.copyOf(codes);
        indices = (BitSet) indices.clone();
    }

    @Override
    public BitSet indices() {
        return (BitSet) indices.clone();
    }

    public boolean isEmpty() {
        return codes.isEmpty();
    }

    /**
     * The held-out findings {@code config} asks for in {@code vocabulary}; an unknown code, or a choice that
     * leaves no finding to train, is a typed error naming the option and the valid codes.
     */
    public static HeldOutFindings resolve(TrainConfig config, FindingsVocabulary vocabulary) {
        List<String> valid = vocabulary.codes();
        int k = valid.size();
        BitSet held = new BitSet(k);
        String how;
        if (!config.heldOutFindings().isEmpty()) {
            for (String code : config.heldOutFindings()) {
                int i = valid.indexOf(code);
                if (i < 0) {
                    throw new ConfigurationException("held-out-findings", "unknown finding '" + code + "': the "
                            + "vocabulary of this data has no such code", "hold out codes of the vocabulary: "
                            + String.join(", ", valid));
                }
                held.set(i);
            }
            how = "listed";
        } else if (config.heldOutCount() > 0) {
            if (config.heldOutCount() >= k) {
                throw new ConfigurationException("held-out-count", "holding out " + config.heldOutCount() + " of the "
                        + k + " findings leaves none to train", "hold out at most " + (k - 1) + " (the vocabulary: "
                        + String.join(", ", valid) + ")");
            }
            int[] order = new int[k];
            Arrays.setAll(order, i -> i);
            SplittableRandom rng = new SplittableRandom(config.heldOutSeed());
            for (int i = 0; i < config.heldOutCount(); i++) {
                int j = i + rng.nextInt(k - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                held.set(order[i]);
            }
            how = "drawn with held-out-seed " + config.heldOutSeed();
        } else {
            return NONE;
        }
        if (held.cardinality() >= k) {
            throw new ConfigurationException("held-out-findings", "every finding of the vocabulary is held out, none "
                    + "is left to train", "keep at least one of " + String.join(", ", valid) + " in training");
        }
        List<String> codes = new ArrayList<>();
        held.stream().forEach(i -> codes.add(valid.get(i)));
        return new HeldOutFindings(codes, held, how);
    }

    /** The vocabulary's codes that are trained, in vocabulary order. */
    public List<String> trainedCodes(FindingsVocabulary vocabulary) {
        return vocabulary.codes().stream().filter(c -> !codes.contains(c)).toList();
    }

    /** Each finding set without the held-out findings (the same arrays when nothing is held out). */
    public int[][] strip(int[][] sets) {
        if (isEmpty()) {
            return sets;
        }
        int[][] out = new int[sets.length][];
        for (int i = 0; i < sets.length; i++) {
            out[i] = Arrays.stream(sets[i]).filter(f -> !indices.get(f)).toArray();
        }
        return out;
    }

    /** The split with the training records that have no finding left in {@code strippedSets} removed. */
    public Split trainable(Split split, int[][] strippedSets) {
        if (isEmpty()) {
            return split;
        }
        int[] train = Arrays.stream(split.train()).filter(i -> strippedSets[i].length > 0).toArray();
        return new Split(train, split.validation(), split.test());
    }

    /** What the provenance records: the codes, how they were chosen, the trained codes, the records dropped. */
    public Map<String, Object> describe(FindingsVocabulary vocabulary, int trainRecords, int dropped) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("findings", codes);
        m.put("chosen", how);
        m.put("trained_findings", trainedCodes(vocabulary));
        m.put("train_records_kept", trainRecords);
        m.put("train_records_dropped_without_trained_finding", dropped);
        return m;
    }
}
