package org.ecgsiglip.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
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
 * <p>Memory: one run of each mode (which is also the warm-up), the rise of the process's peak resident set
 * ({@code VmHWM} after a reset through {@code /proc/self/clear_refs}) over the resident set before it:
 * native memory of libtorch's tensors, which the JVM's heap figures do not show. libtorch's CPU
 * allocator is glibc's malloc: blocks above the mmap threshold go back to the system when freed, smaller
 * ones may stay in malloc's arenas and be reused without a new rise. Run with
 * {@code MALLOC_MMAP_THRESHOLD_=65536} to make every tensor above 64 kB its own mapping, so that the
 * resident set follows the live tensors (this slows allocation: take times from a run without it).
 * An unchunked case whose estimated need exceeds {@code MemAvailable} is skipped, not run into the OOM
 * killer: 14 n × n float32 arrays (about 11.3 are measured: DJL's manager keeps every intermediate alive
 * until the step's scope closes).
 *
 * <p>Time: {@code reps} rounds, each timing one chunked and one unchunked run (wall and process CPU time);
 * medians, and the median over rounds of each round's time ratio.
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
        System.out.printf(Locale.ROOT, "%-10s %6s %11s %11s %13s %11s %15s%n", "case", "n", "ms median", "cpu-ms med",
                "peak RSS +MB", "n x n MB", "n x chunk MB");
        String ratios = null;
        for (int n : sizes) {
            int[][] sets = LossBench.draw(all, n, new SplittableRandom(n));
            try (NDManager root = NDManager.newBaseManager(Device.cpu())) {
                Inputs in = inputs(root, n, dim, sets, k);
                float[][] chunkedOut = new float[2][];
                float[][] plainOut = new float[2][];
                double chunkedMb = peakRiseMb(() -> step(in, chunk, chunkedOut));
                double need = UNCHUNKED_ARRAYS * n * (double) n * Float.BYTES;
                long available = memAvailableBytes();
                boolean plain = available <= 0 || need <= available;
                double plainMb = plain ? peakRiseMb(() -> step(in, 0, plainOut)) : Double.NaN;
                // timed rounds alternate the two modes, so that a change of load hits both sides of a ratio
                double[][] ms = new double[4][reps];
                double[] ratio = new double[reps];
                for (int r = 0; r < reps; r++) {
                    double[] c = timed(() -> step(in, chunk, chunkedOut));
                    ms[0][r] = c[0];
                    ms[1][r] = c[1];
                    if (plain) {
                        double[] u = timed(() -> step(in, 0, plainOut));
                        ms[2][r] = u[0];
                        ms[3][r] = u[1];
                        ratio[r] = u[0] / c[0];
                    }
                }
                double nn = (double) n * n * Float.BYTES / 1e6;
                System.out.printf(Locale.ROOT, "%-10s %6d %11.1f %11.1f %13.1f %11.1f %15.1f%n", "chunked", n,
                        median(ms[0]), median(ms[1]), chunkedMb, nn, (double) n * Math.min(chunk, n) * Float.BYTES / 1e6);
                if (!plain) {
                    System.out.printf(Locale.ROOT, "%-10s %6d skipped: needs about %.1f GB, MemAvailable %.1f GB%n",
                            "unchunked", n, need / 1e9, available / 1e9);
                    continue;
                }
                System.out.printf(Locale.ROOT, "%-10s %6d %11.1f %11.1f %13.1f %11.1f %15s%n", "unchunked", n,
                        median(ms[2]), median(ms[3]), plainMb, nn, "-");
                double[] sorted = ratio.clone();
                Arrays.sort(sorted);
                System.out.printf(Locale.ROOT, "%-10s %6d loss %.6g vs %.6g, max |ΔdL/dx| / max |dL/dx| = %.2g; time "
                                + "unchunked/chunked per round: median %.2f (%.2f-%.2f)%n", "compare", n, chunkedOut[0][0],
                        plainOut[0][0], maxDiff(chunkedOut[1], plainOut[1]), median(ratio), sorted[0],
                        sorted[reps - 1]);
                ratios = String.format(Locale.ROOT, "at n=%d: peak RSS rise %.2f, time %.2f (median of %d rounds)", n,
                        plainMb / chunkedMb, median(ratio), reps);
            }
        }
        if (ratios != null) {
            System.out.println("RATIO unchunked/chunked " + ratios);
        }
    }

    /** The rise of the peak resident set during one run over the resident set before it. */
    static double peakRiseMb(Supplier<Object> work) {
        System.gc();
        long base = LossBench.rssKb("VmRSS:");
        LossBench.resetPeak();
        if (work.get() == null) {
            throw new IllegalStateException();
        }
        long peak = LossBench.rssKb("VmHWM:");
        return base < 0 || peak < 0 ? Double.NaN : (peak - base) / 1024.0;
    }

    /** Wall and process CPU milliseconds of one run (CPU time: all threads, libtorch's included). */
    static double[] timed(Supplier<Object> work) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        if (work.get() == null) {
            throw new IllegalStateException();
        }
        return new double[] {(System.nanoTime() - t0) / 1e6, (os.getProcessCpuTime() - cpu0) / 1e6};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
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
