package org.ecgsiglip.eval.challenge;

import java.util.Locale;
import org.ecgsiglip.eval.Difference;

/**
 * Two sets of outputs on the same labelled records, scored on the same bootstrap resamples:
 * each side's score and interval, and the paired difference {@code normalized(B) - normalized(A)}
 * with its interval and two-sided p-value (positive: B scores higher).
 */
public record ChallengeComparison(ChallengeEvaluation a, ChallengeEvaluation b, Difference difference) {

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "A %.4f, B %.4f, B - A %+.4f (%.0f%% CI %+.4f to %+.4f, p = %.4f, B=%d)",
                a.normalized(), b.normalized(), difference.estimate(), 100 * difference.level(), difference.lower(),
                difference.upper(), difference.pValue(), difference.replicates());
    }
}
