package org.ecgsiglip.model.core;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.siglip.SigmoidLoss;

/**
 * A model's network on one device, for training (with a DJL {@link Trainer} and a
 * {@link CheckpointedAdamW}) or for inference. Owns the DJL {@link Model} and closes it.
 *
 * <p>Weights of convolutions and linear layers start He-normal (Xavier, Gaussian, fan-in, magnitude 2),
 * drawn from the engine's generator seeded with the run's seed; biases start at zero.
 */
public final class ModelSession implements AutoCloseable {
    private final ModelSpec spec;
    private final Model model;
    private final Block block;
    private final Trainer trainer;
    private final CheckpointedAdamW optimizer;
    private final ParameterStore inferenceStore;

    private ModelSession(ModelSpec spec, Model model, Block block, Trainer trainer, CheckpointedAdamW optimizer) {
        this.spec = spec;
        this.model = model;
        this.block = block;
        this.trainer = trainer;
        this.optimizer = optimizer;
        this.inferenceStore = trainer == null ? new ParameterStore(model.getNDManager(), false) : null;
    }

    /**
     * A network with an optimizer, freshly initialised or, when {@code resumeParams} is given, with those
     * parameters and the optimizer state saved at {@code resumeOptimizer}. {@code textColumns} is the m
     * of the first batch shape.
     */
    public static ModelSession forTraining(ModelSpec spec, Device device, long seed, Tracker learningRate,
                                           float weightDecay, int textColumns, Path resumeParams,
                                           Path resumeOptimizer) {
        return forTraining(spec, new Device[] {device}, seed, learningRate, weightDecay, textColumns, resumeParams,
                resumeOptimizer);
    }

    /**
     * As above on several devices (data-parallel: DJL keeps a copy of the parameters on each and sums their
     * gradients at the update); the first device holds the model.
     */
    public static ModelSession forTraining(ModelSpec spec, Device[] devices, long seed, Tracker learningRate,
                                           float weightDecay, int textColumns, Path resumeParams,
                                           Path resumeOptimizer) {
        Engine.getEngine("PyTorch").setRandomSeed((int) (seed ^ (seed >>> 32)));
        Block block = spec.buildBlock();
        Model model = Model.newInstance("ecg-siglip", devices[0], "PyTorch");
        model.setBlock(block);
        if (resumeParams != null) {
            // before the trainer exists: DJL's Trainer.initialize caches the parameter arrays it sees
            // and only initialises parameters that have none, so loaded values are kept and trained
            load(block, model.getNDManager(), resumeParams);
        }
        CheckpointedAdamW optimizer = CheckpointedAdamW.builder().setLearningRate(learningRate)
                .optWeightDecay(weightDecay).build();
        DefaultTrainingConfig config = new DefaultTrainingConfig(new SigmoidLoss())
                .optOptimizer(optimizer)
                .optDevices(devices.clone())
                .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                        XavierInitializer.FactorType.IN, 2f), Parameter.Type.WEIGHT);
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(spec.inputShapes(Math.max(1, textColumns)));
        optimizer.bind(block.getParameters());
        ModelSession session = new ModelSession(spec, model, block, trainer, optimizer);
        if (resumeParams != null) {
            try {
                session.loadOptimizer(resumeOptimizer);
            } catch (IOException e) {
                session.close();
                throw new EcgException(resumeOptimizer, null, "unreadable optimizer state: "
                        + e.getMessage(), "delete the checkpoint folder and train again", e);
            }
        }
        return session;
    }

    /** A network for inference with the parameters saved at {@code params}. */
    public static ModelSession forInference(ModelSpec spec, Device device, Path params) {
        Block block = spec.buildBlock();
        Model model = Model.newInstance("ecg-siglip", device, "PyTorch");
        model.setBlock(block);
        ModelSession session = new ModelSession(spec, model, block, null, null);
        block.initialize(model.getNDManager(), DataType.FLOAT32, spec.inputShapes(1));
        session.loadParameters(params);
        return session;
    }

    public ModelSpec spec() {
        return spec;
    }

    public Block block() {
        return block;
    }

    public Trainer trainer() {
        if (trainer == null) {
            throw new IllegalStateException("an inference session has no trainer");
        }
        return trainer;
    }

    public CheckpointedAdamW optimizer() {
        return optimizer;
    }

    public NDManager manager() {
        return trainer != null ? trainer.getManager() : model.getNDManager();
    }

    /** The device the parameters actually live on (DJL may differ from what was asked for: check it). */
    public Device device() {
        return block.getParameters().get(0).getValue().getArray().getDevice();
    }

    /** Forward pass in inference mode (batch norm uses its running statistics). */
    public NDList evaluate(NDList inputs) {
        return trainer != null ? trainer.evaluate(inputs) : block.forward(inferenceStore, inputs, false);
    }

    /** Saves all parameters, batch-norm running statistics included. */
    public void saveParameters(Path file) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file));
             DataOutputStream out = new DataOutputStream(os)) {
            block.saveParameters(out);
        }
    }

    /** Loads parameters into an inference session (a training session loads them at creation). */
    public void loadParameters(Path file) {
        if (trainer != null) {
            throw new IllegalStateException("a training session takes its parameters in forTraining(..., resumeParams, ...)");
        }
        load(block, manager(), file);
    }

    private static void load(Block block, NDManager manager, Path file) {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(is)) {
            block.loadParameters(manager, in);
        } catch (IOException | MalformedModelException e) {
            throw new EcgException(file, null, "cannot load model parameters: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()),
                    "the file may be from another model configuration or damaged; retrain or pick another run", e);
        }
    }

    public void saveOptimizer(Path file) throws IOException {
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file));
             DataOutputStream out = new DataOutputStream(os)) {
            optimizer.save(out);
        }
    }

    private void loadOptimizer(Path file) throws IOException {
        try (InputStream is = new BufferedInputStream(Files.newInputStream(file));
             DataInputStream in = new DataInputStream(is)) {
            optimizer.load(in, manager());
        }
    }

    @Override
    public void close() {
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }
}
