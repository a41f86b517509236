package org.ecgsiglip.eval.challenge;

import java.util.Locale;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ConfidenceInterval;

/**
 * The Challenge score with its percentile bootstrap interval.
 *
 * @param score the point estimate on all records
 * @param interval the percentile interval of the normalised score over the resamples
 * @param bootstrap how the resamples were drawn (B, seed, level, by record or by group)
 */
public record ChallengeEvaluation(ChallengeScore score, ConfidenceInterval interval, Bootstrap bootstrap) {

    /** The normalised score. */
    public double normalized() {
        return score.normalized();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s; %.0f%% CI %.4f to %.4f (%s)", score, 100 * interval.level(),
                interval.lower(), interval.upper(), bootstrap);
    }
}
