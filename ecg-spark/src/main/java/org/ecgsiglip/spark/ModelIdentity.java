package org.ecgsiglip.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ecgsiglip.io.util.Sha256;

/**
 * What identifies the model a job scored with: the SHA-256 of every file in the run folder (relative
 * path, '/'-separated, to lower-case hex, in path order) and one identity hash over them, the SHA-256
 * of the UTF-8 lines {@code path SPACE sha256 LF}. Every file counts, not only the ones the predictor
 * reads today, so the identity does not depend on the run folder's layout.
 */
public record ModelIdentity(Path folder, String sha256, Map<String, String> files) {

    public ModelIdentity {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Hashes every regular file below {@code folder}. */
    public static ModelIdentity of(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the model folder " + root + ": " + e.getMessage(), e);
        }
        Map<String, String> files = new LinkedHashMap<>();
        MessageDigest md = Sha256.newDigest();
        for (Path p : all) {
            String rel = root.relativize(p).toString().replace('\\', '/');
            String sha = Sha256.of(p);
            files.put(rel, sha);
            md.update((rel + ' ' + sha + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return new ModelIdentity(root, HexFormat.of().formatHex(md.digest()), files);
    }
}
