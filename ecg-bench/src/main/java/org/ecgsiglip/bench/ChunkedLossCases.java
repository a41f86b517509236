package org.ecgsiglip.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.LossShard;
import org.ecgsiglip.model.siglip.ShardedLoss;
import org.ecgsiglip.model.siglip.ShardedSigmoidLoss;
import org.ecgsiglip.model.siglip.TextStrategy;

/**
 * {@code LossBench --embed-sizes ...}: forward + backward of the SHARED_FINDING loss with paired (REPORT)
 * texts from embeddings x, y [n, d] (unit rows) and t', b, on the CPU, unchunked (logits [n, n] under
 * autograd) and in column chunks (closed-form gradients, {@link ShardedSigmoidLoss} with {@code chunk}).
 * Both include the target matrix from PTB-XL's finding sets (all 71 statements, drawn with a fixed seed),
 * and the gradient w.r.t. x, y, t', b, read back as a training step would use it.
 *
 * <p>Time: median of the repetitions (after one warm-up). Memory: the rise of the process's peak resident
 * set ({@code VmHWM} after a reset through {@code /proc/self/clear_refs}) over the resident set before
 * the repetitions: libtorch's CPU allocator takes large blocks from the system and gives them back when
 * freed, so this is the peak of the live tensors, native memory that the JVM's heap figures do not show.
 * An unchunked case whose estimated need (14 n × n float32 arrays, what DJL's manager keeps alive until
 * the step's scope closes) exceeds {@code MemAvailable} is skipped, not run into the OOM killer.
 *
 * <pre>LossBench --embed-sizes 1024,2048,4096,8192,16384 [--chunk 512] [--dim 128] [--reps 3]</pre>
 * Each n also prints the largest relative difference between the two modes' loss and dL/dx. The last
 * line is the ratio of the unchunked peak to the chunked peak, and of their times, at the largest n
 * where both ran.
 */
final class ChunkedLossCases {
    private static final double UNCHUNKED_ARRAYS = 14;

    private ChunkedLossCases() {
    }

    static void run(String[] args, String sizesArg, int[][] all, int k, int reps) {
        int[] sizes = Arrays.stream(sizesArg.split(",")).mapToInt(Integer::parseInt).toArray();
        int chunk = Integer.parseInt(TrainThroughput.arg(args, "--chunk", "512"));
        int dim = Integer.parseInt(TrainThroughput.arg(args, "--dim", "128"));
        Engine.getEngine("PyTorch").setRandomSeed(1);
        System.out.printf(Locale.ROOT, "PyTorch engine %s, %s intra-op threads; load %s; K = %d findings, d = %d, "
                        + "chunk = %d; MemAvailable %.1f GB%n", Engine.getEngine("PyTorch").getVersion(),
                System.getProperty("ai.djl.pytorch.num_threads", "default"), LossBench.load(), k, dim, chunk,
                memAvailableBytes() / 1e9);
        System.out.printf(Locale.ROOT, "%-12s %6s %12s %14s %14s %16s%n", "case", "n", "ms (median)", "peak RSS +MB",
                "n x n f32 MB", "n x chunk f32 MB");
        double[] last = null;
        for (int n : sizes) {
            int[][] sets = LossBench.draw(all, n, new SplittableRandom(n));
            try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
                Inputs in = inputs(root, n, dim, sets, k);
                double nn = (double) n * n * Float.BYTES / 1e6;
                double nc = (double) n * Math.min(chunk, n) * Float.BYTES / 1e6;
                float[][] chunkedOut = new float[2][];
                LossBench.Measurement c = LossBench.measure(reps, () -> step(in, chunk, chunkedOut));
                System.out.printf(Locale.ROOT, "%-12s %6d %12.1f %14.1f %14.1f %16.1f%n", "chunked", n, c.millis(),
                        c.peakRiseMb(), nn, nc);
                double need = UNCHUNKED_ARRAYS * n * (double) n * Float.BYTES;
                long available = memAvailableBytes();
                if (available > 0 && need > available) {
                    System.out.printf(Locale.ROOT, "%-12s %6d skipped: needs about %.1f GB, MemAvailable %.1f GB%n",
                            "unchunked", n, need / 1e9, available / 1e9);
                    continue;
                }
                float[][] plainOut = new float[2][];
                LossBench.Measurement u = LossBench.measure(reps, () -> step(in, 0, plainOut));
                System.out.printf(Locale.ROOT, "%-12s %6d %12.1f %14.1f %14.1f %16s%n", "unchunked", n, u.millis(),
                        u.peakRiseMb(), nn, "-");
                System.out.printf(Locale.ROOT, "%-12s %6d loss %.6g vs %.6g, max |ΔdL/dx| / max |dL/dx| = %.2g%n",
                        "agreement", n, chunkedOut[0][0], plainOut[0][0], maxDiff(chunkedOut[1], plainOut[1]));
                last = new double[] {n, u.peakRiseMb() / c.peakRiseMb(), u.millis() / c.millis()};
            }
        }
        if (last != null) {
            System.out.printf(Locale.ROOT, "RATIO unchunked/chunked at n=%d: peak RSS rise %.2f, time %.2f%n",
                    (int) last[0], last[1], last[2]);
        }
    }

    private record Inputs(NDArray x, NDArray y, NDArray hot, float[] keep) {
    }

    private static Inputs inputs(NDManager root, int n, int dim, int[][] sets, int k) {
        NDArray x = root.randomNormal(new Shape(n, dim));
        NDArray y = root.randomNormal(new Shape(n, dim));
        x = x.div(x.norm(new int[] {1}, true));
        y = y.div(y.norm(new int[] {1}, true));
        float[] keep = new float[k];
        Arrays.fill(keep, 1f);
        return new Inputs(x, y, LossBench.multiHot(root, sets, k), keep);
    }

    /** One training-step loss: fresh leaves, loss, backward, the gradients read back; freed with the scope. */
    private static Object step(Inputs in, int chunk, float[][] out) {
        try (NDManager scope = in.x().getManager().newSubManager();
             GradientCollector gc = Engine.getEngine("PyTorch").newGradientCollector()) {
            NDArray x = leaf(scope, in.x());
            NDArray y = leaf(scope, in.y());
            NDArray t = leaf(scope, scope.create(new float[] {(float) Math.log(10)}));
            NDArray b = leaf(scope, scope.create(new float[] {-2f}));
            NDArray hot = in.hot().duplicate();
            hot.attach(scope);
            ShardedLoss loss = new ShardedSigmoidLoss(LabelMatrix.SHARED_FINDING, TextStrategy.REPORT, in.keep(), chunk)
                    .compute(List.of(new LossShard(x, y, hot, hot, t, b)));
            loss.backward(gc);
            out[0] = new float[] {loss.value()};
            out[1] = x.getGradient().toFloatArray();
            y.getGradient().getFloat(0, 0);
            t.getGradient().getFloat();
            return out;
        }
    }

    private static NDArray leaf(NDManager scope, NDArray values) {
        NDArray a = values.duplicate();
        a.attach(scope);
        a.setRequiresGradient(true);
        return a;
    }

    private static double maxDiff(float[] a, float[] b) {
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
            scale = Math.max(scale, Math.abs(b[i]));
        }
        return diff / scale;
    }

    /** MemAvailable of /proc/meminfo in bytes, or −1 where there is none. */
    static long memAvailableBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.substring(13).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
