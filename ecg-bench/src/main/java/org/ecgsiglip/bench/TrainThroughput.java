package org.ecgsiglip.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.SigmoidLoss;
import org.ecgsiglip.model.core.CheckpointedAdamW;
import org.ecgsiglip.model.core.Devices;
import org.ecgsiglip.model.train.HostBatch;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.text.TextTower;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.train.TrainingStep;
import org.ecgsiglip.model.train.WarmupCosine;

/**
 * Training-step throughput of the toolkit's model on one device, on synthetic batches shaped like
 * PTB-XL at 100 Hz (12 × 1000, K = 5 findings): the same model as {@code bench/train_peer.py} builds
 * in PyTorch, so the two samples/s figures can be set side by side in one run.
 *
 * <pre>java -cp ... org.ecgsiglip.bench.TrainThroughput --device cpu --batch 128 --steps 20 [--warmup 5]
 *     [--encoder resnet1d] [--length 1000] [--objective siglip|bce]</pre>
 * Prints one line: {@code RESULT impl=djl device=... samples_per_s=...}.
 */
public final class TrainThroughput {
    private TrainThroughput() {
    }

    public static void main(String[] args) {
        String device = arg(args, "--device", "cpu");
        int batch = Integer.parseInt(arg(args, "--batch", "128"));
        int steps = Integer.parseInt(arg(args, "--steps", "20"));
        int warmup = Integer.parseInt(arg(args, "--warmup", "5"));
        int length = Integer.parseInt(arg(args, "--length", "1000"));
        String encoder = arg(args, "--encoder", "resnet1d");
        Objective objective = Objective.parse(arg(args, "--objective", "siglip"));
        System.out.println(run(device, batch, steps, warmup, length, encoder, objective));
    }

    /** Runs the measurement and returns the RESULT line. */
    public static String run(String deviceSpec, int batch, int steps, int warmup, int length, String encoder,
                             Objective objective) {
        Device device = Devices.resolve(deviceSpec);
        int findings = 5;
        int textDim = 1024 + 40;
        Engine.getEngine("PyTorch").setRandomSeed(42);
        ModelSpec spec = new ModelSpec(objective, EncoderSpec.parse(encoder, 128), 12, length, findings, textDim,
                256, (float) Math.log(10), -10f, TextTower.MLP);
        Block block = spec.buildBlock();
        try (Model model = Model.newInstance("throughput", device, "PyTorch")) {
            model.setBlock(block);
            CheckpointedAdamW optimizer = CheckpointedAdamW.builder()
                    .setLearningRate(new WarmupCosine(1e-3f, 1e-5f, 10, 1000)).build();
            DefaultTrainingConfig config = new DefaultTrainingConfig(new SigmoidLoss())
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device})
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN, 2f), Parameter.Type.WEIGHT);
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(spec.inputShapes(batch));
                optimizer.bind(block.getParameters());
                Device actual = block.getParameters().get(0).getValue().getArray().getDevice();
                float[] keep = new float[findings];
                Arrays.fill(keep, 1f);
                TrainingStep step = new TrainingStep(trainer, objective, LabelMatrix.SHARED_FINDING,
                        org.ecgsiglip.model.siglip.TextStrategy.REPORT, keep, 1f, new Device[] {actual}, 0);
                HostBatch[] batches = {synthetic(batch, length, findings, textDim, 1),
                    synthetic(batch, length, findings, textDim, 2)};
                for (int i = 0; i < warmup; i++) {
                    step.run(batches[i % 2]);
                }
                long t0 = System.nanoTime();
                float loss = 0;
                for (int i = 0; i < steps; i++) {
                    loss = step.run(batches[i % 2]).loss();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                return String.format(Locale.ROOT,
                        "RESULT impl=djl device=%s encoder=%s objective=%s batch=%d length=%d steps=%d "
                                + "samples_per_s=%.1f ms_per_step=%.2f last_loss=%.4f engine=\"%s\"",
                        actual, encoder, objective.name().toLowerCase(Locale.ROOT), batch, length, steps,
                        steps * (double) batch / seconds, seconds * 1000 / steps, loss, Devices.engineDescription());
            }
        }
    }

    /** Gaussian signals, finding sets with realistic PTB-XL superclass rates, and bag-of-words texts. */
    static HostBatch synthetic(int n, int length, int findings, int textDim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] signals = new float[n * 12 * length];
        for (int i = 0; i < signals.length; i++) {
            signals[i] = (float) gaussian(rng);
        }
        double[] rates = {0.44, 0.25, 0.24, 0.22, 0.12};
        float[] hot = new float[n * findings];
        float[] texts = new float[n * textDim];
        for (int i = 0; i < n; i++) {
            boolean any = false;
            for (int k = 0; k < findings; k++) {
                if (rng.nextDouble() < rates[k % rates.length]) {
                    hot[i * findings + k] = 1f;
                    any = true;
                }
            }
            if (!any) {
                hot[i * findings] = 1f;
            }
            for (int t = 0; t < 12; t++) {
                texts[i * textDim + rng.nextInt(textDim)] += 1f / 12;
            }
        }
        return new HostBatch(n, 12, length, signals, findings, hot, n, textDim, texts, hot.clone());
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        double v = rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static String arg(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
