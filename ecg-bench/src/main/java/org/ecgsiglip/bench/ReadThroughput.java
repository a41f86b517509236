package org.ecgsiglip.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cache.SignalCache;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;

/**
 * Reading PTB-XL against reading the same bytes raw, on a machine shared with other work: the four
 * paths run in turn, one pass over every record each, for several rounds, and each round's ratio
 * compares passes made seconds apart, so a change in load hits both sides of a ratio alike.
 * <ul>
 *   <li>{@code wfdb-raw}: {@code Files.readAllBytes} of each record's {@code .hea} and {@code .dat};</li>
 *   <li>{@code wfdb-decode}: {@code RecordReader.read} (header, format 16, checksums and initial values
 *       verified, float mV) — the same files;</li>
 *   <li>{@code cache-raw}: one positioned read of each record's bytes from the cache's data file into a
 *       heap buffer (the same bytes the cache path copies);</li>
 *   <li>{@code cache-read}: {@code SignalCache.read} of each record into a float array.</li>
 * </ul>
 * Files come from the page cache (every pass after the first), so a ratio is decoding cost against
 * the cost of getting the bytes, not disk speed. Reports records/s and MB/s from wall time and from
 * the thread's CPU time (less sensitive to other processes), the median over rounds.
 *
 * <pre>java -cp ... org.ecgsiglip.bench.ReadThroughput [--rounds 9] [-Decg.data.root=...]</pre>
 * The last lines are the ratios: time per record of the path over time per record of its raw read
 * (goals: wfdb ≤ 2, cache ≤ 1.2).
 */
public final class ReadThroughput {
    private static final String[] PATHS = {"wfdb-raw", "wfdb-decode", "cache-raw", "cache-read"};

    private ReadThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(TrainThroughput.arg(args, "--rounds", "9"));
        LabeledDataset ds = PtbXl.load(ReadBenchmark.dataRoot().resolve("ptb-xl"), LabelLevel.ALL);
        Path cacheDir = Files.createTempDirectory("ecg-read-throughput");
        try (SignalCache cache = SignalCache.build(ds, Preprocessing.of(100, 1000), cacheDir, Precision.FLOAT32)) {
            Result r = run(ds, cache, cacheDir.resolve("signals.f32"), rounds);
            System.out.print(r.report());
        } finally {
            try (Stream<Path> s = Files.walk(cacheDir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Medians over rounds, per path, and the per-round ratios' medians. */
    record Result(int records, long wfdbBytes, long cacheBytes, double[][] wallSeconds, double[][] cpuSeconds,
                  String load) {
        double median(double[] v) {
            double[] s = v.clone();
            Arrays.sort(s);
            return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        }

        /** Median over rounds of time(path a) / time(path b), from wall or CPU time. */
        double ratio(int a, int b, boolean cpu) {
            double[][] t = cpu ? cpuSeconds : wallSeconds;
            double[] r = new double[t[a].length];
            for (int i = 0; i < r.length; i++) {
                r[i] = t[a][i] / t[b][i];
            }
            return median(r);
        }

        String report() {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%d records, %d rounds; load %s%n", records, wallSeconds[0].length,
                    load));
            out.append(String.format(Locale.ROOT, "%-12s %12s %9s %14s %9s%n", "path", "records/s", "MB/s",
                    "records/s(cpu)", "MB/s(cpu)"));
            for (int p = 0; p < PATHS.length; p++) {
                long bytes = p < 2 ? wfdbBytes : cacheBytes;
                double wall = median(wallSeconds[p]);
                double cpu = median(cpuSeconds[p]);
                out.append(String.format(Locale.ROOT, "%-12s %12.0f %9.1f %14.0f %9.1f%n", PATHS[p], records / wall,
                        bytes / wall / 1e6, records / cpu, bytes / cpu / 1e6));
            }
            out.append(String.format(Locale.ROOT, "RATIO wfdb-decode/wfdb-raw time per record = %.2f (cpu %.2f; goal <= 2)%n",
                    ratio(1, 0, false), ratio(1, 0, true)));
            out.append(String.format(Locale.ROOT, "RATIO cache-read/cache-raw time per record = %.2f (cpu %.2f; goal <= 1.2)%n",
                    ratio(3, 2, false), ratio(3, 2, true)));
            return out.toString();
        }
    }

    /** Runs {@code rounds} rounds of the four paths (one unmeasured warm-up round first). */
    static Result run(LabeledDataset ds, SignalCache cache, Path cacheData, int rounds) throws IOException {
        List<Path> records = new ArrayList<>();
        List<Path[]> files = new ArrayList<>();
        long wfdbBytes = 0;
        for (LabeledRecord r : ds.records()) {
            Path p = r.recordPath();
            Path[] f = {p.resolveSibling(p.getFileName() + ".hea"), p.resolveSibling(p.getFileName() + ".dat")};
            records.add(p);
            files.add(f);
            wfdbBytes += Files.size(f[0]) + Files.size(f[1]);
        }
        int n = cache.leads() * cache.length();
        long cacheBytes = (long) cache.size() * n * Float.BYTES;
        double[][] wall = new double[PATHS.length][rounds];
        double[][] cpu = new double[PATHS.length][rounds];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        float[] floats = new float[n];
        byte[] bytes = new byte[n * Float.BYTES];
        long sink = 0;
        try (FileChannel data = FileChannel.open(cacheData, StandardOpenOption.READ)) {
            for (int round = -1; round < rounds; round++) {
                for (int p = 0; p < PATHS.length; p++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    switch (p) {
                        case 0 -> {
                            for (Path[] f : files) {
                                sink += Files.readAllBytes(f[0]).length + Files.readAllBytes(f[1]).length;
                            }
                        }
                        case 1 -> {
                            for (Path r : records) {
                                sink += Float.floatToRawIntBits(RecordReader.read(r).signals()[0][0]);
                            }
                        }
                        case 2 -> {
                            for (int i = 0; i < cache.size(); i++) {
                                ByteBuffer b = ByteBuffer.wrap(bytes);
                                long pos = (long) i * bytes.length;
                                while (b.hasRemaining()) {
                                    pos += data.read(b, pos);
                                }
                                sink += bytes[i % bytes.length];
                            }
                        }
                        default -> {
                            for (int i = 0; i < cache.size(); i++) {
                                cache.read(i, floats, 0);
                                sink += Float.floatToRawIntBits(floats[i % n]);
                            }
                        }
                    }
                    if (round >= 0) {
                        wall[p][round] = (System.nanoTime() - t0) / 1e9;
                        cpu[p][round] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    }
                }
            }
        }
        if (sink == 42) {
            System.out.print(""); // keeps the reads observable
        }
        Path loadavg = Path.of("/proc/loadavg");
        String load = Files.isReadable(loadavg) ? Files.readString(loadavg).trim() : "unknown";
        return new Result(records.size(), wfdbBytes, cacheBytes, wall, cpu, load);
    }
}
