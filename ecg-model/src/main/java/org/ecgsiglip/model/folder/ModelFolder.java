package org.ecgsiglip.model.folder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.PipelineJson;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.text.SentenceFeatures;
import org.ecgsiglip.model.text.TextFeatures;

/**
 * A model folder opened for use, after its checks: every file matches the folder's manifest, the run
 * finished (unless an unfinished one is asked for explicitly), the best checkpoint matches its own
 * manifest, and the parts agree with each other (vocabulary size, input shape, text features' width).
 *
 * @param run the folder's layout
 * @param spec the network to rebuild
 * @param vocabulary the findings, in output order
 * @param textFeatures what the text tower reads: the n-gram tokenizer, or the sentence embeddings kept of the
 *        findings' texts (null for the BCE baseline)
 * @param pipeline how a record becomes the model's input
 * @param params the best checkpoint's parameters
 * @param finished whether training ended
 */
public record ModelFolder(RunDirectory run, ModelSpec spec, FindingsVocabulary vocabulary, TextFeatures textFeatures,
                          InputPipeline pipeline, Path params, boolean finished) {

    /**
     * Opens and checks {@code dir}.
     *
     * @param allowUnfinished use the best checkpoint of a run that has not finished (killed, or still training)
     */
    public static ModelFolder open(Path folder, boolean allowUnfinished) {
        Path dir = PretrainedModels.resolve(folder);
        RunDirectory run = new RunDirectory(dir);
        if (!Files.isDirectory(dir)) {
            throw new EcgException(dir, null, "no such folder", "point --model at a folder written by 'ecg train'");
        }
        if (!Files.isRegularFile(run.model())) {
            throw new EcgException(dir, null, "not a model folder (no model.json)",
                    "point --model at a folder written by 'ecg train'");
        }
        Manifest manifest = Manifest.read(dir).orElseThrow(() -> new EcgException(dir, null,
                "this model folder has no manifest.json: it was written by an earlier version of the toolkit (or is "
                        + "damaged), and its files cannot be verified", "retrain it: ecg train --config "
                        + run.config() + " --out NEW_FOLDER"));
        manifest.verify(dir);
        if (!manifest.finished() && !allowUnfinished) {
            throw new EcgException(dir, null, "the run has not finished (it was killed, or is still training)",
                    "resume it (ecg train --config " + run.config() + " --out " + dir + " --resume), or pass "
                            + "--allow-unfinished to use its best checkpoint so far");
        }
        for (Path p : new Path[] {run.pipeline(), run.vocabulary()}) {
            if (!manifest.lists(dir.relativize(p).toString())) {
                throw new EcgException(p, null, "the manifest does not list this file", "retrain the model");
            }
        }
        Path best = Checkpoints.verified(run.bestCheckpoint()).orElseThrow(() -> new EcgException(dir, null,
                "the run has no best checkpoint yet", "let the run finish at least one epoch (or --resume it)"));
        ModelSpec spec = ModelFiles.readSpec(run.model());
        FindingsVocabulary vocabulary = FindingsVocabulary.read(run.vocabulary());
        // a --text-encoder minilm run keeps its findings' embeddings instead of a tokenizer
        Path textFile = Files.isRegularFile(run.textEmbeddings()) ? run.textEmbeddings() : run.tokenizer();
        if (textFile.equals(run.textEmbeddings()) && !manifest.lists(dir.relativize(textFile).toString())) {
            throw new EcgException(textFile, null, "the manifest does not list this file", "retrain the model");
        }
        TextFeatures textFeatures = spec.objective() != Objective.SIGLIP ? null
                : textFile.equals(run.textEmbeddings()) ? SentenceFeatures.read(textFile) : ModelFiles.readTokenizer(textFile);
        InputPipeline pipeline = PipelineJson.read(run.pipeline());
        if (vocabulary.size() != spec.findings()) {
            throw new EcgException(run.vocabulary(), null, vocabulary.size() + " findings, but the model was built for "
                    + spec.findings(), "restore the model's own vocabulary.json");
        }
        if (pipeline.leads() != spec.leads() || pipeline.inputLength() != spec.length()) {
            throw new EcgException(run.pipeline(), null, "the pipeline gives " + pipeline.leads() + " x "
                    + pipeline.inputLength() + " inputs, the model reads " + spec.leads() + " x " + spec.length(),
                    "restore the model's own pipeline.json");
        }
        if (textFeatures != null && textFeatures.dimension() != spec.textDim()) {
            throw new EcgException(textFile, null, "the text features have " + textFeatures.dimension()
                    + " values, the model reads " + spec.textDim(), "restore the model's own " + textFile.getFileName());
        }
        return new ModelFolder(run, spec, vocabulary, textFeatures, pipeline, best.resolve(RunDirectory.PARAMS),
                manifest.finished());
    }

    /**
     * Adds files to a finished, verified model folder — a toolkit operation such as {@code ecg calibrate} —
     * and rewrites its manifest, so the folder stays verifiable. The folder is checked first.
     *
     * @param writers file (inside the folder) → what writes it
     */
    public static ModelFolder amend(Path dir, java.util.Map<Path, Runnable> writers) {
        open(dir, false);
        if (PretrainedModels.isShipped(dir) || dir.toString().startsWith(PretrainedModels.PREFIX)) {
            throw new EcgException(dir, null, "a model shipped with the toolkit is not changed in place",
                    "copy the folder elsewhere first (cp -r), then work on the copy");
        }
        writers.forEach((file, writer) -> {
            if (!file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException(file + " is outside " + dir);
            }
            writer.run();
        });
        new RunDirectory(dir).writeFinishedManifest();
        return open(dir, false);
    }

    /** The calibration fitted on validation, when the folder has one. */
    public Optional<Path> calibration() {
        return Files.isRegularFile(run.calibration()) ? Optional.of(run.calibration()) : Optional.empty();
    }

    /** The thresholds tuned on validation, when the run wrote them. */
    public Optional<Path> thresholds() {
        return Files.isRegularFile(run.thresholds()) ? Optional.of(run.thresholds()) : Optional.empty();
    }
}
