package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ecgsiglip.model.folder.Checkpoints;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.TrainingState;

/**
 * Decides what an experiment does with a run folder: train it from scratch (no checkpoint yet),
 * resume it (a checkpoint of an unfinished run: killed mid-way, or more epochs asked for), or skip
 * it (finished: every epoch checkpointed, thresholds and validation written, provenance closed).
 * A folder trained with another configuration is never reused silently.
 */
final class RunFolders {
    /** What to do with a run folder. */
    enum Action { TRAIN, RESUME, SKIP }

    /** Keys that may differ between a run folder and the experiment without invalidating the run. */
    private static final List<String> FREE = List.of("device", "cache-dir", "epochs");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunFolders() {
    }

    static Action decide(RunDirectory run, TrainConfig config) {
        Optional<Path> last = Checkpoints.find(run.lastCheckpoint());
        if (last.isEmpty()) {
            return Action.TRAIN;
        }
        if (!Files.isRegularFile(run.config())) {
            throw new ExperimentException(run.root(), null, "the folder holds a checkpoint but no config.json",
                    "delete the folder to train this run again");
        }
        checkSameConfiguration(run, config);
        TrainingState state = read(last.get().resolve(RunDirectory.STATE), TrainingState.class);
        if (state.completedEpochs() > config.epochs()) {
            throw new ExperimentException(run.root(), null, "the run has already trained " + state.completedEpochs()
                    + " epochs, more than the " + config.epochs() + " the experiment asks for",
                    "raise \"epochs\" to " + state.completedEpochs() + " or delete the folder to train it again");
        }
        boolean finished = state.completedEpochs() == config.epochs() && Files.isRegularFile(run.thresholds())
                && Files.isRegularFile(run.validation().resolve("metrics.json"))
                && read(run.provenance(), JsonNode.class).has("finished_at");
        return finished ? Action.SKIP : Action.RESUME;
    }

    private static void checkSameConfiguration(RunDirectory run, TrainConfig config) {
        ObjectNode saved = ConfigFiles.toTree(ConfigFiles.read(run.config()));
        ObjectNode wanted = ConfigFiles.toTree(config);
        for (String key : (Iterable<String>) wanted::fieldNames) {
            if (!FREE.contains(key) && !wanted.get(key).equals(saved.get(key))) {
                throw new ExperimentException(run.config(), "key '" + key + "'", "this run folder was trained with "
                        + key + " = " + saved.get(key) + ", the experiment now asks for " + wanted.get(key),
                        "delete " + run.root() + " to train it again, or pass another --out");
            }
        }
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new ExperimentException(file, null, "unreadable: " + e.getMessage(),
                    "delete the run folder to train it again", e);
        }
    }
}
