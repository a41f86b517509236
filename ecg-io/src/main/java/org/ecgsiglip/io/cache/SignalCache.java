package org.ecgsiglip.io.cache;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.MappedByteBuffer;
import java.nio.ShortBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.ecgsiglip.io.CacheException;
import org.ecgsiglip.io.Toolkit;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.preprocess.Preprocessing;

/**
 * Preprocessed signals of a whole dataset in one memory-mapped file ({@code signals.f32} or
 * {@code signals.f16}, little-endian, record-major then lead-major) plus {@code index.json} (record
 * ids, shape, preprocessing, source identity). Record {@code i} is dataset record {@code i}.
 *
 * <p>Reads are thread-safe (absolute gets on read-only mappings) and page in from disk on demand, so
 * a cache larger than memory streams. {@link #build} is atomic (the index appears last) and
 * resumable (a killed build continues from its last checkpoint).
 */
public final class SignalCache implements AutoCloseable {
    private static final long MAX_CHUNK = 1L << 30;

    private final Path dir;
    private final CacheIndex index;
    private final int recordsPerChunk;
    private final List<FloatBuffer> floats = new ArrayList<>();
    private final List<ShortBuffer> halves = new ArrayList<>();
    private volatile boolean closed;

    private SignalCache(Path dir, CacheIndex index) throws IOException {
        this.dir = dir;
        this.index = index;
        long recordBytes = index.recordBytes();
        this.recordsPerChunk = (int) Math.max(1, MAX_CHUNK / recordBytes);
        Path data = dir.resolve(index.precision().dataFileName());
        try (FileChannel ch = FileChannel.open(data, StandardOpenOption.READ)) {
            long expected = recordBytes * index.count();
            if (ch.size() != expected) {
                throw new CacheException(data, null, "data file has " + ch.size() + " bytes, the index expects "
                        + expected, "delete the cache folder and build it again");
            }
            for (long first = 0; first < index.count(); first += recordsPerChunk) {
                long n = Math.min(recordsPerChunk, index.count() - first);
                MappedByteBuffer m = ch.map(FileChannel.MapMode.READ_ONLY, first * recordBytes, n * recordBytes);
                m.order(ByteOrder.LITTLE_ENDIAN);
                if (index.precision() == Precision.FLOAT32) {
                    floats.add(m.asFloatBuffer());
                } else {
                    halves.add(m.asShortBuffer());
                }
            }
        }
    }

    /**
     * Builds the cache of {@code dataset} under {@code prep} in {@code dir}, or opens it when a
     * complete cache of exactly this build is already there. Resumes a killed build.
     *
     * @throws CacheException when {@code dir} holds a complete cache built differently
     */
    public static SignalCache build(LabeledDataset dataset, Preprocessing prep, Path dir, Precision precision) {
        return build(dataset, prep, dir, precision, i -> { });
    }

    /** As {@link #build(LabeledDataset, Preprocessing, Path, Precision)}, calling {@code onRecord} before each record. */
    public static SignalCache build(LabeledDataset dataset, Preprocessing prep, Path dir, Precision precision,
            IntConsumer onRecord) {
        return build(dataset, prep, dir, precision, onRecord, false);
    }

    /**
     * As above; with {@code replaceDifferent}, a complete cache in {@code dir} built differently (other
     * source files, preprocessing, records or precision) is replaced instead of refused. Meant for
     * folders the toolkit manages itself, where the folder name already encodes what it holds and a
     * difference can only mean the sources changed (a fresh clone, a rewritten file).
     */
    public static SignalCache build(LabeledDataset dataset, Preprocessing prep, Path dir, Precision precision,
            IntConsumer onRecord, boolean replaceDifferent) {
        CacheIndex target = new CacheIndex(CacheIndex.FORMAT, precision, dataset.size(), prep.leads().size(),
                prep.length(), prep, dataset.name(), SourceIdentity.of(dataset),
                dataset.records().stream().map(r -> r.recordId()).toList(), Toolkit.version());
        Path indexFile = dir.resolve("index.json");
        if (Files.exists(indexFile)) {
            CacheIndex existing = readIndex(dir);
            if (existing.sameBuild(target)) {
                return open(dir);
            }
            if (!replaceDifferent) {
                throw new CacheException(indexFile, null, "the folder holds a complete cache built "
                        + difference(existing, target), "delete " + dir + " or build into another folder");
            }
            try {
                // without its index the folder is an unfinished build of something else: rebuilt from scratch
                Files.delete(indexFile);
            } catch (IOException e) {
                throw new CacheException(indexFile, null, "cannot replace the outdated cache: " + e.getMessage(),
                        "delete " + dir + " by hand", e);
            }
        }
        CacheBuilder.build(dataset, prep, dir, target, onRecord);
        return open(dir);
    }

