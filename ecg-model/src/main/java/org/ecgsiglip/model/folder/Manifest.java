package org.ecgsiglip.model.folder;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.Sha256;

/**
 * {@code manifest.json}: the SHA-256 of every file a folder vouches for, written atomically after them,
 * and checked before any of them is used. A model folder and each of its checkpoints carry one. A
 * changed, missing or swapped file (parameters copied from another run, an edited vocabulary) is a
 * typed error naming the file.
 *
 * @param format {@value #FORMAT}
 * @param finished whether the folder is complete (a finished run); false while a run trains
 * @param files relative path (with {@code /}) → SHA-256, sorted by path
 */
public record Manifest(@JsonProperty("format") String format, @JsonProperty("finished") boolean finished,
                       @JsonProperty("files") Map<String, String> files) {
    public static final String FORMAT = "ecg-siglip-manifest/1";
    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    /** The manifest of {@code paths} (relative to {@code root}) as they are now. */
    public static Manifest of(Path root, List<String> paths, boolean finished) {
        Map<String, String> files = new TreeMap<>();
        for (String p : paths) {
            files.put(p, Sha256.of(root.resolve(p)));
        }
        return new Manifest(FORMAT, finished, files);
    }

    /**
     * The manifest of every regular file below {@code root} except the manifest itself and paths for
     * which {@code skip} is true (relative paths with {@code /}).
     */
    public static Manifest ofTree(Path root, java.util.function.Predicate<String> skip, boolean finished) {
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> paths = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(FILE) && !skip.test(p)).sorted().toList();
            return of(root, paths, finished);
        } catch (IOException e) {
            throw new EcgException(root, null, "cannot list the folder: " + e.getMessage(), "check permissions", e);
        }
    }

    /** Writes {@code root/manifest.json} atomically. */
    public void write(Path root) {
        try {
            AtomicFiles.writeString(root.resolve(FILE), JSON.writeValueAsString(this) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest is always serialisable", e);
        }
    }

    /** The manifest in {@code root}, if there is one. */
    public static Optional<Manifest> read(Path root) {
        Path f = root.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Manifest m = JSON.readValue(f.toFile(), Manifest.class);
            if (m == null || !FORMAT.equals(m.format()) || m.files() == null) {
                throw new EcgException(f, "field format", "not a manifest of format " + FORMAT,
                        "the folder is damaged; retrain or restore it");
            }
            return Optional.of(m);
        } catch (IOException e) {
            throw new EcgException(f, null, "unreadable manifest: " + e.getMessage(),
                    "the folder is damaged; retrain or restore it", e);
        }
    }

    /** Checks every listed file below {@code root}; the first missing or changed one is a typed error. */
    public void verify(Path root) {
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = root.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new EcgException(f, null, "missing: the folder's manifest lists it",
                        "restore the file, or retrain the model");
            }
            String actual = Sha256.of(f);
            if (!actual.equals(e.getValue())) {
                throw new EcgException(f, null, "changed since it was written: its SHA-256 is " + actual.substring(0, 16)
                        + "..., the manifest says " + e.getValue().substring(0, 16) + "...",
                        "restore the original file or retrain; to score other finding texts, pass them with "
                                + "--findings instead of editing the model");
            }
        }
    }

    /** Whether the manifest lists {@code path}. */
    public boolean lists(String path) {
        return files.containsKey(path);
    }
}
