package org.ecgsiglip.model.siglip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ecgsiglip.model.Tensors;
import org.junit.jupiter.api.Test;

/**
 * {@link SiglipBlock#embed} through a real trainer: the embeddings it returns give the block's own logits,
 * and the chunked loss built on them sends the same gradients to every parameter of the model (both
 * encoders, t' and b) as the plain loss on the block's logits — the single-device training step with a
 * loss chunk, end to end.
 */
class SiglipBlockTest {
    private static final int N = 9;
    private static final int LEADS = 2;
    private static final int LENGTH = 5;
    private static final int VOCAB = 6;
    private static final int FINDINGS = 4;

    @Test
    void embeddingsGiveTheBlocksLogitsAndTheChunkedLossItsGradients() {
        SplittableRandom rng = new SplittableRandom(5);
        SiglipBlock block = new SiglipBlock(new SequentialBlock().add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(3).build()), Linear.builder().setUnits(3).build(), (float) Math.log(10), -1f);
        try (Model model = Model.newInstance("siglip-test", Device.cpu())) {
            model.setBlock(block);
            try (Trainer trainer = model.newTrainer(new DefaultTrainingConfig(new SigmoidLoss())
                    .optDevices(new Device[] {Device.cpu()}))) {
                trainer.initialize(new Shape(N, LEADS, LENGTH), new Shape(N, VOCAB));
                NDManager m = trainer.getManager();
                NDArray signals = m.create(gaussian(rng, N * LEADS * LENGTH), new Shape(N, LEADS, LENGTH));
                NDArray texts = m.create(gaussian(rng, N * VOCAB), new Shape(N, VOCAB));
                int[][] sets = LabelMatrixTest.randomSets(rng, N, FINDINGS);
                NDArray hot = m.create(LabelMatrixTest.hot(sets, FINDINGS), new Shape(N, FINDINGS));
                float[] keep = {1, 1, 0, 1};

                List<float[]> plain;
                float plainLoss;
                float[] logits;
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    NDArray l = trainer.forward(new NDList(signals, texts)).singletonOrThrow();
                    logits = l.toFloatArray();
                    NDArray loss = SigmoidLoss.of(l, LabelMatrix.SHARED_FINDING.targets(hot, hot, m.create(keep), true));
                    gc.backward(loss);
                    plainLoss = loss.getFloat();
                    plain = gradients(block);
                }
                zero(block);
                try (GradientCollector gc = trainer.newGradientCollector()) {
                    SiglipBlock.Embeddings e = SiglipBlock.embed(trainer, signals, texts);
                    NDArray fromEmbeddings = e.signals().matMul(e.texts().transpose()).mul(e.logitScale().exp())
                            .add(e.logitBias());
                    Tensors.assertAllClose(logits, fromEmbeddings.toFloatArray(), 1e-6, 1e-6, "logits");
                    float[] ones = new float[N];
                    Arrays.fill(ones, 1f);
                    Tensors.assertAllClose(ones, e.signals().norm(new int[] {1}).toFloatArray(), 1e-6, 0, "|x_i|");
                    ShardedLoss loss = new ShardedSigmoidLoss(LabelMatrix.SHARED_FINDING, TextStrategy.REPORT, keep, 4)
                            .compute(List.of(LossShard.of(e, hot, hot)));
                    loss.backward(gc);
                    assertEquals(plainLoss, loss.value(), 1e-5 * plainLoss);
                    List<float[]> chunked = gradients(block);
                    for (int i = 0; i < plain.size(); i++) {
                        Tensors.assertAllClose(plain.get(i), chunked.get(i), LossFixtures.RTOL, LossFixtures.ATOL,
                                "gradient of " + block.getParameters().get(i).getKey());
                    }
                }
            }
        }
    }

    private static List<float[]> gradients(SiglipBlock block) {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.add(p.getValue().getArray().getGradient().toFloatArray());
        }
        return out;
    }

    private static void zero(SiglipBlock block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().getGradient().muli(0f);
        }
    }

    private static float[] gaussian(SplittableRandom rng, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) rng.nextGaussian();
        }
        return v;
    }
}
