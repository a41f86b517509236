package org.ecgsiglip.model.train;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.pipeline.PipelineJson;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.Sha256;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.folder.Checkpoints;
import org.ecgsiglip.model.folder.Manifest;
import org.ecgsiglip.model.folder.ModelFiles;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.text.SentenceFeatures;
import org.ecgsiglip.model.text.TextColumns;
import org.ecgsiglip.model.text.TextFeatures;

/**
 * How a run begins: a fresh start writes the run's definition (configuration, pipeline, vocabulary,
 * tokenizer, network, provenance) and an unfinished manifest of it; a resume checks that the
 * configuration is the one the run was started with and reads the last checkpoint's state.
 */
final class RunStart {
    /** Keys that may change between a run and its resume without changing what the run computes. */
    static final List<String> FREE_KEYS = List.of("device", "cache-dir", "epochs");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunStart() {
    }

    /** The state of a new run, with b measured or given; refuses a folder that holds another run. */
    static TrainingState fresh(RunDirectory run, TrainConfig config, TrainingData data, int[][] sets,
                               TextColumns texts, BitSet excluded, int findings) {
        if (Checkpoints.find(run.lastCheckpoint()).isPresent()) {
            throw new EcgException(run.root(), null, "this folder already holds a training run",
                    "pass --resume to continue it, or choose another --out");
        }
        if (Files.isRegularFile(run.config())) {
            // a run that stopped before its first checkpoint (e.g. a diverged loss): restart it only as it was
            checkSame(run, config, "this folder holds the definition of another run (it stopped before its first "
                    + "checkpoint)", "choose another --out, or delete the folder");
        }
        if (config.objective() == Objective.BCE) {
            return TrainingState.start(null, null);
        }
        LabelMatrix matrix = config.labelMatrix();
        EpochPlan first = EpochPlan.of(data.split().train(), config.batchSize(), config.seed(), 0);
        double p = TargetStatistics.positiveRate(first, sets, texts, matrix, config.text().paired(), excluded,
                findings, 20, config.seed());
        double bias = config.logitBiasInit().value().orElse(
                matrix == LabelMatrix.DIAGONAL ? -10.0 : TargetStatistics.logOdds(p));
        return TrainingState.start(bias, p);
    }

    /**
     * Where a resume starts: the newest complete checkpoint and its state, and what was discarded on the
     * way (for the user).
     */
    record Resumed(TrainingState state, Path checkpoint, List<String> notes) {
    }

    /**
     * The newest complete checkpoint to resume from, after checking the configuration is unchanged. Both
     * {@code last/} and {@code best/} hold parameters, optimizer state and training state; a checkpoint
     * that is missing or fails its manifest (a disk that filled up mid-write) is passed over for the
     * other, and half-written {@code .tmp} folders are removed — each said in {@link Resumed#notes()}.
     */
    static Resumed resume(RunDirectory run, TrainConfig config) {
        if (!Files.exists(run.config())) {
            throw new EcgException(run.root(), null, "no run to resume here (no config.json)",
                    "start the run without --resume");
        }
        checkSame(run, config, "the run was started with another configuration than this resume asks for",
                "resume with --config " + run.config() + " (only device, cache-dir and epochs may change)");
        List<String> notes = new java.util.ArrayList<>();
        for (Path p : List.of(run.lastCheckpoint(), run.bestCheckpoint())) {
            Path tmp = p.resolveSibling(p.getFileName() + ".tmp");
            if (Files.exists(tmp)) {
                try {
                    Checkpoints.deleteTree(tmp);
                    notes.add("removed the half-written " + run.root().relativize(tmp));
                } catch (IOException e) {
                    throw new EcgException(tmp, null, "cannot remove a half-written checkpoint: " + e.getMessage(),
                            "delete it by hand", e);
                }
            }
        }
        Path chosen = null;
        TrainingState state = null;
        for (Path p : List.of(run.lastCheckpoint(), run.bestCheckpoint())) {
            try {
                Optional<Path> found = Checkpoints.verified(p);
                if (found.isEmpty() || !Files.isRegularFile(found.get().resolve(RunDirectory.OPTIMIZER))) {
                    notes.add(run.root().relativize(p) + " is missing or holds no optimizer state");
                    continue;
                }
                TrainingState s = readState(found.get().resolve(RunDirectory.STATE));
                if (state == null || s.completedEpochs() > state.completedEpochs()) {
                    chosen = found.get();
                    state = s;
                }
            } catch (EcgException e) {
                notes.add(run.root().relativize(p) + " is incomplete and is passed over (" + e.problem() + ")");
            }
        }
        if (chosen == null) {
            throw new EcgException(run.root(), null, "no complete checkpoint to resume from"
                    + (notes.isEmpty() ? "" : ": " + String.join("; ", notes)),
                    "start the run again without --resume into another --out");
        }
        return new Resumed(state, chosen, List.copyOf(notes));
    }

