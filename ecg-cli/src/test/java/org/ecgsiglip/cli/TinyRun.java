package org.ecgsiglip.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** A tiny PTB-XL copy (folds 1-3 of the bundled sample) and a model trained on it through the CLI. */
record TinyRun(Path root, Path run) {

    /** Copies the data under {@code tmp} and trains {@code epochs} epochs into {@code tmp/run}. */
    static TinyRun train(Path tmp, int epochs) throws IOException {
        Path root = SmallPtbXl.copy(tmp.resolve("ptb-xl"), Map.of(1, 24, 2, 24, 3, 12));
        Path run = tmp.resolve("run");
        TrainCommandTest.Outcome o = TrainCommandTest.execute("train", "--ptbxl", root.toString(), "--train-folds",
                "1,2", "--validation-folds", "3", "--test-folds", "", "--epochs", Integer.toString(epochs),
                "--batch-size", "16", "--embedding-dim", "16", "--text-hidden", "16", "--record-length", "300",
                "--input-length", "250", "--cache-dir", tmp.resolve("cache").toString(), "--out", run.toString(), "-q");
        assertEquals(0, o.exit(), o.err());
        return new TinyRun(root, run);
    }
}
