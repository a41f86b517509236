package org.ecgsiglip.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * How a scores folder comes into place so that a rerun never duplicates rows and an interrupted run
 * leaves nothing that looks finished. Spark writes the whole job into a fresh temporary sibling
 * {@code NAME.tmp-UUID} (same parent, so the same file system; not a hidden name, which Spark's
 * readers would skip), the provenance is written into it
 * last, and only then is it renamed to {@code NAME}: a reader sees the previous complete output or
 * the new complete one, never a mixture. A folder already at {@code NAME} is replaced only when it is
 * itself a scores folder (it holds {@value #PROVENANCE}); the old one is first renamed aside to
 * {@code NAME.old-UUID} and deleted after the new one is in place. Leftovers of interrupted runs
 * ({@code NAME.tmp-*}, {@code NAME.old-*}) are deleted when the next run for the same output starts,
 * so two jobs must not write the same output at once.
 */
final class OutputFolder {
    /** The provenance file inside a scores folder (Spark's readers skip names starting with '_'). */
    static final String PROVENANCE = "_provenance.json";

    private OutputFolder() {
    }

    /** Refuses an output that exists and is not a scores folder, so that nothing else is ever replaced. */
    static void checkReplaceable(Path out) {
        if (Files.exists(out) && !(Files.isDirectory(out) && Files.isRegularFile(out.resolve(PROVENANCE)))) {
            throw new EcgException(out, null, "exists and is not a scores folder written by 'ecg spark score' (no "
                    + PROVENANCE + ")", "choose another --out, or delete it yourself");
        }
    }

    /** Deletes what interrupted runs for {@code out} left behind; returns how many leftovers it removed. */
    static int removeLeftovers(Path out) {
        Path parent = out.getParent();
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        String name = out.getFileName().toString();
        int removed = 0;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(parent)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(name + ".tmp-") || n.startsWith(name + ".old-")) {
                    deleteTree(p);
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean up " + parent + ": " + e.getMessage(), e);
        }
        return removed;
    }

    /** A fresh temporary folder name beside {@code out} (not created: Spark creates it). */
    static Path temporary(Path out) {
        return out.resolveSibling(out.getFileName() + ".tmp-" + UUID.randomUUID());
    }

    /** Moves the finished temporary folder to {@code out}, replacing a previous scores folder there. */
    static void commit(Path tmp, Path out) {
        try {
            Path old = null;
            if (Files.exists(out)) {
                checkReplaceable(out);
                old = out.resolveSibling(out.getFileName() + ".old-" + UUID.randomUUID());
                AtomicFiles.moveIntoPlace(out, old);
            }
            AtomicFiles.moveIntoPlace(tmp, out);
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + tmp + " to " + out + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a failed job's temporary folder; a failure to do so is left for the next run's clean-up. */
    static void deleteQuietly(Path tmp) {
        try {
            deleteTree(tmp);
        } catch (IOException | UncheckedIOException e) {
            // removeLeftovers() of the next run for this output deletes it
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