    private static TrainingState readState(Path state) {
        try {
            return JSON.readValue(state.toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new EcgException(state, null, "unreadable training state: " + e.getMessage(),
                    "delete the checkpoint folder and train again", e);
        }
    }

    /**
     * Writes the run's definition and an unfinished manifest of it.
     *
     * @param heldOut what {@link HeldOutFindings#describe} says of the held-out findings, or null when none
     */
    static void writeDefinition(RunDirectory run, TrainConfig config, TrainingData data, Device device,
                                FindingsVocabulary vocabulary, TextFeatures tokenizer, ModelSpec spec,
                                java.util.Map<String, Object> heldOut) {
        try {
            Files.createDirectories(run.root());
            ConfigFiles.write(config, run.config());
            PipelineJson.write(data.pipeline(), run.pipeline());
            vocabulary.write(run.vocabulary());
            ObjectNode provenance = RunProvenance.collect(config, data, device);
            if (heldOut != null) {
                provenance.set("held_out", JSON.valueToTree(heldOut));
            }
            if (tokenizer instanceof SentenceFeatures sentences) {
                sentences.write(run.textEmbeddings());
                ObjectNode text = JSON.valueToTree(sentences.describe());
                text.put("file", run.root().relativize(run.textEmbeddings()).toString());
                text.put("file_sha256", Sha256.of(run.textEmbeddings()));
                provenance.set("text_encoder", text);
            } else {
                AtomicFiles.writeString(run.tokenizer(), JSON.writeValueAsString(tokenizer));
            }
            ModelFiles.writeSpec(spec, run.model());
            RunProvenance.write(provenance, run.provenance());
        } catch (IOException e) {
            throw new EcgException(run.root(), null, "cannot write the run's definition: " + e.getMessage(),
                    "check that the folder is writable and the disk has space", e);
        }
        markUnfinished(run);
    }

    /** A manifest of the definition files, marking the run as not finished (written at start and on resume). */
    static void markUnfinished(RunDirectory run) {
        Manifest.of(run.root(), definitionFiles(run), false).write(run.root());
    }

    /** The definition files present in the folder, relative to it (provenance, updated at the end, is not one). */
    static List<String> definitionFiles(RunDirectory run) {
        return java.util.stream.Stream.of(run.config(), run.pipeline(), run.vocabulary(), run.tokenizer(),
                        run.textEmbeddings(), run.model())
                .filter(Files::isRegularFile).map(p -> run.root().relativize(p).toString()).toList();
    }

    private static void checkSame(RunDirectory run, TrainConfig config, String problem, String fix) {
        ObjectNode saved = ConfigFiles.toTree(ConfigFiles.read(run.config()));
        ObjectNode now = ConfigFiles.toTree(config);
        for (String free : FREE_KEYS) {
            saved.remove(free);
            now.remove(free);
        }
        for (String key : (Iterable<String>) now::fieldNames) {
            if (!now.get(key).equals(saved.get(key))) {
                throw new EcgException(run.config(), "key '" + key + "'", problem + ": " + key + " was "
                        + saved.get(key) + ", now " + now.get(key), fix);
            }
        }
    }
}
