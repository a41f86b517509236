package org.ecgsiglip.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.SigmoidLoss;

/**
 * The pairwise sigmoid loss and its target matrix at batch sizes n = 256, 1024, 4096, on the CPU.
 * <ul>
 *   <li>{@code loss}: forward and backward of {@code SigmoidLoss.of(logits [n, n], targets)} with the
 *       gradient taken for the logits (what a training step adds on top of the encoders);</li>
 *   <li>{@code targets-device}: {@code LabelMatrix.SHARED_FINDING} built from multi-hot [n, K] arrays
 *       on the device (what {@code TrainingStep} does) and {@code targets-java}: the plain-Java
 *       reference {@code float[n][n]} from the finding-index sets.</li>
 * </ul>
 * Finding sets are PTB-XL's (all 71 statements) drawn with a fixed seed. Time: median of the
 * repetitions. Memory: the rise of the process's peak resident set ({@code VmHWM}, reset through
 * {@code /proc/self/clear_refs} before each case) while the case runs, beside the bytes of one n × n
 * float matrix; the Java reference also reports its heap array.
 *
 * <pre>java -cp ... org.ecgsiglip.bench.LossBench [--sizes 256,1024,4096] [--reps 7]</pre>
 * The last line is the ratio of the device target matrix's time to the Java reference's at the largest n.
 *
 * <p>With {@code --embed-sizes 1024,...}, it instead compares the loss from embeddings unchunked and in
 * column chunks ({@link ChunkedLossCases}).
 */
public final class LossBench {
    private LossBench() {
    }

