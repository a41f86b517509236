package org.ecgsiglip.io.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.ecgsiglip.io.DatasetException;

/**
 * SHA-256 of data files for provenance records, hashed once: a JSON file remembers each file's
 * hash with its size and modification time, and a file whose size and time are unchanged is not
 * read again. Not thread-safe; save with {@link #save()} (atomic).
 */
public final class FileHashCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path store;
    private final Map<String, Entry> entries;
    private boolean dirty;

    /** One remembered hash. */
    public record Entry(long size, long modified, String sha256) {
    }

    private FileHashCache(Path store, Map<String, Entry> entries) {
        this.store = store;
        this.entries = entries;
    }

    /** Opens (or starts) the store at {@code store}; an unreadable store is ignored and rewritten. */
    public static FileHashCache open(Path store) {
        Map<String, Entry> entries = new TreeMap<>();
        if (Files.isRegularFile(store)) {
            try {
                entries.putAll(JSON.readValue(store.toFile(), new TypeReference<Map<String, Entry>>() { }));
            } catch (IOException e) {
                entries.clear();
            }
        }
        return new FileHashCache(store, entries);
    }

    /** The SHA-256 of {@code file}, from the store when its size and modification time are unchanged. */
    public String sha256(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(abs, BasicFileAttributes.class);
        } catch (IOException e) {
            throw new DatasetException(abs, null, "cannot read the file's size and time to hash it: "
                    + IoProblems.reason(e), IoProblems.readFix(e), e);
        }
        Entry known = entries.get(abs.toString());
        long modified = a.lastModifiedTime().toMillis();
        if (known != null && known.size() == a.size() && known.modified() == modified) {
            return known.sha256();
        }
        String sha = Sha256.of(abs);
        entries.put(abs.toString(), new Entry(a.size(), modified, sha));
        dirty = true;
        return sha;
    }

    /**
     * One digest over many files: SHA-256 of the lines "name-relative-to-root  sha256", sorted by name,
     * so the same files give the same digest wherever the dataset lies.
     */
    public String combined(Path root, Collection<Path> files) {
        Map<String, String> lines = new TreeMap<>();
        for (Path f : files) {
            lines.put(root.toAbsolutePath().normalize().relativize(f.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/'), sha256(f));
        }
        MessageDigest md = Sha256.newDigest();
        lines.forEach((name, sha) -> md.update((name + "  " + sha + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(md.digest());
    }

    /** Writes the store when something was hashed anew. */
    public void save() {
        if (!dirty) {
            return;
        }
        try {
            AtomicFiles.writeString(store, JSON.writeValueAsString(entries));
            dirty = false;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the hash store as JSON", e);
        }
    }
}
