package org.ecgsiglip.model.siglip;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The chunked loss on one device (closed-form gradients per block of columns, handed to autograd
 * through the surrogate) equals the unchunked loss under autograd, value and gradients, for chunk
 * sizes that divide the columns and sizes that do not, one column, and more than all columns.
 */
class ChunkedSigmoidLossTest {
    private static final int N = 23;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (LabelMatrix matrix : LabelMatrix.values()) {
            for (TextStrategy strategy : TextStrategy.values()) {
                if (matrix == LabelMatrix.DIAGONAL && !strategy.paired()) {
                    continue;
                }
                // paired: 23 columns; ALL_FINDINGS: K = 7 columns
                int[] chunks = strategy.paired() ? new int[] {1, 4, 7, 22, 23, 40} : new int[] {1, 2, 3, 6, 7, 10};
                for (int chunk : chunks) {
                    for (boolean exclude : new boolean[] {false, true}) {
                        out.add(Arguments.of(matrix, strategy, chunk, exclude));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} chunk {2} exclude {3}")
    @MethodSource("cases")
    void chunkedEqualsUnchunked(LabelMatrix matrix, TextStrategy strategy, int chunk, boolean exclude) {
        LossFixtures.Batch b = LossFixtures.batch(11 + chunk, N, strategy);
        float[] keep = exclude ? LossFixtures.keep(0) : LossFixtures.keep();
        LossFixtures.Grads whole = LossFixtures.reference(b, matrix, strategy, keep);
        LossFixtures.sharded(b, matrix, strategy, keep, 1, chunk).assertClose(whole, "chunk " + chunk);
    }
}
