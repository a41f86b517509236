package org.ecgsiglip.model.folder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * Writes checkpoint folders so that a crash leaves either the old or the new one, never half of
 * either: the new folder is written beside the target as {@code NAME.tmp}, the old one is renamed
 * {@code NAME.old}, the new one is renamed into place, and the old one is deleted. A reader that
 * finds no {@code NAME} but a {@code NAME.old} (a crash between the two renames) uses the old one.
 * Each checkpoint holds a {@link Manifest} of its files, written last, so that a damaged or swapped
 * file is found before it is loaded ({@link #verified}).
 */
public final class Checkpoints {

    /** Fills a fresh folder. */
    @FunctionalInterface
    public interface Writer {
        void write(Path folder) throws IOException;
    }

    private Checkpoints() {
    }

    public static void write(Path target, Writer writer) {
        Path tmp = sibling(target, ".tmp");
        Path old = sibling(target, ".old");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            writer.write(tmp);
            Manifest.ofTree(tmp, p -> false, true).write(tmp);
            if (Files.exists(target)) {
                deleteTree(old);
                Files.move(target, old);
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write checkpoint " + target + ": " + e.getMessage(), e);
        }
    }

    /** The complete checkpoint folder at {@code target}, if there is one. */
    public static Optional<Path> find(Path target) {
        if (Files.isDirectory(target)) {
            return Optional.of(target);
        }
        Path old = sibling(target, ".old");
        return Files.isDirectory(old) ? Optional.of(old) : Optional.empty();
    }

    /**
     * The complete checkpoint at {@code target}, its files checked against its manifest; empty when
     * there is none. A checkpoint without a manifest (an older toolkit) or with a changed file is a
     * typed error naming the file.
     */
    public static Optional<Path> verified(Path target) {
        Optional<Path> found = find(target);
        if (found.isEmpty()) {
            return found;
        }
        Manifest m = Manifest.read(found.get()).orElseThrow(() -> new org.ecgsiglip.io.EcgException(found.get(), null,
                "the checkpoint has no manifest.json (written by an earlier version of the toolkit, or damaged)",
                "retrain the run"));
        m.verify(found.get());
        return found;
    }

    private static Path sibling(Path target, String suffix) {
        return target.resolveSibling(target.getFileName() + suffix);
    }

    /** Deletes a folder and everything below it (nothing when it does not exist). */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
