package org.ecgsiglip.cli.labels;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ecgsiglip.model.siglip.LabelMatrix;

/**
 * Counts collisions — two different records of one batch that share a finding — for the finding sets
 * of a dataset, with some findings optionally excluded from the test (as training's
 * {@code --exclude-from-collisions} does).
 *
 * <p><b>Exact expectation.</b> A training batch of n records is a uniformly random n-subset of the N
 * records (a shuffled partition), so each of its C(n, 2) unordered pairs is a uniformly random pair of
 * distinct records, and E[colliding pairs] = C(n, 2) · P / C(N, 2), where P is the number of colliding
 * pairs in the whole dataset. P is counted over the distinct finding sets (with multiplicities m):
 * P = Σ_{A&lt;B, A∩B≠∅} m_A m_B + Σ_{A≠∅} C(m_A, 2). Per finding k present in c_k records the pairs
 * sharing k number C(c_k, 2). The same matrix's positive rate (diagonal included) is
 * (n + 2 · colliding pairs) / n².
 *
 * <p><b>Measurement.</b> Seeded random n-subsets (partial Fisher–Yates with {@link SplittableRandom});
 * per batch, the colliding pairs are the off-diagonal entries where {@link LabelMatrix#SHARED_FINDING}
 * says positive and {@link LabelMatrix#DIAGONAL} negative — the false negatives of plain SigLIP —
 * counted once per unordered pair.
 */
public final class Collisions {
    private final int[][] sets;
    private final int findings;
    private final BitSet excluded;

    /**
     * @param sets sorted finding indices of every record
     * @param findings the vocabulary size
     * @param excluded findings that do not make a pair collide
     */
    public Collisions(int[][] sets, int findings, BitSet excluded) {
        this.sets = sets;
        this.findings = findings;
        this.excluded = (BitSet) excluded.clone();
    }

    public int records() {
        return sets.length;
    }

    /** Records per finding (excluded findings included). */
    public int[] counts() {
        int[] c = new int[findings];
        for (int[] s : sets) {
            for (int f : s) {
                c[f]++;
            }
        }
        return c;
    }

    /** Unordered pairs of distinct records sharing a finding that is not excluded, over the whole dataset. */
    public long collidingPairs() {
        Map<BitSet, Long> multiplicity = new HashMap<>();
        for (int[] s : sets) {
            BitSet b = new BitSet(findings);
            for (int f : s) {
                if (!excluded.get(f)) {
                    b.set(f);
                }
            }
            multiplicity.merge(b, 1L, Long::sum);
        }
        List<BitSet> distinct = new ArrayList<>(multiplicity.keySet());
        long pairs = 0;
        for (int i = 0; i < distinct.size(); i++) {
            BitSet a = distinct.get(i);
            long ma = multiplicity.get(a);
            if (!a.isEmpty()) {
                pairs += ma * (ma - 1) / 2;
            }
            for (int j = i + 1; j < distinct.size(); j++) {
                if (a.intersects(distinct.get(j))) {
                    pairs += ma * multiplicity.get(distinct.get(j));
                }
            }
        }
        return pairs;
    }

    /** The probability that two distinct random records collide. */
    public double pairProbability() {
        long n = sets.length;
        return collidingPairs() / (n * (n - 1) / 2.0);
    }

    /** Expected colliding pairs in a random batch of {@code n}. */
    public double expectedPairs(int n) {
        return pairs(n) * pairProbability();
    }

    /** Expected pairs sharing finding {@code k} in a random batch of {@code n} (0 when excluded). */
    public double expectedPairs(int n, int k, int[] counts) {
        if (excluded.get(k)) {
            return 0;
        }
        double total = sets.length * (sets.length - 1) / 2.0;
        return pairs(n) * (counts[k] * (counts[k] - 1) / 2.0) / total;
    }

    static double pairs(int n) {
        return n * (n - 1) / 2.0;
    }

    /** Measurements on {@code batches} random batches of {@code n} records. */
    public Measured measure(int n, int batches, SplittableRandom rng) {
        int[] order = new int[sets.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        double sum = 0;
        double sumSquares = 0;
        int withCollision = 0;
        double[] perFinding = new double[findings];
        for (int b = 0; b < batches; b++) {
            int[][] rows = new int[n][];
            for (int i = 0; i < n; i++) {
                int j = i + rng.nextInt(order.length - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                rows[i] = sets[order[i]];
            }
            float[][] shared = LabelMatrix.SHARED_FINDING.targets(rows, rows, true, excluded);
            float[][] plain = LabelMatrix.DIAGONAL.targets(rows, rows, true, excluded);
            long pairs = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (shared[i][j] > 0.5f && plain[i][j] < 0.5f) {
                        pairs++;
                    }
                }
            }
            sum += pairs;
            sumSquares += (double) pairs * pairs;
            withCollision += pairs > 0 ? 1 : 0;
            int[] c = new int[findings];
            for (int[] r : rows) {
                for (int f : r) {
                    c[f]++;
                }
            }
            for (int k = 0; k < findings; k++) {
                perFinding[k] += excluded.get(k) ? 0 : c[k] * (c[k] - 1) / 2.0;
            }
        }
        double mean = sum / batches;
        double variance = batches > 1 ? (sumSquares - batches * mean * mean) / (batches - 1) : 0;
        for (int k = 0; k < findings; k++) {
            perFinding[k] /= batches;
        }
        return new Measured(n, batches, mean, Math.sqrt(Math.max(0, variance) / batches),
                (double) withCollision / batches, perFinding);
    }

    /**
     * What random batches showed.
     *
     * @param meanPairs mean colliding pairs per batch
     * @param standardError its standard error
     * @param shareWithCollision share of batches with at least one colliding pair
     * @param perFinding mean pairs per batch sharing each finding
     */
    public record Measured(int batchSize, int batches, double meanPairs, double standardError,
                           double shareWithCollision, double[] perFinding) {
    }
}
