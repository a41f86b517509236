package org.ecgsiglip.io.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pieces both stratifiers share ({@link Stratifier} for fractions, {@link FoldAssigner} for k folds):
 * records grouped so that one patient's records stay together (one group per record when the patient is
 * unknown), the groups in a seeded random order, which findings each group holds, and the rarest finding
 * still to place — the order of iterative stratification (Sechidis et al. 2011).
 */
final class RecordGroups {
    private RecordGroups() {
    }

    /** The record indices of each group, groups shuffled by {@code rng} (Fisher–Yates). */
    static List<int[]> shuffled(List<LabeledRecord> records, SplittableRandom rng) {
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            LabeledRecord r = records.get(i);
            String key = r.patientId() == null ? "record:" + i : "patient:" + r.patientId();
            byGroup.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        List<int[]> groups = new ArrayList<>();
        byGroup.values().forEach(g -> groups.add(g.stream().mapToInt(Integer::intValue).toArray()));
        for (int i = groups.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int[] t = groups.get(i);
            groups.set(i, groups.get(j));
            groups.set(j, t);
        }
        return groups;
    }

    /** {@code has[g][f]}: whether a record of group {@code g} has finding {@code f}. */
    static boolean[][] findings(List<LabeledRecord> records, List<int[]> groups, int labels) {
        boolean[][] has = new boolean[groups.size()][labels];
        for (int g = 0; g < groups.size(); g++) {
            for (int i : groups.get(g)) {
                for (int f : records.get(i).findings()) {
                    has[g][f] = true;
                }
            }
        }
        return has;
    }

    /** {@code counts[f]}: the groups that have finding {@code f}. */
    static int[] counts(boolean[][] has, int labels) {
        int[] counts = new int[labels];
        for (boolean[] g : has) {
            for (int f = 0; f < labels; f++) {
                counts[f] += g[f] ? 1 : 0;
            }
        }
        return counts;
    }

    /** The finding with the fewest groups still to place (more than none), or -1 when none is left. */
    static int rarest(int[] remaining) {
        int label = -1;
        for (int f = 0; f < remaining.length; f++) {
            if (remaining[f] > 0 && (label < 0 || remaining[f] < remaining[label])) {
                label = f;
            }
        }
        return label;
    }
}