    /** Opens a complete cache. */
    public static SignalCache open(Path dir) {
        CacheIndex index = readIndex(dir);
        try {
            return new SignalCache(dir, index);
        } catch (IOException e) {
            throw new CacheException(dir, null, "cannot map the data file: " + e.getMessage(),
                    "check the folder and its permissions", e);
        }
    }

    /** Opens a complete cache and checks it was built with {@code expected}. */
    public static SignalCache open(Path dir, Preprocessing expected) {
        CacheIndex index = readIndex(dir);
        if (!index.preprocessing().equals(expected)) {
            throw new CacheException(dir.resolve("index.json"), "field preprocessing", "cache was built with "
                    + index.preprocessing() + " but " + expected + " was asked for",
                    "build a new cache for this configuration (another folder), or use the configuration it was built with");
        }
        return open(dir);
    }

    private static CacheIndex readIndex(Path dir) {
        Path f = dir.resolve("index.json");
        if (!Files.exists(f)) {
            String why = Files.exists(dir.resolve("build.json")) ? "the build was interrupted" : "no cache was built here";
            throw new CacheException(f, null, "no complete cache in " + dir + " (" + why + ")",
                    "run SignalCache.build (it resumes an interrupted build)");
        }
        CacheIndex index = CacheBuilder.read(f);
        if (index == null || !CacheIndex.FORMAT.equals(index.format())) {
            throw new CacheException(f, null, "not a cache index of format " + CacheIndex.FORMAT,
                    "delete the folder and build the cache again");
        }
        return index;
    }

    private static String difference(CacheIndex a, CacheIndex b) {
        if (!a.preprocessing().equals(b.preprocessing())) {
            return "with another preprocessing configuration (" + a.preprocessing() + ")";
        }
        if (a.precision() != b.precision()) {
            return "with precision " + a.precision();
        }
        if (!a.recordIds().equals(b.recordIds())) {
            return "from other records (" + a.count() + " records of " + a.datasetName() + ")";
        }
        return "from source files that have changed since";
    }

    /** Number of records. */
    public int size() {
        return index.count();
    }

    /** Leads per record. */
    public int leads() {
        return index.leads();
    }

    /** Samples per lead. */
    public int length() {
        return index.length();
    }

    /** The index (shape, configuration, identity). */
    public CacheIndex index() {
        return index;
    }

    /** The preprocessing every record went through. */
    public Preprocessing preprocessing() {
        return index.preprocessing();
    }

    /** The id of record {@code i}. */
    public String recordId(int i) {
        return index.recordIds().get(i);
    }

    /** Copies record {@code i} ({@code leads * length} floats, lead-major) into {@code dst} at {@code offset}. */
    public void read(int i, float[] dst, int offset) {
        if (closed) {
            throw new CacheException(dir, null, "cache is closed", "open it again");
        }
        if (i < 0 || i >= index.count()) {
            throw new IndexOutOfBoundsException("record " + i + " of " + index.count());
        }
        int n = index.leads() * index.length();
        int chunk = i / recordsPerChunk;
        int pos = (i % recordsPerChunk) * n;
        if (index.precision() == Precision.FLOAT32) {
            floats.get(chunk).get(pos, dst, offset, n);
        } else {
            short[] tmp = new short[n];
            halves.get(chunk).get(pos, tmp, 0, n);
            for (int k = 0; k < n; k++) {
                dst[offset + k] = Half.toFloat(tmp[k]);
            }
        }
    }

    /** Record {@code i} as {@code [leads][length]}. */
    public float[][] read(int i) {
        float[] flat = new float[index.leads() * index.length()];
        read(i, flat, 0);
        float[][] out = new float[index.leads()][];
        for (int k = 0; k < out.length; k++) {
            out[k] = java.util.Arrays.copyOfRange(flat, k * index.length(), (k + 1) * index.length());
        }
        return out;
    }

    @Override
    public void close() {
        closed = true;
        floats.clear();
        halves.clear();
    }
}
