package org.ecgsiglip.io.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Stratified k-fold assignment: iterative multi-label stratification (Sechidis et al. 2011) run
 * inside each stratum under per-stratum fold quotas.
 * <ol>
 *   <li>Records are grouped (a group is one patient, or one record when the patient is unknown);
 *       groups are shuffled by the seed; a group's stratum is its first record's.</li>
 *   <li>Each stratum of {@code n_s} records gets a quota per fold, {@code floor(n_s / k)} or one
 *       more; the {@code n_s mod k} larger quotas go to the folds that are smallest so far (ties:
 *       lower fold), so that fold sizes end within one record of each other.</li>
 *   <li>Within a stratum, repeatedly take the finding with the fewest unassigned groups there and
 *       give each such group to the fold, among those whose quota still holds the group, that
 *       lacks most of that finding over the whole dataset ({@code want_pf = count_f / k} minus what
 *       fold p has); ties: the largest sum of {@code want_pg / (count_g / k)} over all the group's
 *       findings g (so its common findings are balanced too), then most quota left, then a seeded
 *       coin. Groups without findings go by quota left. A group too big for every fold's quota goes
 *       where most quota is left.</li>
 * </ol>
 * With one record per group, every stratum's count in every fold is {@code floor(n_s / k)} or
 * one more.
 */
final class FoldAssigner {
    private FoldAssigner() {
    }

    /** Fold 0..k-1 of every record. */
    static int[] assign(LabeledDataset dataset, String[] stratumOfRecord, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LabeledRecord> records = dataset.records();
        List<int[]> groups = RecordGroups.shuffled(records, rng);
        Map<String, List<int[]>> byStratum = new LinkedHashMap<>();
        for (int[] g : groups) {
            byStratum.computeIfAbsent(stratumOfRecord[g[0]], s -> new ArrayList<>()).add(g);
        }
        int labels = dataset.vocabulary().size();
        double[][] want = new double[k][labels];
        int[] totals = dataset.findingCounts();
        for (int p = 0; p < k; p++) {
            for (int f = 0; f < labels; f++) {
                want[p][f] = totals[f] / (double) k;
            }
        }
        double[] target = new double[labels];
        for (int f = 0; f < labels; f++) {
            target[f] = Math.max(1, totals[f]) / (double) k;
        }
        int[] size = new int[k];
        int[] fold = new int[records.size()];
        for (List<int[]> stratum : byStratum.values()) {
            int[] room = quotas(stratum, size, k);
            new Pass(records, stratum, labels, want, target, room, size, fold, rng).run();
        }
        return fold;
    }

    /** Per-fold quotas of one stratum: floor(n/k), plus one for the n mod k smallest folds. */
    private static int[] quotas(List<int[]> stratum, int[] size, int k) {
        int n = stratum.stream().mapToInt(g -> g.length).sum();
        int[] room = new int[k];
        Arrays.fill(room, n / k);
        Integer[] order = new Integer[k];
        for (int p = 0; p < k; p++) {
            order[p] = p;
        }
        Arrays.sort(order, (a, b) -> size[a] != size[b] ? Integer.compare(size[a], size[b]) : Integer.compare(a, b));
        for (int i = 0; i < n % k; i++) {
            room[order[i]]++;
        }
        return room;
    }

    /** Assigns the groups of one stratum. */
    private record Pass(List<LabeledRecord> records, List<int[]> groups, int labels, double[][] want,
            double[] target, int[] room, int[] size, int[] fold, SplittableRandom rng) {

        void run() {
            boolean[][] has = RecordGroups.findings(records, groups, labels);
            int[] remaining = RecordGroups.counts(has, labels);
            boolean[] done = new boolean[groups.size()];
            while (true) {
                int label = RecordGroups.rarest(remaining);
                if (label < 0) {
                    break;
                }
                for (int g = 0; g < groups.size(); g++) {
                    if (!done[g] && has[g][label]) {
                        give(g, choose(groups.get(g).length, label, has[g]), has[g], remaining);
                        done[g] = true;
                    }
                }
            }
            for (int g = 0; g < groups.size(); g++) {
                if (!done[g]) {
                    give(g, choose(groups.get(g).length, -1, has[g]), has[g], remaining);
                }
            }
        }

        private int choose(int groupSize, int label, boolean[] groupHas) {
            boolean anyFits = false;
            for (int r : room) {
                anyFits |= r >= groupSize;
            }
            int best = -1;
            int ties = 0;
            for (int p = 0; p < room.length; p++) {
                if (anyFits && room[p] < groupSize) {
                    continue;
                }
                int c = best < 0 ? 1 : compare(p, best, label, groupHas);
                if (c > 0) {
                    best = p;
                    ties = 1;
                } else if (c == 0 && rng.nextInt(++ties) == 0) {
                    best = p;
                }
            }
            return best;
        }

        private int compare(int a, int b, int label, boolean[] groupHas) {
            if (label >= 0) {
                int c = Double.compare(want[a][label], want[b][label]);
                if (c != 0) {
                    return c;
                }
            }
            int c = Double.compare(relativeWant(a, groupHas), relativeWant(b, groupHas));
            return c != 0 ? c : Integer.compare(room[a], room[b]);
        }

        /** The sum over the group's findings of what the fold lacks of each, relative to its target. */
        private double relativeWant(int p, boolean[] groupHas) {
            double sum = 0;
            for (int f = 0; f < labels; f++) {
                if (groupHas[f]) {
                    sum += want[p][f] / target[f];
                }
            }
            return sum;
        }

        private void give(int g, int p, boolean[] groupHas, int[] remaining) {
            for (int i : groups.get(g)) {
                fold[i] = p;
                room[p]--;
                size[p]++;
                for (int f : records.get(i).findings()) {
                    want[p][f] -= 1;
                }
            }
            for (int f = 0; f < labels; f++) {
                if (groupHas[f]) {
                    remaining[f]--;
                }
            }
        }
    }
}
