package org.ecgsiglip.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.cli.EcgCommand;
import org.ecgsiglip.io.TestData;

/**
 * A tiny trained model for the tests, made once per test JVM by the ecg command itself (one epoch
 * on two folds of the bundled PTB-XL sample, 16-dimensional embeddings, 250-sample windows). The
 * only place that knows {@code ecg train}'s flags.
 */
final class TinyModel {
    private static Path folder;

    private TinyModel() {
    }

    static synchronized Path folder() {
        if (folder == null) {
            try {
                Path dir = Files.createTempDirectory("ecg-spark-tiny-model");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        OutputFolder.deleteTree(dir);
                    } catch (IOException ignored) {
                        // a temporary folder; the OS cleans it eventually
                    }
                }));
                Path run = dir.resolve("run");
                int code = EcgCommand.execute("-q", "train", "--ptbxl", TestData.sample().toString(), "--out", run.toString(),
                        "--epochs", "1", "--batch-size", "32", "--record-length", "300", "--input-length", "250",
                        "--embedding-dim", "16", "--text-hidden", "16", "--train-folds", "1,2", "--validation-folds", "3",
                        "--test-folds", "9");
                if (code != 0) {
                    throw new IllegalStateException("ecg train exited with " + code + " for the tests' tiny model");
                }
                folder = run;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return folder;
    }
}
