package org.ecgsiglip.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.EvaluationOptions;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ecg-eval's two sizes from issue 3, single-shot wall time per call:
 * <ul>
 *   <li>{@code evaluate100kx100}: every metric and average of 100,000 records x 100 findings;</li>
 *   <li>{@code bootstrap1000x2000x71}: the same plus percentile intervals from 1,000 resamples
 *       of 2,000 records x 71 findings (PTB-XL's "all" level);</li>
 *   <li>{@code compare1000x2000x71}: a paired comparison of two prediction sets on those records.</li>
 * </ul>
 * Run: {@code java -cp <ecg-bench classpath> org.openjdk.jmh.Main EvalBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
public class EvalBenchmark {
    private ScoreMatrix bigScores;
    private TruthMatrix bigTruth;
    private ScoreMatrix scores;
    private ScoreMatrix otherScores;
    private TruthMatrix truth;

    @Setup
    public void setUp() {
        Object[] big = data(100_000, 100, 1);
        bigScores = (ScoreMatrix) big[0];
        bigTruth = (TruthMatrix) big[1];
        Object[] small = data(2_000, 71, 2);
        scores = (ScoreMatrix) small[0];
        truth = (TruthMatrix) small[1];
        otherScores = (ScoreMatrix) data(2_000, 71, 3)[0];
    }

    @Benchmark
    public Evaluation evaluate100kx100() {
        return Evaluator.evaluate(bigScores, bigTruth, Thresholds.fixed(0.5));
    }

    @Benchmark
    public Evaluation bootstrap1000x2000x71() {
        return Evaluator.evaluate(scores, truth, Thresholds.fixed(0.5),
                EvaluationOptions.builder().optBootstrap(Bootstrap.byRecord(1000, 42)).build());
    }

    @Benchmark
    public PairedComparison compare1000x2000x71() {
        return PairedComparison.compare(scores, otherScores, truth, Thresholds.fixed(0.5),
                EvaluationOptions.builder().optBootstrap(Bootstrap.byRecord(1000, 42)).build());
    }

    /**
     * Truth with prevalence from 1% to 40% over findings and scores that lean towards it, as
     * float32 probabilities would (so ties occur). Records ids are the same for every seed.
     */
    static Object[] data(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> ids = new ArrayList<>(n);
        List<String> codes = new ArrayList<>(k);
        for (int r = 0; r < n; r++) {
            ids.add("rec" + r);
        }
        for (int j = 0; j < k; j++) {
            codes.add("F" + j);
        }
        SplittableRandom truthRng = new SplittableRandom(12345);
        double[][] s = new double[n][k];
        boolean[][] t = new boolean[n][k];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < k; j++) {
                t[r][j] = truthRng.nextDouble() < 0.01 + 0.39 * j / Math.max(1, k - 1);
                s[r][j] = (float) Math.min(1.0, 0.3 * (t[r][j] ? 1 : 0) + 0.7 * rng.nextDouble());
            }
        }
        return new Object[] {new ScoreMatrix(ids, codes, s), new TruthMatrix(ids, codes, t)};
    }
}
