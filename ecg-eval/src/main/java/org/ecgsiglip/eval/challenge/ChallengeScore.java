package org.ecgsiglip.eval.challenge;

import java.util.Locale;

/**
 * The PhysioNet/CinC Challenge 2020/2021 metric of one set of outputs. For record {@code i} with
 * scored labels {@code L_i} and outputs {@code O_i} (sets of classes), the record's confusion
 * matrix adds {@code 1 / max(1, |L_i ∪ O_i|)} to {@code A[j][k]} for every {@code j ∈ L_i},
 * {@code k ∈ O_i}; a classifier scores {@code s = Σ_jk W[j][k] A[j][k]} (NaN weights left out),
 * i.e. {@code Σ_i Σ_{j∈L_i} Σ_{k∈O_i} W[j][k] / max(1, |L_i ∪ O_i|)}.
 *
 * @param observed {@code s} of the outputs
 * @param correct {@code s} of the perfect classifier ({@code O_i = L_i})
 * @param inactive {@code s} of the inactive classifier, which outputs only sinus rhythm ({@code O_i = {SR}})
 * @param normalized {@code (observed - inactive) / (correct - inactive)}: 1 is perfect, 0 no better
 *     than inactive; 0 when {@code correct == inactive}, as the official code defines it
 * @param records records scored
 * @param recordsWithoutScoredLabel records with no scored label (they add nothing to the three scores)
 */
public record ChallengeScore(double observed, double correct, double inactive, double normalized, int records,
                             int recordsWithoutScoredLabel) {

    /** The normalised score of three raw scores, with the official code's degenerate case. */
    public static double normalize(double observed, double correct, double inactive) {
        return correct != inactive ? (observed - inactive) / (correct - inactive) : 0.0;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Challenge score %.4f (observed %.4f, correct %.4f, inactive %.4f; %d records,"
                + " %d without a scored label)", normalized, observed, correct, inactive, records,
                recordsWithoutScoredLabel);
    }
}
