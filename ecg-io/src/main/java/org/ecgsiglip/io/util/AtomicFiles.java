package org.ecgsiglip.io.util;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.ecgsiglip.io.OutputException;

/**
 * Writes files so that a reader (or a crash) never sees half of one: the content goes to a
 * temporary file in the same folder, is forced to disk, and is then moved over the target in one
 * atomic rename. Parent folders are created. When anything fails (a read-only folder, a file where a
 * folder should be, a full disk) the temporary file is removed, an existing target is left as it
 * was, and an {@link OutputException} says the cause and the fix.
 */
public final class AtomicFiles {

    /** Receives the stream to write the content to. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8. */
    public static void writeString(Path target, CharSequence text) {
        write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes the bytes. */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Writes whatever {@code content} puts into the stream, then moves it into place. */
    public static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        if (Files.isDirectory(abs)) {
            throw new OutputException(target, null, "cannot write the file: " + abs + " is a folder",
                    "remove or rename that folder, or choose another output file name", null);
        }
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(out);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            moveIntoPlace(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw failure(target, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original failure is the one worth reporting
                }
            }
        }
    }

    /**
     * The typed error for a failed write of {@code target}: "cannot write the file: permission denied
     * on /x. Fix: write to a folder this user may write to ...".
     */
    public static OutputException failure(Path target, IOException e) {
        return new OutputException(target, null, "cannot write the file: " + IoProblems.reason(e),
                IoProblems.writeFix(e), e);
    }

    /** Moves a finished temporary file (or folder) over {@code target}, atomically where the file system can. */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
