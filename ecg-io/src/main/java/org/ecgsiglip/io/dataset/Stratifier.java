package org.ecgsiglip.io.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Iterative multi-label stratification over groups of records (a group is one patient, or one record
 * when the patient is unknown). Repeatedly takes the finding with the fewest unassigned groups and
 * gives each of its groups to the part that still wants that finding most (ties: the part that
 * wants most records, then a seeded coin). Groups without findings go by size alone.
 */
final class Stratifier {
    private Stratifier() {
    }

    static int[] assign(LabeledDataset dataset, double[] shares, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<LabeledRecord> records = dataset.records();
        List<int[]> groups = RecordGroups.shuffled(records, rng);
        int k = dataset.vocabulary().size();
        int parts = shares.length;
        double[] wantSize = new double[parts];
        double[][] wantLabel = new double[parts][k];
        int[] labelTotals = dataset.findingCounts();
        for (int p = 0; p < parts; p++) {
            wantSize[p] = shares[p] * records.size();
            for (int f = 0; f < k; f++) {
                wantLabel[p][f] = shares[p] * labelTotals[f];
            }
        }
        boolean[][] groupHas = RecordGroups.findings(records, groups, k);
        int[] remaining = RecordGroups.counts(groupHas, k);
        int[] partOfGroup = new int[groups.size()];
        java.util.Arrays.fill(partOfGroup, -1);
        while (true) {
            int label = RecordGroups.rarest(remaining);
            if (label < 0) {
                break;
            }
            for (int g = 0; g < groups.size(); g++) {
                if (partOfGroup[g] < 0 && groupHas[g][label]) {
                    int p = choose(wantLabel, label, wantSize, rng);
                    give(g, p, groups, records, partOfGroup, wantSize, wantLabel, remaining, groupHas);
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            if (partOfGroup[g] < 0) {
                int p = choose(null, -1, wantSize, rng);
                give(g, p, groups, records, partOfGroup, wantSize, wantLabel, remaining, groupHas);
            }
        }
        int[] out = new int[records.size()];
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                out[i] = partOfGroup[g];
            }
        }
        return out;
    }

    private static int choose(double[][] wantLabel, int label, double[] wantSize, SplittableRandom rng) {
        int best = -1;
        int ties = 0;
        for (int p = 0; p < wantSize.length; p++) {
            int c = best < 0 ? 1 : compare(wantLabel, label, wantSize, p, best);
            if (c > 0) {
                best = p;
                ties = 1;
            } else if (c == 0 && rng.nextInt(++ties) == 0) {
                best = p;
            }
        }
        return best;
    }

    private static int compare(double[][] wantLabel, int label, double[] wantSize, int a, int b) {
        if (label >= 0) {
            int c = Double.compare(wantLabel[a][label], wantLabel[b][label]);
            if (c != 0) {
                return c;
            }
        }
        return Double.compare(wantSize[a], wantSize[b]);
    }

    private static void give(int g, int p, List<int[]> groups, List<LabeledRecord> records, int[] partOfGroup,
            double[] wantSize, double[][] wantLabel, int[] remaining, boolean[][] groupHas) {
        partOfGroup[g] = p;
        for (int i : groups.get(g)) {
            wantSize[p] -= 1;
            for (int f : records.get(i).findings()) {
                wantLabel[p][f] -= 1;
            }
        }
        for (int f = 0; f < remaining.length; f++) {
            if (groupHas[g][f]) {
                remaining[f]--;
            }
        }
    }
}
