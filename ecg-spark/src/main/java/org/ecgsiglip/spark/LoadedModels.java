package org.ecgsiglip.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.model.predict.Predictor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models this JVM has loaded, one {@link Predictor} per (model folder, device), loaded on first
 * use and kept until the JVM exits. On a Spark executor every task of every job that scores with the
 * same folder shares it: the model is read from disk and placed on the device once per executor JVM,
 * not once per task or partition. Tasks run concurrently in one executor; a loaded Predictor is used
 * by them at once (its scoring makes a fresh NDArray scope per call and runs the network in inference
 * mode, which changes no state), except for the very first call, which is made alone because DJL fills
 * its parameter cache then.
 */
public final class LoadedModels {
    private static final Map<Key, Model> MODELS = new ConcurrentHashMap<>();
    private static final Map<Key, AtomicInteger> LOADS = new ConcurrentHashMap<>();
    private static final Logger LOG = LoggerFactory.getLogger(LoadedModels.class);

    private LoadedModels() {
    }

    private record Key(Path folder, String device) {
    }

    /** A loaded model, shared by the tasks of this JVM. */
    public static final class Model {
        private final Predictor predictor;
        private final Object firstCall = new Object();
        private volatile boolean warm;

        private Model(Predictor predictor) {
            this.predictor = predictor;
        }

        public FindingsVocabulary vocabulary() {
            return predictor.vocabulary();
        }

        /** {@link Predictor#scoreRecords}: reads, preprocesses and scores the records, in batches of 64. */
        public ScoreMatrix scoreRecords(List<Path> records) {
            if (warm) {
                return predictor.scoreRecords(records);
            }
            synchronized (firstCall) {
                ScoreMatrix m = predictor.scoreRecords(records);
                warm = true;
                return m;
            }
        }
    }

    /** The model in {@code folder} on {@code device}, loading it if this JVM has not yet. */
    public static Model get(Path folder, String device) {
        Key key = new Key(folder.toAbsolutePath().normalize(), device);
        return MODELS.computeIfAbsent(key, k -> {
            LOADS.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
            long t0 = System.nanoTime();
            // never closed: it lives as long as the JVM, whose exit frees its native memory
            Model m = new Model(Predictor.load(k.folder(), k.device()));
            LOG.info("loaded the model {} on {} in JVM {} ({} ms)", k.folder(), k.device(), ProcessHandle.current().pid(),
                    (System.nanoTime() - t0) / 1_000_000);
            return m;
        });
    }

    /** How many times this JVM has loaded the model in {@code folder} on {@code device} (once, after any use). */
    public static int loads(Path folder, String device) {
        AtomicInteger n = LOADS.get(new Key(folder.toAbsolutePath().normalize(), device));
        return n == null ? 0 : n.get();
    }
}
