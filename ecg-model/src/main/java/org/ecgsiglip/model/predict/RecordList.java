package org.ecgsiglip.model.predict;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;

/**
 * The records a prediction runs over: every {@code .hea} under a folder (recursively, in path order),
 * or the paths listed in a text file (one per line, with or without {@code .hea}, relative paths
 * taken from the list's folder; blank lines and {@code #} comments skipped).
 */
public final class RecordList {
    private RecordList() {
    }

    /** Record paths without the {@code .hea} suffix. */
    public static List<Path> resolve(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                List<Path> out = walk.filter(p -> p.getFileName().toString().endsWith(".hea") && Files.isRegularFile(p))
                        .sorted().map(RecordList::stripHea).toList();
                if (out.isEmpty()) {
                    throw new EcgException(path, null, "no .hea file in this folder or below",
                            "point --records at a folder of WFDB records or at a list file");
                }
                return out;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list " + path, e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new EcgException(path, null, "neither a folder nor a file", "check the --records path");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new EcgException(path, null, "not a text file in UTF-8 (a record list holds one record path per "
                    + "line)", "point --records at a folder of records or at a text list of their paths", e);
        } catch (IOException e) {
            throw new EcgException(path, null, "cannot read the record list: " + e.getMessage(), "check permissions", e);
        }
        Path base = path.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Path record = stripHea(base.resolve(line));
            if (!Files.isRegularFile(record.resolveSibling(record.getFileName() + ".hea"))) {
                throw new EcgException(path, "line " + (i + 1), "no header " + record + ".hea",
                        "list existing records, one per line, with or without .hea");
            }
            out.add(record);
        }
        if (out.isEmpty()) {
            throw new EcgException(path, null, "the list names no record", "write one record path per line");
        }
        return out;
    }

    static Path stripHea(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".hea") ? p.resolveSibling(name.substring(0, name.length() - 4)) : p;
    }
}
