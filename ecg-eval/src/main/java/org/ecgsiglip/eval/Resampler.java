package org.ecgsiglip.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws bootstrap resamples as record weights (how often each record was drawn). Resample
 * {@code b} has its own generator, {@code new SplittableRandom(seeds[b])}, where the seeds come
 * from {@code SplittableRandom(seed).split()} taken B times in order; so a resample is the same
 * whichever thread computes it and however often it is asked for. Every bootstrap of the toolkit draws its
 * resamples here (per-finding metrics, paired comparisons, the Challenge score), so that for one seed and one
 * record order they all use the same resamples.
 */
public final class Resampler {
    private final int records;
    /** [group][k] = record index, or null when resampling records. */
    private final int[][] members;
    private final long[] seeds;

    private Resampler(int records, int[][] members, long[] seeds) {
        this.records = records;
        this.members = members;
        this.seeds = seeds;
    }

    /** The resamples of {@code spec} over records {@code recordIds} (in that order). */
    public static Resampler of(Bootstrap spec, List<String> recordIds) {
        SplittableRandom root = new SplittableRandom(spec.seed());
        long[] seeds = new long[spec.replicates()];
        for (int b = 0; b < seeds.length; b++) {
            seeds[b] = root.split().nextLong();
        }
        if (!spec.isByGroup()) {
            return new Resampler(recordIds.size(), null, seeds);
        }
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int r = 0; r < recordIds.size(); r++) {
            String g = spec.groups().get(recordIds.get(r));
            if (g == null) {
                throw new EvalInputException(null, "record " + recordIds.get(r), "record '" + recordIds.get(r)
                        + "' has no group (patient) id", "give a group id for every evaluated record");
            }
            byGroup.computeIfAbsent(g, x -> new ArrayList<>()).add(r);
        }
        int[][] members = new int[byGroup.size()][];
        int i = 0;
        for (List<Integer> m : byGroup.values()) {
            members[i++] = m.stream().mapToInt(Integer::intValue).toArray();
        }
        return new Resampler(recordIds.size(), members, seeds);
    }

    /** B, the number of resamples. */
    public int replicates() {
        return seeds.length;
    }

    /** Number of resampling units: groups, or records. */
    public int units() {
        return members == null ? records : members.length;
    }

    /** How often each record appears in resample {@code b}. */
    public int[] weights(int b) {
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
