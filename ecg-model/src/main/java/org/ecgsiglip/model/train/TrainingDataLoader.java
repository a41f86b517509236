package org.ecgsiglip.model.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cache.SignalCache;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.io.dataset.LabeledRecord;
import org.ecgsiglip.io.dataset.Split;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.util.FileHashCache;
import org.ecgsiglip.io.util.Sha256;

/**
 * Turns a {@link TrainConfig} into {@link TrainingData}: loads PTB-XL at the configured label level,
 * keeps the training and validation folds only (the test folds are never read while training),
 * preprocesses every kept record once into a memory-mapped {@link SignalCache}, and hashes the input
 * files for provenance (once: a hash store in the cache folder remembers them).
 *
 * <p>The cache folder defaults to {@code $ECG_SIGLIP_CACHE} or {@code ~/.cache/ecg-siglip}, in a
 * sub-folder named after the dataset and a digest of everything that shapes its content; such a
 * folder is rebuilt when the source files changed since (a new clone, a rewritten record). A folder
 * given with {@code cache-dir} is refused instead, with a message saying so.
 */
public final class TrainingDataLoader {
    private TrainingDataLoader() {
    }

    /**
     * The preprocessing a configuration asks for: 12 standard leads at 100 Hz, {@code record-length}
     * samples, band-pass, standardised.
     */
    public static Preprocessing preprocessing(TrainConfig c) {
        return Preprocessing.of(100, c.recordLength()).withBandPass(c.bandLow(), c.bandHigh()).withStandardize(true);
    }

    public static TrainingData load(TrainConfig c, IntConsumer onCachedRecord) {
        if (c.ptbxl() == null) {
            throw new ConfigurationException("ptbxl", "no dataset given", "pass --ptbxl PATH (the folder with "
                    + "ptbxl_database.csv) or set \"ptbxl\" in the configuration file");
        }
        LabelLevel level = LabelLevel.parse(c.level());
        LabeledDataset all = PtbXl.load(c.ptbxl(), level, PtbXl.Options.defaults().withSamplingRate(c.samplingRate()));
        Split folds = Split.byFolds(all, new TreeSet<>(c.trainFolds()), new TreeSet<>(c.validationFolds()),
                new TreeSet<>(c.testFolds()));
        int[] keep = concat(folds.train(), folds.validation());
        LabeledDataset dataset = all.select(keep);
        int nt = folds.train().length;
        Split split = new Split(range(0, nt), range(nt, keep.length), new int[0]);
        Preprocessing prep = preprocessing(c);
        Precision precision = Precision.valueOf(c.cachePrecision().toUpperCase(Locale.ROOT));
        boolean managed = c.cacheDir() == null;
        Path cacheDir = managed ? defaultCacheDir(c, dataset, prep, precision) : c.cacheDir();
        // the toolkit's own cache folders are rebuilt when their sources changed; a folder the user
        // named is never replaced without being asked
        SignalCache cache = SignalCache.build(dataset, prep, cacheDir, precision, onCachedRecord, managed);

        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("dataset", dataset.name());
        provenance.put("root", c.ptbxl().toAbsolutePath().normalize().toString());
        provenance.put("records_loaded", all.size());
        provenance.put("records_used", dataset.size());
        provenance.put("dropped_without_finding", all.report().droppedNoFinding());
        provenance.put("preprocessing", prep.toString());
        provenance.put("cache", cacheDir.toAbsolutePath().toString());
        provenance.put("cache_precision", precision.name().toLowerCase(Locale.ROOT));
        provenance.putAll(hashes(c.ptbxl(), dataset, cacheDir));
        return new TrainingData(dataset, split, SignalSource.of(cache), provenance);
    }

    private static Map<String, Object> hashes(Path root, LabeledDataset dataset, Path cacheDir) {
        FileHashCache store = FileHashCache.open(cacheDir.resolve("file-hashes.json"));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String table : List.of("ptbxl_database.csv", "scp_statements.csv")) {
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

    private static Path defaultCacheDir(TrainConfig c, LabeledDataset dataset, Preprocessing prep, Precision precision) {
        String env = System.getenv("ECG_SIGLIP_CACHE");
        Path base = env != null && !env.isBlank() ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "ecg-siglip");
        StringBuilder key = new StringBuilder();
        key.append(c.ptbxl().toAbsolutePath().normalize()).append('\n').append(dataset.name()).append('\n')
                .append(c.samplingRate()).append('\n').append(prep).append('\n').append(precision).append('\n');
        for (LabeledRecord r : dataset.records()) {
            key.append(r.recordId()).append(',');
        }
        String digest = Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return base.resolve(dataset.name() + "-" + digest);
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
