package org.ecgsiglip.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cache.SignalCache;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.dataset.LoadReport;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.EpochSummary;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.Training;
import org.ecgsiglip.model.train.TrainingData;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.ecgsiglip.model.train.TrainingStep;

/**
 * Memory of one training epoch over a dataset larger than the heap, streamed from the cache.
 *
 * <p>Builds (or reuses) a signal cache of about {@code --gigabytes} GB by repeating the PTB-XL
 * training records (folds 1–8, superdiagnostic, the toolkit's default preprocessing), keeps 256
 * fold-9 records for validation, then runs {@code Training.run} for one epoch, sampling once a
 * second the process's resident set from {@code /proc/self/status} — split into anonymous memory
 * (heap, native tensors, stacks: what the process owns) and file-backed pages (the mapped cache:
 * page cache the kernel can drop at any time) — and the Java heap in use. Run it with a heap far
 * smaller than the cache, e.g.:
 *
 * <pre>java -Xmx256m -cp ... org.ecgsiglip.bench.MemoryBench --gigabytes 2 [--source mmap|pread]
 *     [--cache /tmp/ecg-memory-cache] [--batch 128] [--keep-cache]</pre>
 * {@code --source pread} reads the same cache file with positional reads instead of the mapping, to
 * show which part of the resident set the mapping accounts for. The last line is the ratio of the
 * anonymous resident set at the end of the epoch to that at a tenth of it (flat memory: about 1).
 */
public final class MemoryBench {
    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        double gigabytes = Double.parseDouble(TrainThroughput.arg(args, "--gigabytes", "2"));
        String source = TrainThroughput.arg(args, "--source", "mmap");
        int batch = Integer.parseInt(TrainThroughput.arg(args, "--batch", "128"));
        Path cacheDir = Path.of(TrainThroughput.arg(args, "--cache", "/tmp/ecg-memory-cache"));
        boolean keep = Arrays.asList(args).contains("--keep-cache");
        Path ptbxl = ReadBenchmark.dataRoot().resolve("ptb-xl").toAbsolutePath();

