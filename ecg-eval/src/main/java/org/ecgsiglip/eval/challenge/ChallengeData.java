package org.ecgsiglip.eval.challenge;

import java.util.Collection;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.ecgsiglip.eval.Decisions;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;

/**
 * The labels and the binary outputs of records over the scored classes of a {@link ChallengeWeights}
 * table, as the official evaluation reads them: a record has class {@code j} when any of its codes is
 * one of class {@code j}'s codes (so equivalent codes count once), outputs likewise (an output on any
 * code of a class is an output on the class); codes of no scored class, in labels or outputs, are
 * left out. Records with no scored label stay: they add nothing to any of the three scores, but they
 * count in resamples.
 */
public final class ChallengeData {
    private final ChallengeWeights weights;
    private final List<String> recordIds;
    private final boolean[][] labels;
    private final boolean[][] outputs;
    private final List<String> ignoredCodes;

    private ChallengeData(ChallengeWeights weights, List<String> recordIds, boolean[][] labels, boolean[][] outputs,
            Collection<String> ignoredCodes) {
        this.weights = weights;
        this.recordIds = List.copyOf(recordIds);
        this.labels = labels;
        this.outputs = outputs;
        this.ignoredCodes = List.copyOf(ignoredCodes);
        Set<String> seen = new HashSet<>();
        for (String id : this.recordIds) {
            if (!seen.add(id)) {
                throw new EvalInputException(null, "record " + id, "record '" + id + "' appears twice",
                        "give each record once");
            }
        }
    }

    /**
     * From code sets: {@code labelCodes.get(i)} and {@code outputCodes.get(i)} are record {@code i}'s
     * SNOMED-CT codes (the {@code #Dx} codes; the codes the classifier output as positive).
     */
    public static ChallengeData ofCodes(ChallengeWeights weights, List<String> recordIds,
            List<? extends Collection<String>> labelCodes, List<? extends Collection<String>> outputCodes) {
        if (labelCodes.size() != recordIds.size() || outputCodes.size() != recordIds.size()) {
            throw new IllegalArgumentException(recordIds.size() + " records, " + labelCodes.size() + " label sets, "
                    + outputCodes.size() + " output sets");
        }
        Set<String> ignored = new LinkedHashSet<>();
        int n = recordIds.size();
        boolean[][] l = new boolean[n][weights.size()];
        boolean[][] o = new boolean[n][weights.size()];
        for (int r = 0; r < n; r++) {
            mark(weights, labelCodes.get(r), l[r], ignored);
            mark(weights, outputCodes.get(r), o[r], ignored);
        }
        return new ChallengeData(weights, recordIds, l, o, ignored);
    }

    /**
     * From a truth matrix and a matrix of binary outputs whose columns are SNOMED-CT codes (e.g. the
     * {@code cinc2021-scored} vocabulary's codes). Columns of one class are OR-ed; columns of no
     * scored class are left out (see {@link #ignoredCodes()}). The outputs are aligned to the
     * truth's records by id.
     *
     * @throws EvalInputException when the two hold different records
     */
    public static ChallengeData of(ChallengeWeights weights, TruthMatrix truth, TruthMatrix outputs) {
        Set<String> ignored = new LinkedHashSet<>();
        boolean[][] l = byClass(weights, truth.values(), truth.codes(), ignored);
        boolean[][] o = byClass(weights, aligned(truth, outputs).values(), outputs.codes(), ignored);
        return new ChallengeData(weights, truth.recordIds(), l, o, ignored);
    }

    /** From scores, thresholded as ecg-eval thresholds them ({@code score >= threshold}, {@link Decisions}). */
    public static ChallengeData of(ChallengeWeights weights, TruthMatrix truth, ScoreMatrix scores,
            Thresholds thresholds) {
        TruthMatrix decided = new TruthMatrix(scores.recordIds(), scores.codes(),
                Decisions.predict(scores, thresholds, false));
        return of(weights, truth, decided);
    }

    private static TruthMatrix aligned(TruthMatrix truth, TruthMatrix outputs) {
        if (outputs.records() != truth.records()) {
            throw new EvalInputException(null, "records", "the truth has " + truth.records()
                    + " records but the outputs have " + outputs.records(), "give outputs for exactly the truth's records");
        }
        return outputs.alignTo(truth.recordIds(), outputs.codes());
    }

    private static boolean[][] byClass(ChallengeWeights w, boolean[][] v, List<String> codes, Set<String> ignored) {
        int[] cls = new int[codes.size()];
        for (int c = 0; c < cls.length; c++) {
            OptionalInt j = w.classOf(codes.get(c));
            cls[c] = j.orElse(-1);
            if (j.isEmpty()) {
                ignored.add(codes.get(c));
            }
        }
        boolean[][] out = new boolean[v.length][w.size()];
        for (int r = 0; r < v.length; r++) {
            for (int c = 0; c < cls.length; c++) {
                if (cls[c] >= 0 && v[r][c]) {
                    out[r][cls[c]] = true;
                }
            }
        }
        return out;
    }

    private static void mark(ChallengeWeights w, Collection<String> codes, boolean[] row, Set<String> ignored) {
        for (String code : codes) {
            OptionalInt j = w.classOf(code.strip());
            if (j.isPresent()) {
                row[j.getAsInt()] = true;
            } else {
                ignored.add(code.strip());
            }
        }
    }

    public ChallengeWeights weights() {
        return weights;
    }

    public List<String> recordIds() {
        return recordIds;
    }

    public int records() {
        return recordIds.size();
    }

    /** Whether record {@code r} is labelled with class {@code j}. */
    public boolean label(int r, int j) {
        return labels[r][j];
    }

    /** Whether the classifier output class {@code j} for record {@code r}. */
    public boolean output(int r, int j) {
        return outputs[r][j];
    }

    /** Records without any scored label. */
    public int recordsWithoutScoredLabel() {
        int n = 0;
        for (boolean[] row : labels) {
            boolean any = false;
            for (boolean b : row) {
                any |= b;
            }
            n += any ? 0 : 1;
        }
        return n;
    }

    /** Codes (or matrix columns) that belong to no scored class and were left out, in order of appearance. */
    public List<String> ignoredCodes() {
        return ignoredCodes;
    }

    /** Whether {@code other} has the same weights, records (in order) and labels. */
    boolean sameLabels(ChallengeData other) {
        return weights.equals(other.weights) && recordIds.equals(other.recordIds)
                && Arrays.deepEquals(labels, other.labels);
    }

    /** The same outputs and labels with the records in the order of {@code ids}. */
    ChallengeData reorder(List<String> ids) {
        if (ids.equals(recordIds)) {
            return this;
        }
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < recordIds.size(); i++) {
            at.put(recordIds.get(i), i);
        }
        if (ids.size() != recordIds.size()) {
            throw new EvalInputException(null, "records", "the two prediction sets hold " + recordIds.size()
                    + " and " + ids.size() + " records", "score the same records with both");
        }
        boolean[][] l = new boolean[ids.size()][];
        boolean[][] o = new boolean[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            Integer r = at.get(ids.get(i));
            if (r == null) {
                throw new EvalInputException(null, "record " + ids.get(i), "the two prediction sets hold different"
                        + " records (e.g. '" + ids.get(i) + "')", "score the same records with both");
            }
            l[i] = labels[r];
            o[i] = outputs[r];
        }
        return new ChallengeData(weights, ids, l, o, ignoredCodes);
    }

    @Override
    public String toString() {
        return "ChallengeData[" + records() + " records, " + weights.size() + " classes, "
                + recordsWithoutScoredLabel() + " without a scored label]";
    }
}
