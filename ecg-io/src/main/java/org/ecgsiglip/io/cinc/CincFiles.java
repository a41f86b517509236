package org.ecgsiglip.io.cinc;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgsiglip.io.DatasetException;

/**
 * Finds the record headers below one or several CinC roots, whatever the layout: a flat folder, the
 * 2020 per-source folders ({@code Training_WFDB/}, {@code WFDB/}), or the 2021 tree
 * ({@code training/georgia/g1/}). Every regular file ending in {@code .hea} counts, hidden files
 * (names starting with a dot) excepted; symbolic links are followed; each root is walked in path
 * order, roots in the order given.
 */
final class CincFiles {
    private CincFiles() {
    }

    /** One header and the record id its file name gives. */
    record Header(String id, Path file) {
    }

    static List<Header> headers(List<Path> roots) {
        if (roots.isEmpty()) {
            throw new DatasetException(null, "CinC roots", "no folder given",
                    "pass the folder (or folders) holding the .hea/.mat records");
        }
        List<Header> out = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new DatasetException(root, null, "CinC folder not found", "pass a folder that holds the"
                        + " Challenge's .hea/.mat records (flat, or the 2020/2021 per-source folders)");
            }
            List<Path> found;
            try (Stream<Path> s = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                found = s.filter(CincFiles::isHeader).sorted().toList();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new DatasetException(root, null, "cannot list records: " + e.getMessage(),
                        "check the folder's permissions", e);
            }
            if (found.isEmpty()) {
                throw new DatasetException(root, null, "no .hea record headers found below this folder",
                        "pass the folder with the records (the Challenge's training folder or one of its sources)");
            }
            for (Path p : found) {
                String name = p.getFileName().toString();
                String id = name.substring(0, name.length() - 4);
                Path prev = seen.put(id, p);
                if (prev != null) {
                    throw new DatasetException(p, null, "record " + id + " appears twice (also " + prev + ")",
                            "give each record once: do not pass a folder and one of its sub-folders, or two copies");
                }
                out.add(new Header(id, p));
            }
        }
        return out;
    }

    private static boolean isHeader(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".hea") && !name.startsWith(".") && name.length() > 4 && Files.isRegularFile(p);
    }
}
