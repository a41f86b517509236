package org.ecgsiglip.model.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.ecgsiglip.io.cache.SignalCache;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.pipeline.DataSpec;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.ecgsiglip.io.util.FileHashCache;

/**
 * Turns a {@link DataSpec} into {@link TrainingData}: loads the source, keeps the training and
 * validation folds only (the test folds are never read while training), stores every kept record once
 * in a memory-mapped {@link SignalCache}, fits the pipeline on the training records, and hashes the
 * input files for provenance (once: a hash store in the cache folder remembers them).
 *
 * <p>The cache folder defaults to {@code $ECG_SIGLIP_CACHE} or {@code ~/.cache/ecg-siglip}, in a
 * sub-folder named after the dataset and {@link DataSpec#cacheKey()}; such a folder is rebuilt when the
 * source files changed since (a new clone, a rewritten record). A folder the user names is refused
 * instead, with a message saying so.
 */
public final class TrainingDataLoader {
    private TrainingDataLoader() {
    }

    /** The data of {@code config}: its {@link TrainConfig#dataSpec()} in its {@code cache-dir} (or the default). */
    public static TrainingData load(TrainConfig config, IntConsumer onCachedRecord) {
        return load(config.dataSpec(), config.cacheDir(), onCachedRecord);
    }

    /**
     * @param cacheDir a folder the user named, or null for the toolkit's own
     * @param onCachedRecord called before each record is cached (progress)
     */
    public static TrainingData load(DataSpec spec, Path cacheDir, IntConsumer onCachedRecord) {
        LabeledDataset all = spec.source().load();
        Split folds = spec.folds().split(all);
        int[] keep = concat(folds.train(), folds.validation());
        LabeledDataset dataset = all.select(keep);
        int nt = folds.train().length;
        Split split = new Split(range(0, nt), range(nt, keep.length), new int[0]);
        boolean managed = cacheDir == null;
        Path dir = managed ? defaultCacheDir(spec, dataset) : cacheDir;
        // the toolkit's own cache folders are rebuilt when their sources changed; a folder the user
        // named is never replaced without being asked
        SignalCache cache = SignalCache.build(dataset, spec.preprocessing(), dir, spec.precision(), onCachedRecord,
                managed);
        SignalSource signals = SignalSource.of(cache);
        InputPipeline pipeline = InputPipeline.fit(spec, signals, split.train());

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", dataset.name());
        provenance.put("root", spec.source().root().toString());
        provenance.put("records_loaded", all.size());
        provenance.put("records_used", dataset.size());
        provenance.put("dropped_without_finding", all.report().droppedNoFinding());
        provenance.put("pipeline_digest", pipeline.digest());
        provenance.put("cache", dir.toAbsolutePath().toString());
        provenance.put("cache_precision", spec.precision().name().toLowerCase(Locale.ROOT));
        provenance.putAll(hashes(spec, dataset, dir));
        return new TrainingData(dataset, split, signals, pipeline, provenance);
    }

    private static Map<String, Object> hashes(DataSpec spec, LabeledDataset dataset, Path cacheDir) {
        Path root = spec.source().root();
        FileHashCache store = FileHashCache.open(cacheDir.resolve("file-hashes.json"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String table : spec.source().tables()) {
            out.put("sha256_" + table, store.sha256(root.resolve(table)));
        }
        List<Path> files = new ArrayList<>();
        for (LabeledRecord r : dataset.records()) {
            for (String suffix : List.of(".hea", ".dat", ".mat")) {
                Path f = r.recordPath().resolveSibling(r.recordPath().getFileName() + suffix);
                if (Files.isRegularFile(f)) {
                    files.add(f);
                }
            }
        }
        out.put("record_files", files.size());
        out.put("sha256_record_files", store.combined(root, files));
        store.save();
        return out;
    }

    private static Path defaultCacheDir(DataSpec spec, LabeledDataset dataset) {
        String env = System.getenv("ECG_SIGLIP_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "ecg-siglip");
        return base.resolve(dataset.name() + "-" + spec.cacheKey().substring(0, 12));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        Arrays.setAll(r, i -> from + i);
        return r;
    }
}
