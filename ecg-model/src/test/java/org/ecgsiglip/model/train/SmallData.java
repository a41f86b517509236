package org.ecgsiglip.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.ecgsiglip.io.TestData;

/**
 * A small real training set for tests: the bundled PTB-XL sample (378 records) at the superdiagnostic
 * level, folds 1–8 train (336 records), fold 9 validation (42), loaded by the toolkit's own loader
 * into a signal cache in a temporary folder; 300 samples stored and random 250-sample windows read
 * (3 s and 2.5 s) to keep tests fast and exercise the crop.
 */
final class SmallData {
    private static final Map<String, TrainingData> LOADED = new HashMap<>();
    private static Path cacheRoot;

    private SmallData() {
    }

    /** The data of {@link #config} with no overrides. */
    static TrainingData get() {
        return load(config(Map.of()));
    }

    /** The data of {@code config}, loaded once per distinct pipeline. */
    static synchronized TrainingData load(TrainConfig config) {
        return LOADED.computeIfAbsent(config.dataSpec().digest(), k -> TrainingDataLoader.load(
                config.dataSpec(), cacheRoot().resolve(config.dataSpec().cacheKey().substring(0, 12)), i -> { }));
    }

    /** The small configuration, with {@code overrides} applied. */
    static TrainConfig config(Map<String, Object> overrides) {
        Map<String, Object> o = new HashMap<>(Map.of(
                "ptbxl", TestData.sample().toString(), "record-length", 300, "input-length", 250, "epochs", 2,
                "batch-size", 32, "embedding-dim", 32, "text-hidden", 32));
        o.putAll(overrides);
        return ConfigFiles.resolve(null, o);
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort at exit
        }
    }

    private static synchronized Path cacheRoot() {
        if (cacheRoot == null) {
            try {
                cacheRoot = Files.createTempDirectory("ecg-test-cache");
                Path root = cacheRoot;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cacheRoot;
    }
}
