package org.ecgsiglip.io.pipeline;

import org.ecgsiglip.io.cache.SignalCache;

/**
 * Where training reads preprocessed signals from: normally the on-disk {@code SignalCache}
 * (memory-mapped, streams datasets larger than memory), or arrays in memory for small experiments
 * and tests. Index i is the dataset's record index. Implementations must allow concurrent reads.
 */
public interface SignalSource {
    int leads();

    /** Stored samples per lead. */
    int length();

    /** Copies record {@code i} as [leads × length] floats, lead-major, into {@code dst} from {@code offset}. */
    void read(int i, float[] dst, int offset);

    /** The memory-mapped signal cache (index i = the cache's record i). */
    static SignalSource of(SignalCache cache) {
        return new SignalSource() {
            @Override
            public int leads() {
                return cache.leads();
            }

            @Override
            public int length() {
                return cache.length();
            }

            @Override
            public void read(int i, float[] dst, int offset) {
                cache.read(i, dst, offset);
            }
        };
    }

    /** Signals held in memory: {@code signals[i]} is [leads × length] lead-major. */
    static SignalSource inMemory(float[][] signals, int leads, int length) {
        for (float[] s : signals) {
            if (s.length != leads * length) {
                throw new IllegalArgumentException("every record needs " + leads * length + " floats");
            }
        }
        return new SignalSource() {
            @Override
            public int leads() {
                return leads;
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void read(int i, float[] dst, int offset) {
                System.arraycopy(signals[i], 0, dst, offset, leads * length);
            }
        };
    }
}
