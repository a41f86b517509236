package org.ecgsiglip.model.train;

import java.nio.file.Path;
import java.util.Map;
import org.ecgsiglip.model.folder.RunDirectory;

/** Trains small real runs on the bundled sample for tests in other packages. */
public final class TestRuns {
    private TestRuns() {
    }

    /** Trains {@link SmallData#config} with {@code overrides} into {@code folder}; returns the folder. */
    public static Path train(Path folder, Map<String, Object> overrides) {
        TrainConfig config = SmallData.config(overrides);
        Training.run(config, SmallData.load(config), new RunDirectory(folder), false, TrainingMonitor.SILENT);
        return folder;
    }
}
