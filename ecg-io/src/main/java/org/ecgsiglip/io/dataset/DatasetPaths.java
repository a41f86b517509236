package org.ecgsiglip.io.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.OutsideRootException;
import org.ecgsiglip.io.util.Quote;

/**
 * The one place where the toolkit decides whether a file may be read: it must lie, once every
 * symbolic link is resolved ({@link Path#toRealPath}), inside its boundary folder.
 * <ul>
 *   <li>For a dataset the boundary is the dataset root: a table's record path must not leave it,
 *       written ({@code ../../etc/passwd}) or through a link ({@link #inside}, {@link Boundary}),
 *       and a record file that is a link must stay in its record's folder.</li>
 *   <li>For one record read on its own the boundary of its signal files and segment headers is the
 *       header's folder, and the header itself must lie in the folder it is named in
 *       ({@link #openInFolder}). A dataset's records are therefore read under both rules.</li>
 * </ul>
 * A file outside its boundary fails with an {@link OutsideRootException} before any byte of it is
 * read, so nothing of it can be echoed. A file that does not exist passes here; whoever opens it
 * reports it missing.
 */
public final class DatasetPaths {
    private static final String FIX = "copy the file into the folder (a dataset may not point outside its root, "
            + "through a symbolic link or otherwise), or read it from where it really lies";

    private DatasetPaths() {
    }

    /**
     * {@code root.resolve(relative)}, normalised, provided it stays inside {@code root} as written;
     * {@link Boundary#require} checks the same once links are resolved.
     *
     * @param table the table the path came from, for the message
     * @param location line and column in that table
     */
    public static Path inside(Path root, String relative, Path table, String location) {
        Path base = root.toAbsolutePath().normalize();
        Path p;
        try {
            Path rel = Path.of(relative);
            if (relative.isBlank() || rel.isAbsolute() || relative.startsWith("/") || relative.startsWith("\\")) {
                throw new DatasetException(table, location, "record path " + Quote.of(relative)
                        + " is empty or absolute",
                        "give paths relative to the dataset root, e.g. records100/00000/00001_lr");
            }
            p = base.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw new DatasetException(table, location, "record path " + Quote.of(relative) + " is not a valid path",
                    "give paths relative to the dataset root, e.g. records100/00000/00001_lr", e);
        }
        if (!p.startsWith(base)) {
            throw new DatasetException(table, location, "record path " + Quote.of(relative)
                    + " leaves the dataset root " + base, "a dataset table may only point at files below its root;"
                    + " repair the table");
        }
        return p;
    }

    /** A dataset root as a boundary; see {@link Boundary}. */
    public static Boundary boundary(Path root) {
        return new Boundary(root);
    }

    /**
     * Opens {@code file} for reading, refusing it when it is a symbolic link whose target (links
     * resolved) lies outside {@code folder}. {@code file} must be a plain entry of {@code folder}
     * ({@code folder.resolve(name)} with a name without separators). A plain file is opened with
     * {@link LinkOption#NOFOLLOW_LINKS}, so the common case costs no system call beyond the open.
     *
     * @param source the file that named {@code file} (the header), for the message; may be {@code file}
     * @param location where in {@code source}, or {@code null}
     * @throws OutsideRootException when the link leads outside {@code folder}
     * @throws IOException as {@link FileChannel#open} throws it ({@link NoSuchFileException} and so on)
     */
    public static FileChannel openInFolder(Path folder, Path file, Path source, String location) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) { // a link opened with NOFOLLOW_LINKS fails with ELOOP
            if (e instanceof NoSuchFileException || !Files.isSymbolicLink(file)) {
                throw e;
            }
        }
        requireInside(folder, file, source, location);
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    /**
     * Throws unless {@code file}, links resolved, lies inside {@code folder} (links resolved). A
     * file (or link target) that does not exist passes.
     */
    public static void requireInside(Path folder, Path file, Path source, String location) {
        Path real;
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new DatasetException(file, location, "cannot resolve the path: " + e, FIX, e);
        }
        if (!real.startsWith(realFolder)) {
            throw outside(file, source, location, realFolder, real);
        }
    }

    private static OutsideRootException outside(Path file, Path source, String location, Path boundary, Path real) {
        String named = source == null || source.equals(file) ? "" : " (named in " + source + ")";
        return new OutsideRootException(file, location, boundary, file.getFileName() + " is a link to " + real
                + ", outside " + boundary + named + "; files outside the folder are not read", FIX);
    }

    /**
     * A dataset root, resolved once, that checks record files below it. Real paths of folders are
     * remembered, so checking every record of a dataset resolves each folder once and costs one
     * {@code lstat} per file. Not thread-safe.
     */
    public static final class Boundary {
        private final Path root;
        private final Path realRoot;
        private final Map<Path, Path> realFolders = new HashMap<>();

        private Boundary(Path root) {
            this.root = root.toAbsolutePath().normalize();
            Path r;
            try {
                r = this.root.toRealPath();
            } catch (IOException e) {
                r = this.root;
            }
            this.realRoot = r;
        }

        /** The root, links resolved. */
        public Path realRoot() {
            return realRoot;
        }

        /**
         * True when {@code file} exists as a regular file (links followed), false when it does not
         * exist. Its folder, links resolved, must lie inside the root; the file itself, when it is a
         * link, inside that folder, as {@link #openInFolder} requires when the record is read.
         *
         * @param source the table that named it, for the message
         * @param location where in that table
         * @throws OutsideRootException when the file, or a folder on its way, resolves outside the root
         */
        public boolean require(Path file, Path source, String location) {
            Path abs = file.toAbsolutePath().normalize();
            Path folder = abs.getParent();
            Path realFolder = realFolder(folder);
            if (realFolder == null) {
                return false;
            }
            if (!realFolder.startsWith(realRoot)) {
                throw outside(folder, abs, source, location, realFolder);
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(abs, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new DatasetException(source, location, "cannot inspect " + abs + ": " + e, FIX, e);
            }
            if (!a.isSymbolicLink()) {
                return a.isRegularFile();
            }
            Path real;
            try {
                real = abs.toRealPath();
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new DatasetException(source, location, "cannot resolve " + abs + ": " + e, FIX, e);
            }
            if (!real.startsWith(realFolder)) { // as the record readers require (openInFolder)
                throw outside(abs, abs, source, location, real);
            }
            return Files.isRegularFile(real);
        }

        private OutsideRootException outside(Path what, Path file, Path source, String location, Path real) {
            boolean isFile = what.equals(file);
            return new OutsideRootException(source, location, realRoot, (isFile ? "file " : "folder ")
                    + what + " resolves to " + real + ", outside " + (isFile ? "its folder " + what.getParent()
                    + " in " : "") + "the dataset root " + realRoot + "; such files are not read", FIX);
        }

        private Path realFolder(Path folder) {
            if (folder == null) {
                return null;
            }
            Path known = realFolders.get(folder);
            if (known == null && !realFolders.containsKey(folder)) {
                try {
                    known = folder.toRealPath();
                } catch (IOException e) {
                    known = null;
                }
                realFolders.put(folder, known);
            }
            return known;
        }

        @Override
        public String toString() {
            return "Boundary[" + root + " -> " + realRoot + "]";
        }
    }
}
