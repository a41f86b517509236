package org.ecgsiglip.model.siglip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The two-tower SigLIP model: a signal encoder f, a text encoder g, a learnable temperature t' and
 * bias b.
 *
 * <p>Input {@code NDList(signals [n, leads, L], textFeatures [m, V])}; output {@code NDList(logits [n, m])}
 * with {@code l_ij = exp(t') <x_i, y_j> + b}, where x_i = f(ecg_i)/|f(ecg_i)| and y_j = g(text_j)/|g(text_j)|.
 * t' starts at {@code logitScaleInit} (log 10 in SigLIP) and b at {@code logitBiasInit} (−10, or the
 * log-odds of the measured positive rate); both are trained and carry no weight decay.
 *
 * <p>{@link #embed(Trainer, NDArray, NDArray)} runs the same forward through a trainer but stops before
 * the logits: it returns x, y and the device's copies of t' and b, the inputs of
 * {@link ShardedSigmoidLoss} (several devices, or column chunks without the n × m logits).
 */
public final class SiglipBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final float EPS = 1e-12f;

    private final Block signalEncoder;
    private final Block textEncoder;
    private final Parameter logitScale;
    private final Parameter logitBias;

    public SiglipBlock(Block signalEncoder, Block textEncoder, float logitScaleInit, float logitBiasInit) {
        super(VERSION);
        this.signalEncoder = addChildBlock("signal", signalEncoder);
        this.textEncoder = addChildBlock("text", textEncoder);
        this.logitScale = addParameter(Parameter.builder().setName("logit_scale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(logitScaleInit)).build());
        this.logitBias = addParameter(Parameter.builder().setName("logit_bias").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1)).optInitializer(new ConstantInitializer(logitBiasInit)).build());
    }

    /**
     * The embeddings of a batch (or of one device's slice of it) and t', b as that device sees them.
     *
     * <p>All on the inputs' device, in the trainer's autograd graph.
     *
     * @param signals normalised x [n, d]
     * @param texts normalised y [m, d]
     * @param logitScale t' [1]
     * @param logitBias b [1]
     */
    public record Embeddings(NDArray signals, NDArray texts, NDArray logitScale, NDArray logitBias) {
    }

    /**
     * A training forward through {@code trainer} (so through its parameter store: on device k the
     * parameters are device k's copies, and their gradients are summed by {@code trainer.step()}) that
     * returns the embeddings instead of the logits. Inputs on one device: signals [n, leads, L], text
     * features [m, V].
     */
    public static Embeddings embed(Trainer trainer, NDArray signals, NDArray textFeatures) {
        if (!(trainer.getModel().getBlock() instanceof SiglipBlock)) {
            throw new IllegalArgumentException("the trainer's model is " + trainer.getModel().getBlock().getClass()
                    .getSimpleName() + ", not a SiglipBlock");
        }
        NDList out = trainer.forward(new EmbeddingRequest(signals, textFeatures));
        return new Embeddings(out.get(0), out.get(1), out.get(2), out.get(3));
    }

    /** The input list that asks {@link #forwardInternal} for embeddings (Trainer.forward takes no options). */
    private static final class EmbeddingRequest extends NDList {
        EmbeddingRequest(NDArray signals, NDArray textFeatures) {
            super(signals, textFeatures);
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = embedSignals(ps, inputs.get(0), training);
        NDArray y = embedTexts(ps, inputs.get(1), training);
        if (inputs instanceof EmbeddingRequest) {
            return new NDList(x, y, ps.getValue(logitScale, x.getDevice(), training),
                    ps.getValue(logitBias, x.getDevice(), training));
        }
        return new NDList(logits(ps, x, y, training));
    }

    /** Normalised signal embeddings [n, d]. */
    public NDArray embedSignals(ParameterStore ps, NDArray signals, boolean training) {
        return normalize(signalEncoder.forward(ps, new NDList(signals), training).singletonOrThrow());
    }

    /** Normalised text embeddings [m, d]. */
    public NDArray embedTexts(ParameterStore ps, NDArray textFeatures, boolean training) {
        return normalize(textEncoder.forward(ps, new NDList(textFeatures), training).singletonOrThrow());
    }

    /** {@code exp(t') x yᵀ + b} for normalised embeddings. */
    public NDArray logits(ParameterStore ps, NDArray x, NDArray y, boolean training) {
        NDArray t = ps.getValue(logitScale, x.getDevice(), training).exp();
        // exp() of a parameter lands in the parameter's (long-lived) manager: hand it to the batch's
        t.attach(x.getManager());
        NDArray b = ps.getValue(logitBias, x.getDevice(), training);
        return x.matMul(y.transpose()).mul(t).add(b);
    }

    /** Current temperature t = exp(t') and bias b, read back to the host. */
    public float[] temperatureAndBias() {
        return new float[] {(float) Math.exp(logitScale.getArray().getFloat()), logitBias.getArray().getFloat()};
    }

    static NDArray normalize(NDArray v) {
        return v.div(v.square().sum(new int[] {1}, true).add(EPS).sqrt());
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        signalEncoder.initialize(manager, dataType, inputShapes[0]);
        textEncoder.initialize(manager, dataType, inputShapes[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[1].get(0))};
    }

    public Block signalEncoder() {
        return signalEncoder;
    }

    public Block textEncoder() {
        return textEncoder;
    }
}
