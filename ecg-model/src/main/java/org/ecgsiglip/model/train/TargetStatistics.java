package org.ecgsiglip.model.train;

import org.ecgsiglip.model.text.TextColumns;
import java.util.BitSet;
import java.util.SplittableRandom;
import org.ecgsiglip.model.siglip.LabelMatrix;

/**
 * Measures the share of positive entries of the target matrix on real training batches before
 * training, which sets the logit bias b = log(p / (1 − p)) when the run asks for {@code auto}.
 * (DIAGONAL keeps SigLIP's −10: its p is 1/n.)
 */
final class TargetStatistics {
    private TargetStatistics() {
    }

    /** Mean positive rate over up to {@code maxBatches} batches of {@code plan} (texts drawn from a separate stream). */
    static double positiveRate(EpochPlan plan, int[][] findingSets, TextColumns texts, LabelMatrix matrix,
                               boolean paired, BitSet excluded, int findings, int maxBatches, long seed) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EEDL);
        double total = 0;
        int counted = 0;
        for (int b = 0; b < Math.min(maxBatches, plan.size()); b++) {
            int[] idx = plan.batches().get(b);
            int[][] rows = new int[idx.length][];
            for (int i = 0; i < idx.length; i++) {
                rows[i] = findingSets[idx[i]];
            }
            int[][] cols = rows;
            if (texts != null) {
                float[] hot = texts.make(rows, rng).hot();
                cols = setsOf(hot, hot.length / findings, findings);
            }
            float[][] y = matrix.targets(rows, cols, paired, excluded);
            double sum = 0;
            for (float[] row : y) {
                for (float v : row) {
                    sum += v;
                }
            }
            total += sum / ((double) y.length * y[0].length);
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }

    /** log(p / (1 − p)), with p clamped to [1e-4, 1 − 1e-4]. */
    static double logOdds(double p) {
        double q = Math.min(1 - 1e-4, Math.max(1e-4, p));
        return Math.log(q / (1 - q));
    }

    private static int[][] setsOf(float[] hot, int m, int k) {
        int[][] sets = new int[m][];
        for (int j = 0; j < m; j++) {
            int count = 0;
            for (int f = 0; f < k; f++) {
                count += hot[j * k + f] > 0 ? 1 : 0;
            }
            sets[j] = new int[count];
            int c = 0;
            for (int f = 0; f < k; f++) {
                if (hot[j * k + f] > 0) {
                    sets[j][c++] = f;
                }
            }
        }
        return sets;
    }
}
