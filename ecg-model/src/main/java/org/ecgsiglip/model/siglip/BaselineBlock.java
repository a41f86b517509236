package org.ecgsiglip.model.siglip;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The supervised baseline: the same signal encoder, a linear multi-label head over the K findings,
 * trained with binary cross-entropy ({@link SigmoidLoss} against multi-hot labels).
 *
 * <p>Input {@code NDList(signals [n, leads, L])}; output {@code NDList(logits [n, K])}.
 */
public final class BaselineBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final Block signalEncoder;
    private final Block head;

    public BaselineBlock(Block signalEncoder, int findings) {
        super(VERSION);
        this.signalEncoder = addChildBlock("signal", signalEncoder);
        this.head = addChildBlock("head", Linear.builder().setUnits(findings).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList embedding = signalEncoder.forward(ps, new NDList(inputs.get(0)), training);
        return head.forward(ps, embedding, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        signalEncoder.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, signalEncoder.getOutputShapes(new Shape[] {inputShapes[0]}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(signalEncoder.getOutputShapes(new Shape[] {inputShapes[0]}));
    }

    public Block signalEncoder() {
        return signalEncoder;
    }
}
