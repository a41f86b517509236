package org.ecgsiglip.eval.challenge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.EvalInputException;

/**
 * Bootstrap resamples as record weights, drawn exactly as ecg-eval's per-finding bootstrap draws
 * them (see {@link Bootstrap}): seeds {@code SplittableRandom(seed).split().nextLong()} taken B
 * times; resample {@code b} draws, with {@code new SplittableRandom(seeds[b])}, n records (or as
 * many groups as there are, groups in order of their first record) with {@code nextInt}. So for one
 * seed and one record order, the Challenge score and the F1 intervals use the same resamples.
 */
final class Resamples {
    private final int records;
    private final int[][] members;
    private final long[] seeds;

    private Resamples(int records, int[][] members, long[] seeds) {
        this.records = records;
        this.members = members;
        this.seeds = seeds;
    }

    static Resamples of(Bootstrap spec, List<String> recordIds) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        long[] seeds = new long[spec.replicates()];
        for (int b = 0; b < seeds.length; b++) {
            seeds[b] = root.split().nextLong();
        }
        if (!spec.isByGroup()) {
            return new Resamples(recordIds.size(), null, seeds);
        }
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int r = 0; r < recordIds.size(); r++) {
            String g = spec.groups().get(recordIds.get(r));
            if (g == null) {
                throw new EvalInputException(null, "record " + recordIds.get(r), "record '" + recordIds.get(r)
                        + "' has no group (patient) id", "give a group id for every scored record");
            }
            byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(r);
        }
        int[][] members = new int[byGroup.size()][];
        int i = 0;
        for (List<Integer> m : byGroup.values()) {
            members[i++] = m.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Resamples(recordIds.size(), members, seeds);
    }

    int replicates() {
        return seeds.length;
    }

    /** How often each record is drawn in resample {@code b}. */
    int[] weights(int b) {
        SplittableRandom rng = new SplittableRandom(seeds[b]);
        int[] w = new int[records];
        if (members == null) {
            for (int i = 0; i < records; i++) {
                w[rng.nextInt(records)]++;
            }
        } else {
            for (int i = 0; i < members.length; i++) {
                for (int r : members[rng.nextInt(members.length)]) {
                    w[r]++;
                }
            }
        }
        return w;
    }
}
