package org.ecgsiglip.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cache.SignalCache;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * How close decoding PTB-XL records is to plain I/O. One operation is one pass over every PTB-XL
 * record at 100 Hz (3,880 in the shared subset); the score is records/s, and the {@code bytes}
 * counter is bytes/s (divide by 1e6 for MB/s):
 * <ul>
 *   <li>{@code rawBytes}: read each record's {@code .hea} and {@code .dat} into memory, nothing else
 *       (the I/O floor; counts those bytes);</li>
 *   <li>{@code decodeWfdb}: {@code RecordReader.read} of each record: parse the header, decode format
 *       16, verify checksums and initial values, convert to float mV (counts the same file bytes);</li>
 *   <li>{@code readCache}: copy each record's 12 x 1000 float32 values out of a {@link SignalCache}
 *       built once in setup (counts the cache bytes read).</li>
 * </ul>
 * Files come from the page cache after warm-up, so the comparison is decode cost against memory
 * copies, not disk speed. Data root: {@code -Decg.data.root}, {@code ECG_DATA_ROOT}, or
 * {@code ../shared/data}. Run: {@code java -cp <ecg-bench classpath> org.ecgsiglip.bench.ReadBenchmark}
 * (prints the table and the decode/raw ratio) or through {@code org.openjdk.jmh.Main ReadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class ReadBenchmark {
    private List<Path[]> files;
    private List<Path> records;
    private long fileBytes;
    private SignalCache cache;
    private Path cacheDir;
    private float[] buffer;

    /** Bytes processed, reported by JMH as a rate next to the records/s score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytes {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        LabeledDataset ds = PtbXl.load(dataRoot().resolve("ptb-xl"), LabelLevel.ALL);
        records = new ArrayList<>();
        files = new ArrayList<>();
        for (LabeledRecord r : ds.records()) {
            Path p = r.recordPath();
            Path[] f = {p.resolveSibling(p.getFileName() + ".hea"), p.resolveSibling(p.getFileName() + ".dat")};
            records.add(p);
            files.add(f);
            fileBytes += Files.size(f[0]) + Files.size(f[1]);
        }
        cacheDir = Files.createTempDirectory("ecg-read-bench");
        cache = SignalCache.build(ds, Preprocessing.of(100, 1000), cacheDir, Precision.FLOAT32);
        buffer = new float[cache.leads() * cache.length()];
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cache.close();
        try (Stream<Path> s = Files.walk(cacheDir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public long rawBytes(Bytes counter) throws IOException {
        long n = 0;
        for (Path[] f : files) {
            n += Files.readAllBytes(f[0]).length;
            n += Files.readAllBytes(f[1]).length;
        }
        counter.bytes += n;
        return n / files.size();
    }

    @Benchmark
    public void decodeWfdb(Bytes counter, Blackhole bh) {
        for (Path p : records) {
            EcgRecord r = RecordReader.read(p);
            bh.consume(r.signals()[0][0]);
        }
        counter.bytes += fileBytes;
    }

    @Benchmark
    public void readCache(Bytes counter, Blackhole bh) {
        for (int i = 0; i < cache.size(); i++) {
            cache.read(i, buffer, 0);
            bh.consume(buffer[i % buffer.length]);
        }
        counter.bytes += (long) cache.size() * buffer.length * Float.BYTES;
    }

    static Path dataRoot() {
        String prop = System.getProperty("ecg.data.root");
        String env = System.getenv("ECG_DATA_ROOT");
        Path root = prop != null && !prop.isBlank() ? Path.of(prop)
                : env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/data");
        if (!Files.isDirectory(root.resolve("ptb-xl"))) {
            throw new UncheckedIOException(new IOException("PTB-XL not found under " + root.toAbsolutePath()
                    + "; set -Decg.data.root or ECG_DATA_ROOT to the folder that holds ptb-xl/"));
        }
        return root;
    }

    /** Runs the three benchmarks and prints records/s, MB/s and the ratios to raw I/O. */
    public static void main(String[] args) throws RunnerException {
        String root = dataRoot().toAbsolutePath().toString();
        var results = new Runner(new OptionsBuilder().include(ReadBenchmark.class.getName() + "\\.")
                .jvmArgsAppend("-Decg.data.root=" + root).build()).run();
        int perOp = PtbXl.load(dataRoot().resolve("ptb-xl"), LabelLevel.ALL).size();
        double raw = Double.NaN;
        System.out.printf("%n%-12s %12s %10s%n", "benchmark", "records/s", "MB/s");
        List<Object[]> rows = new ArrayList<>();
        for (var r : results) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            double opsPerSecond = r.getPrimaryResult().getScore();
            var bytes = r.getSecondaryResults().get("bytes");
            double mbs = bytes == null ? Double.NaN : bytes.getScore() / 1e6;
            rows.add(new Object[] {name, opsPerSecond * perOp, mbs});
            if (name.equals("rawBytes")) {
                raw = opsPerSecond * perOp;
            }
        }
        for (Object[] row : rows) {
            System.out.printf("%-12s %12.0f %10.1f   %.2fx the records/s of rawBytes%n", row[0], row[1], row[2],
                    (double) row[1] / raw);
        }
    }
}