    public static void main(String[] args) {
        int[] sizes = Arrays.stream(TrainThroughput.arg(args, "--sizes", "256,1024,4096").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int reps = Integer.parseInt(TrainThroughput.arg(args, "--reps", "7"));
        LabeledDataset ds = PtbXl.load(ReadBenchmark.dataRoot().resolve("ptb-xl"), LabelLevel.ALL);
        int k = ds.vocabulary().size();
        int[][] all = ds.records().stream().map(r -> r.findings()).toArray(int[][]::new);
        Device cpu = Device.cpu();
        String embedSizes = TrainThroughput.arg(args, "--embed-sizes", "");
        if (!embedSizes.isEmpty()) {
            ChunkedLossCases.run(args, embedSizes, all, k, reps);
            return;
        }
        Engine.getEngine("PyTorch").setRandomSeed(1);
        System.out.printf(Locale.ROOT, "PyTorch engine %s, %s intra-op threads; load %s; K = %d findings%n",
                Engine.getEngine("PyTorch").getVersion(), System.getProperty("ai.djl.pytorch.num_threads", "default"),
                load(), k);
        System.out.printf(Locale.ROOT, "%-17s %6s %12s %14s %14s%n", "case", "n", "ms (median)", "peak RSS +MB",
                "n x n f32 MB");
        double ratio = Double.NaN;
        for (int n : sizes) {
            int[][] sets = draw(all, n, new SplittableRandom(n));
            double matrixMb = (double) n * n * Float.BYTES / 1e6;
            Measurement loss = lossForwardBackward(cpu, n, sets, k, reps);
            print("loss fwd+bwd", n, loss, matrixMb);
            Measurement device = deviceTargets(cpu, n, sets, k, reps);
            print("targets-device", n, device, matrixMb);
            Measurement bool = boolDiagonalTargets(cpu, n, sets, k, reps);
            print("targets-bool-eye", n, bool, matrixMb);
            Measurement java = measure(reps, () -> LabelMatrix.SHARED_FINDING.targets(sets, sets, true, new BitSet()));
            print("targets-java", n, java, matrixMb);
            ratio = device.millis() / java.millis();
        }
        System.out.printf(Locale.ROOT, "RATIO targets-device/targets-java time at n=%d = %.2f%n",
                sizes[sizes.length - 1], ratio);
    }

    record Measurement(double millis, double peakRiseMb) {
    }

    private static void print(String name, int n, Measurement m, double matrixMb) {
        System.out.printf(Locale.ROOT, "%-17s %6d %12.2f %14.1f %14.1f%n", name, n, m.millis(), m.peakRiseMb(), matrixMb);
    }

    /** Forward + backward of the loss for random logits; arrays freed after each repetition. */
    static Measurement lossForwardBackward(Device device, int n, int[][] sets, int k, int reps) {
        try (NDManager root = NDManager.newBaseManager(device)) {
            NDArray targets = LabelMatrix.SHARED_FINDING.targets(multiHot(root, sets, k), multiHot(root, sets, k),
                    root.ones(new Shape(k)), true);
            NDArray logits = root.randomNormal(new Shape(n, n)).mul(3f).sub(2f);
            logits.setRequiresGradient(true);
            return measure(reps, () -> {
                try (NDManager scope = root.newSubManager(); GradientCollector gc = Engine.getInstance()
                        .newGradientCollector()) {
                    // arrays made from the logits join their manager: lend it to the scope so that they
                    // are freed with it, as in TrainingStep, where the logits come from the step's scope
                    logits.tempAttach(scope);
                    NDArray loss = SigmoidLoss.of(logits, targets);
                    gc.backward(loss);
                    float value = loss.getFloat();
                    logits.getGradient().getFloat(0, 0);
                    return value;
                }
            });
        }
    }

    /** SHARED_FINDING from multi-hot arrays on the device, read back to the host as TrainingStep's mean does not. */
    static Measurement deviceTargets(Device device, int n, int[][] sets, int k, int reps) {
        try (NDManager root = NDManager.newBaseManager(device)) {
            NDArray keep = root.ones(new Shape(k));
            return measure(reps, () -> {
                try (NDManager scope = root.newSubManager()) {
                    NDArray hot = multiHot(scope, sets, k);
                    NDArray y = LabelMatrix.SHARED_FINDING.targets(hot, hot, keep, true);
                    return y.mean().getFloat();
                }
            });
        }
    }

    /**
     * A candidate for {@code LabelMatrix.targets(NDArray...)} (SHARED_FINDING, paired): the diagonal
     * joined as a boolean identity before the one conversion to float, instead of a float identity and
     * an element-wise maximum afterwards; checked equal to the toolkit's matrix before it is timed.
     */
    static Measurement boolDiagonalTargets(Device device, int n, int[][] sets, int k, int reps) {
        try (NDManager root = NDManager.newBaseManager(device)) {
            NDArray keep = root.ones(new Shape(k));
            try (NDManager check = root.newSubManager()) {
                NDArray hot = multiHot(check, sets, k);
                if (!candidate(hot, keep, n).contentEquals(LabelMatrix.SHARED_FINDING.targets(hot, hot, keep, true))) {
                    throw new IllegalStateException("the boolean-diagonal matrix differs from LabelMatrix's");
                }
            }
            return measure(reps, () -> {
                try (NDManager scope = root.newSubManager()) {
                    return candidate(multiHot(scope, sets, k), keep, n).mean().getFloat();
                }
            });
        }
    }

    static NDArray candidate(NDArray hot, NDArray keep, int n) {
        NDArray a = hot.mul(keep);
        NDArray shared = a.matMul(a.transpose()).gt(0.5f);
        return shared.logicalOr(hot.getManager().eye(n, n, 0, DataType.BOOLEAN)).toType(DataType.FLOAT32, false);
    }

    static NDArray multiHot(NDManager m, int[][] sets, int k) {
        float[] hot = new float[sets.length * k];
        for (int i = 0; i < sets.length; i++) {
            for (int f : sets[i]) {
                hot[i * k + f] = 1f;
            }
        }
        return m.create(hot, new Shape(sets.length, k));
    }

    /** Median time of {@code reps} runs after one warm-up, and the peak-RSS rise over all of them. */
    static Measurement measure(int reps, Supplier<Object> work) {
        Object sink = work.get();
        System.gc();
        long base = rssKb("VmRSS:");
        resetPeak();
        double[] ms = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            sink = work.get();
            ms[r] = (System.nanoTime() - t0) / 1e6;
        }
        long peak = rssKb("VmHWM:");
        Arrays.sort(ms);
        if (sink == null) {
            throw new IllegalStateException();
        }
        return new Measurement(ms[reps / 2], base < 0 || peak < 0 ? Double.NaN : (peak - base) / 1024.0);
    }

    static int[][] draw(int[][] all, int n, SplittableRandom rng) {
        int[][] sets = new int[n][];
        for (int i = 0; i < n; i++) {
            sets[i] = all[rng.nextInt(all.length)];
        }
        return sets;
    }

    /** A line of /proc/self/status in kB, or -1 where there is none. */
    static long rssKb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** Resets the peak resident set size (Linux: writing 5 to clear_refs); ignored elsewhere. */
    static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException e) {
            // the peak then covers the whole process so far; the figures say "+MB" over the base
        }
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
