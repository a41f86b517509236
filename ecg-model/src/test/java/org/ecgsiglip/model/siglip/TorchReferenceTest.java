package org.ecgsiglip.model.siglip;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The loss from embeddings and finding sets — targets, logits, value and gradients w.r.t. x, y, t', b —
 * against PyTorch in float64 with targets built by an independent Python implementation of the label
 * matrices (torch/make_expected.py), on one device unchunked, chunked, and sharded three ways.
 * Tolerance {@link LossFixtures#RTOL} / {@link LossFixtures#ATOL}: float32 against float64 differs by the
 * float32 rounding alone, below the reorderings that tolerance was set for.
 */
class TorchReferenceTest {

    static Stream<Arguments> cases() {
        JsonNode root = TorchReference.load().get("embeddings");
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            for (int[] split : new int[][] {{1, 0}, {1, 3}, {3, 4}}) {
                out.add(Arguments.of(c.get("matrix").asText(), c.get("strategy").asText(), split[0], split[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} shards {2} chunk {3}")
    @MethodSource("cases")
    void matchesPyTorch(String matrixName, String strategyName, int shards, int chunk) {
        JsonNode root = TorchReference.load().get("embeddings");
        JsonNode c = null;
        for (JsonNode candidate : root.get("cases")) {
            if (candidate.get("matrix").asText().equals(matrixName) && candidate.get("strategy").asText().equals(strategyName)) {
                c = candidate;
            }
        }
        LabelMatrix matrix = LabelMatrix.valueOf(matrixName);
        TextStrategy strategy = TextStrategy.valueOf(strategyName);
        int k = root.get("k").asInt();
        int n = root.get("n").asInt();
        int[][] colSets = TorchReference.sets(c.get("colSets"));
        float[] keep = new float[k];
        Arrays.fill(keep, 1f);
        for (JsonNode f : root.get("excluded")) {
            keep[f.asInt()] = 0f;
        }
        LossFixtures.Batch b = new LossFixtures.Batch(n, colSets.length, TorchReference.flat(root.get("x")),
                TorchReference.flat(c.get("y")), (float) root.get("logitScale").asDouble(),
                (float) root.get("logitBias").asDouble(), LabelMatrixTest.hot(TorchReference.sets(root.get("rowSets")), k),
                LabelMatrixTest.hot(colSets, k));
        LossFixtures.Grads expected = new LossFixtures.Grads((float) c.get("loss").asDouble(),
                (float) c.get("positiveRate").asDouble(), TorchReference.flat(c.get("gx")), TorchReference.flat(c.get("gy")),
                (float) c.get("gScale").asDouble(), (float) c.get("gBias").asDouble());
        LossFixtures.sharded(b, matrix, strategy, keep, shards, chunk).assertClose(expected, "vs PyTorch");
    }
}
