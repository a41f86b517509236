package org.ecgsiglip.model.folder;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * A lean copy of a finished model folder, for shipping or sharing: what prediction, evaluation and
 * provenance need, without what only a resumed training needs. Kept: the configuration, pipeline,
 * vocabulary, text features, model description, provenance, per-epoch metrics, curves, tuned
 * thresholds, calibration and the whole validation evaluation (its scores included, so that anyone can
 * check the folder's figures), and the best checkpoint's parameters and state. Left out: the optimizer
 * state, the last checkpoint and the per-step log. The copy gets its own manifests and is opened (so
 * verified) before it is moved into place; an existing, non-empty destination is refused.
 */
public final class ModelPackage {
    /** Top-level files copied when present (the text features are one or the other). */
    private static final List<String> FILES = List.of("config.json", "pipeline.json", "provenance.json",
            "vocabulary.json", "tokenizer.json", "text-embeddings.json", "model.json", "metrics.jsonl",
            "thresholds.json", "calibration.json", "curves.png", "curves.html");
    private static final List<String> CHECKPOINT_FILES = List.of(RunDirectory.PARAMS, RunDirectory.STATE);

    private ModelPackage() {
    }

    /**
     * Writes the lean copy of the finished, verified folder {@code source} to {@code out}.
     *
     * @param extra further files of the copy (relative path → text), e.g. a model card
     * @return the files of the copy, relative, as its manifest lists them
     */
    public static List<String> write(Path source, Path out, Map<String, String> extra) {
        ModelFolder folder = ModelFolder.open(source, false);
        RunDirectory run = folder.run();
        if (Files.exists(out) && !isEmptyDirectory(out)) {
            throw new EcgException(out, null, "the destination exists and is not empty",
                    "choose a new folder, or remove this one first");
        }
        Path parent = out.toAbsolutePath().normalize().getParent();
        Path tmp = parent.resolve(out.getFileName() + ".tmp-package");
        try {
            Files.createDirectories(parent);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            List<String> paths = new ArrayList<>();
            for (String f : FILES) {
                if (Files.isRegularFile(run.root().resolve(f))) {
                    copy(run.root().resolve(f), tmp.resolve(f));
                    paths.add(f);
                }
            }
            try (Stream<Path> s = Files.list(run.validation())) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    String rel = "validation/" + p.getFileName();
                    copy(p, tmp.resolve(rel));
                    paths.add(rel);
                }
            }
            Path best = run.root().relativize(run.bestCheckpoint());
            Path bestOut = tmp.resolve(best);
            Files.createDirectories(bestOut);
            for (String f : CHECKPOINT_FILES) {
                copy(folder.params().resolveSibling(f), bestOut.resolve(f));
            }
            Manifest.of(bestOut, CHECKPOINT_FILES, true).write(bestOut);
            for (String f : CHECKPOINT_FILES) {
                paths.add(best.resolve(f).toString().replace('\\', '/'));
            }
            paths.add(best.resolve(Manifest.FILE).toString().replace('\\', '/'));
            for (Map.Entry<String, String> e : extra.entrySet()) {
                AtomicFiles.writeString(tmp.resolve(e.getKey()), e.getValue());
                paths.add(e.getKey());
            }
            List<String> sorted = paths.stream().sorted().toList();
            Manifest.of(tmp, sorted, true).write(tmp);
            ModelFolder.open(tmp, false);
            if (Files.exists(out)) {
                Files.delete(out);
            }
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out);
            }
            return sorted;
        } catch (IOException e) {
            throw new EcgException(out, null, "cannot write the package: " + e, "check the folder's permissions and free space", e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new EcgException(root, null, "cannot remove the unfinished package: " + e, "remove it by hand", e);
        }
    }
}