        TrainConfig config = ConfigFiles.resolve(null, Map.of("ptbxl", ptbxl.toString(), "epochs", 1,
                "batch-size", batch, "device", "cpu", "seed", 7));
        LabeledDataset ptb = PtbXl.load(ptbxl, LabelLevel.SUPERDIAGNOSTIC);
        Split folds = Split.ptbxlDefault(ptb);
        Preprocessing prep = config.dataSpec().preprocessing();
        long recordBytes = (long) prep.leads().size() * config.recordLength() * Float.BYTES;
        int repeats = (int) Math.max(1, Math.ceil(gigabytes * 1e9 / (recordBytes * folds.train().length)));
        List<LabeledRecord> records = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            for (int i : folds.train()) {
                records.add(ptb.records().get(i));
            }
        }
        int trainCount = records.size();
        for (int i = 0; i < Math.min(256, folds.validation().length); i++) {
            records.add(ptb.records().get(folds.validation()[i]));
        }
        LabeledDataset big = new LabeledDataset(ptb.name() + " x" + repeats, ptb.vocabulary(), records,
                LoadReport.clean(records.size()));
        Split split = new Split(range(0, trainCount), range(trainCount, records.size()), new int[0]);

        long t0 = System.nanoTime();
        AtomicInteger built = new AtomicInteger();
        try (SignalCache cache = SignalCache.build(big, prep, cacheDir, Precision.FLOAT32, i -> built.incrementAndGet())) {
            long cacheBytes = Files.size(cacheDir.resolve("signals.f32"));
            long heapMax = Runtime.getRuntime().maxMemory();
            System.out.printf(Locale.ROOT, "cache: %d records (PTB-XL folds 1-8 x %d + %d validation), %.2f GB in %s;"
                    + " %d built in %.0f s%n", big.size(), repeats, big.size() - trainCount, cacheBytes / 1e9, cacheDir,
                    built.get(), (System.nanoTime() - t0) / 1e9);
            System.out.printf(Locale.ROOT, "heap limit (-Xmx) %.0f MB: the cache is %.1f x the heap; source %s;"
                    + " load %s%n", heapMax / 1e6, (double) cacheBytes / heapMax, source, LossBench.load());
            SignalSource signals = source.equals("pread") ? pread(cacheDir.resolve("signals.f32"), cache.leads(),
                    cache.length()) : SignalSource.of(cache);
            TrainingData data = new TrainingData(big, split, signals,
                    InputPipeline.fit(config.dataSpec(), signals, split.train()), Map.of("dataset", big.name()));
            Path runDir = Files.createTempDirectory("ecg-memory-run");
            Sampler sampler = new Sampler();
            EpochSummary[] summary = new EpochSummary[1];
            TrainingMonitor monitor = new TrainingMonitor() {
                @Override
                public void onStep(int epoch, int step, TrainingStep.Result result) {
                    sampler.steps.set(step);
                }

                @Override
                public void onEpoch(EpochSummary s, Evaluation validation) {
                    summary[0] = s;
                }
            };
            Thread thread = new Thread(sampler, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
            try {
                Training.run(config, data, new RunDirectory(runDir), false, monitor);
            } finally {
                sampler.stop = true;
                thread.join();
                delete(runDir);
            }
            System.out.print(sampler.report(trainCount / batch, summary[0]));
        } finally {
            if (!keep) {
                delete(cacheDir);
            }
        }
    }

    /** Samples memory once a second while training runs. */
    static final class Sampler implements Runnable {
        final AtomicInteger steps = new AtomicInteger();
        final List<double[]> rows = new ArrayList<>(); // seconds, step, rss, anon, file, heap (MB)
        volatile boolean stop;
        private final long start = System.nanoTime();

        @Override
        public void run() {
            while (!stop) {
                sample();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
            sample();
        }

        private void sample() {
            Map<String, Long> s = status();
            double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
            synchronized (rows) {
                rows.add(new double[] {(System.nanoTime() - start) / 1e9, steps.get(), s.getOrDefault("VmRSS", -1L) / 1e3,
                    s.getOrDefault("RssAnon", -1L) / 1e3, s.getOrDefault("RssFile", -1L) / 1e3, heap});
            }
        }

        String report(int stepsPerEpoch, EpochSummary summary) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%8s %7s %10s %10s %10s %10s%n", "seconds", "step", "RSS MB",
                    "anon MB", "file MB", "heap MB"));
            List<double[]> r;
            synchronized (rows) {
                r = new ArrayList<>(rows);
            }
            int every = Math.max(1, r.size() / 12);
            for (int i = 0; i < r.size(); i++) {
                if (i % every == 0 || i == r.size() - 1) {
                    double[] v = r.get(i);
                    out.append(String.format(Locale.ROOT, "%8.0f %7.0f %10.0f %10.0f %10.0f %10.0f%n", v[0], v[1], v[2],
                            v[3], v[4], v[5]));
                }
            }
            double[] peak = new double[6];
            for (double[] v : r) {
                for (int k = 2; k < 6; k++) {
                    peak[k] = Math.max(peak[k], v[k]);
                }
            }
            out.append(String.format(Locale.ROOT, "peak: RSS %.0f MB, anonymous %.0f MB, file-backed %.0f MB, heap %.0f MB%n",
                    peak[2], peak[3], peak[4], peak[5]));
            if (summary != null) {
                out.append(String.format(Locale.ROOT, "epoch: %.0f s, %.1f samples/s, data_wait_share %.4f (%.2f%%)%n",
                        summary.seconds(), summary.samplesPerSecond(), summary.dataWaitShare(),
                        100 * summary.dataWaitShare()));
            }
            double early = anonAt(r, stepsPerEpoch / 10);
            double late = anonAt(r, stepsPerEpoch);
            out.append(String.format(Locale.ROOT, "RATIO anonymous RSS at the end of the epoch / at 10%% of it = %.2f"
                    + " (%.0f / %.0f MB)%n", late / early, late, early));
            return out.toString();
        }

        /** Anonymous RSS at the first sample at or after {@code step} (the last sample when none). */
        static double anonAt(List<double[]> r, int step) {
            for (double[] v : r) {
                if (v[1] >= step) {
                    return v[3];
                }
            }
            return r.get(r.size() - 1)[3];
        }
    }

    /** VmRSS, RssAnon, RssFile (kB) of this process; empty off Linux. */
    static Map<String, Long> status() {
        Map<String, Long> m = new java.util.HashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                for (String key : List.of("VmRSS", "RssAnon", "RssFile")) {
                    if (line.startsWith(key + ":")) {
                        m.put(key, Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return m;
        }
        return m;
    }

    /** The cache's float32 data file read with positional reads (no mapping); thread-safe. */
    static SignalSource pread(Path data, int leads, int length) throws IOException {
        FileChannel ch = FileChannel.open(data, StandardOpenOption.READ);
        int n = leads * length;
        return new SignalSource() {
            @Override
            public int leads() {
                return leads;
            }

            @Override
            public int length() {
                return length;
            }

            @Override
            public void read(int i, float[] dst, int offset) {
                ByteBuffer b = ByteBuffer.allocate(n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                long pos = (long) i * n * Float.BYTES;
                try {
                    while (b.hasRemaining()) {
                        int k = ch.read(b, pos + b.position());
                        if (k < 0) {
                            throw new IOException("cache file ends before record " + i);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                b.flip();
                b.asFloatBuffer().get(dst, offset, n);
            }
        };
    }

    static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
