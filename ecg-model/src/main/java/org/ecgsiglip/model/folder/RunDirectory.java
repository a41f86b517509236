package org.ecgsiglip.model.folder;

import java.nio.file.Path;

/**
 * The layout of a run folder, which explains itself:
 * <pre>
 *   manifest.json          SHA-256 of every file below (checked before the model is used); "finished"
 *                          once training ended
 *   config.json            resolved configuration (pass it back with --config to repeat the run)
 *   pipeline.json          the input pipeline: data, preprocessing, windows, fitted lead statistics
 *   provenance.json        toolkit, git commit, Java/OS/CPU, DJL/PyTorch, device, seeds, data hashes, folds
 *   vocabulary.json        the frozen findings vocabulary
 *   tokenizer.json         the text tokenizer (SigLIP runs with --text-encoder ngram)
 *   text-embeddings.json   the frozen sentence encoder's embeddings of the findings' texts (--text-encoder minilm)
 *   model.json             what is needed to rebuild the network before loading its parameters
 *   metrics.jsonl          one JSON line per epoch (training loss, positive rate, validation metrics, timing)
 *   steps.jsonl            one JSON line per step (loss, positive rate of the target matrix, gradient norm, lr)
 *   checkpoints/last/      parameters + optimizer state + training state after the last finished epoch
 *   checkpoints/best/      parameters of the best epoch by the selection metric (incl. batch-norm statistics)
 *   thresholds.json        per-finding thresholds tuned for F1 on the validation set (best model)
 *   calibration.json       post-hoc calibration fitted on validation (ecg calibrate; optional)
 *   curves.png, .html      the training curves, the chosen epoch marked
 *   validation/            the best model's validation evaluation: metrics.json/.csv, report.md/.html, scores.csv
 * </pre>
 */
public record RunDirectory(Path root) {

    public Path config() {
        return root.resolve("config.json");
    }

    public Path pipeline() {
        return root.resolve("pipeline.json");
    }

    public Path manifest() {
        return root.resolve(Manifest.FILE);
    }

    public Path provenance() {
        return root.resolve("provenance.json");
    }

    public Path vocabulary() {
        return root.resolve("vocabulary.json");
    }

    public Path tokenizer() {
        return root.resolve("tokenizer.json");
    }

    public Path textEmbeddings() {
        return root.resolve("text-embeddings.json");
    }

    public Path model() {
        return root.resolve("model.json");
    }

    public Path metrics() {
        return root.resolve("metrics.jsonl");
    }

    public Path steps() {
        return root.resolve("steps.jsonl");
    }

    public Path lastCheckpoint() {
        return root.resolve("checkpoints").resolve("last");
    }

    public Path bestCheckpoint() {
        return root.resolve("checkpoints").resolve("best");
    }

    /** Post-hoc calibration of the probabilities, fitted on validation ({@code ecg calibrate}). */
    public Path calibration() {
        return root.resolve("calibration.json");
    }

    /** The training curves: loss, validation metrics, positive rate, t and b per epoch. */
    public Path curvesPng() {
        return root.resolve("curves.png");
    }

    public Path curvesHtml() {
        return root.resolve("curves.html");
    }

    /**
     * Whether a finished run's manifest vouches for {@code path} (relative, with {@code /}): every file but
     * the last checkpoint, which only serves a resume, and half-written checkpoint folders.
     */
    public static boolean vouchedFor(String path) {
        return !path.startsWith("checkpoints/last") && !path.contains(".tmp/") && !path.contains(".old/");
    }

    /** Writes the manifest of a finished run: every file {@link #vouchedFor}. */
    public void writeFinishedManifest() {
        Manifest.ofTree(root, p -> !vouchedFor(p), true).write(root);
    }

    public Path thresholds() {
        return root.resolve("thresholds.json");
    }

    public Path validation() {
        return root.resolve("validation");
    }

    public Path validationScores() {
        return validation().resolve("scores.csv");
    }

    /** File names inside a checkpoint folder. */
    public static final String PARAMS = "model.params";
    public static final String OPTIMIZER = "optimizer.bin";
    public static final String STATE = "state.json";
}
