package org.ecgsiglip.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The batches of one epoch and the random stream of each, fixed in advance from (seed, epoch) so that
 * an epoch is the same whether it runs after its predecessor or after a resume.
 *
 * <p>The training indices are shuffled with the epoch's generator and cut into batches of
 * {@code batchSize}; a last partial batch is dropped (a pairwise loss on a handful of samples is mostly
 * noise, and batch norm needs more than one), unless the whole set is smaller than one batch.
 */
public record EpochPlan(int epoch, List<int[]> batches, List<SplittableRandom> streams) {

    public static EpochPlan of(int[] trainIndices, int batchSize, long seed, int epoch) {
        SplittableRandom rng = forEpoch(seed, epoch);
        int[] order = trainIndices.clone();
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<int[]> batches = new ArrayList<>();
        List<SplittableRandom> streams = new ArrayList<>();
        int size = Math.min(batchSize, order.length);
        for (int start = 0; start + size <= order.length; start += size) {
            int[] b = new int[size];
            System.arraycopy(order, start, b, 0, size);
            batches.add(b);
            streams.add(rng.split());
        }
        return new EpochPlan(epoch, List.copyOf(batches), List.copyOf(streams));
    }

    /** The generator of epoch {@code epoch} (0-based): the (epoch+1)-th split of a generator seeded with {@code seed}. */
    static SplittableRandom forEpoch(long seed, int epoch) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom r = root.split();
        for (int e = 0; e < epoch; e++) {
            r = root.split();
        }
        return r;
    }

    public int size() {
        return batches.size();
    }
}
