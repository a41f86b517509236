package org.ecgsiglip.eval;

import static org.ecgsiglip.eval.Fixtures.TOL;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgsiglip.eval.challenge.ChallengeData;
import org.ecgsiglip.eval.challenge.ChallengeMetric;
import org.ecgsiglip.eval.challenge.ChallengeWeights;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;

/**
 * The Challenge score's bootstrap draws the same resamples as the per-finding bootstrap
 * ({@link Resampler}) for one seed and record order: each Challenge replicate is the score of the
 * records {@link Resampler} draws. (Here, in Resampler's package, to read its draws.)
 */
class ChallengeResamplingTest {
    @Test
    void theChallengeReplicatesAreScoresOfResamplersDraws() {
        ChallengeWeights w = ChallengeWeights.read(TestData.cincFixtures().resolve("weights.csv"));
        SplittableRandom rng = new SplittableRandom(5);
        List<String> ids = new ArrayList<>();
        List<List<String>> labels = new ArrayList<>();
        List<List<String>> outputs = new ArrayList<>();
        Map<String, String> groups = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            ids.add("r" + i);
            labels.add(List.of(w.codes().get(rng.nextInt(w.size())), ChallengeWeights.SINUS_RHYTHM));
            outputs.add(List.of(w.codes().get(rng.nextInt(w.size()))));
            groups.put("r" + i, "p" + (i % 13));
        }
        ChallengeData d = ChallengeData.ofCodes(w, ids, labels, outputs);
        for (Bootstrap spec : List.of(Bootstrap.byRecord(5, 77), Bootstrap.byGroup(5, 77, groups))) {
            double[] reps = ChallengeMetric.replicates(d, spec);
            Resampler rs = Resampler.of(spec, ids);
            for (int b = 0; b < 5; b++) {
                int[] weights = rs.weights(b);
                List<String> rid = new ArrayList<>();
                List<List<String>> rl = new ArrayList<>();
                List<List<String>> ro = new ArrayList<>();
                for (int r = 0; r < weights.length; r++) {
                    for (int k = 0; k < weights[r]; k++) {
                        rid.add(ids.get(r) + "#" + k);
                        rl.add(labels.get(r));
                        ro.add(outputs.get(r));
                    }
                }
                double written = ChallengeMetric.score(ChallengeData.ofCodes(w, rid, rl, ro)).normalized();
                assertEquals(written, reps[b], TOL, spec.unit() + " resample " + b);
            }
        }
    }
}
