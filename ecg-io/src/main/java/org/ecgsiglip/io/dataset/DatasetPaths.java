package org.ecgsiglip.io.dataset;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.ecgsiglip.io.DatasetException;

/** Resolves record paths that dataset tables give, refusing any that leave the dataset root. */
public final class DatasetPaths {
    private DatasetPaths() {
    }

    /**
     * {@code root.resolve(relative)}, normalised, provided it stays inside {@code root}.
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
                throw new DatasetException(table, location, "record path '" + relative + "' is empty or absolute",
                        "give paths relative to the dataset root, e.g. records100/00000/00001_lr");
            }
            p = base.resolve(rel).normalize();
        } catch (InvalidPathException e) {
            throw new DatasetException(table, location, "record path '" + relative + "' is not a valid path",
                    "give paths relative to the dataset root, e.g. records100/00000/00001_lr", e);
        }
        if (!p.startsWith(base)) {
            throw new DatasetException(table, location, "record path '" + relative + "' leaves the dataset root "
                    + base, "a dataset table may only point at files below its root; repair the table");
        }
        return p;
    }
}
