package org.ecgsiglip.cli.download;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SHA256SUMS.txt} as {@code sha256sum} writes it: one line per file, 64 hex digits, two
 * spaces (or a space and {@code *}), and the file's path relative to the list. Paths that could
 * leave the download folder (absolute, {@code ..}, backslashes) are refused.
 *
 * @param entries the files in list order
 */
public record Sha256Sums(List<Entry> entries) {

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    /** One listed file. */
    public record Entry(String path, String sha256) {
    }

    public Sha256Sums {
        entries = List.copyOf(entries);
    }

    /** Parses the list's text; {@code source} names it in messages. */
    public static Sha256Sums parse(String text, Path source) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            String where = "line " + (i + 1);
            if (!m.matches()) {
                throw new DownloadException(source, where, "not a checksum line: '" + abbreviate(line) + "'",
                        "the list must hold lines of 64 hex digits, two spaces and a path; check --base-url");
            }
            String path = m.group(2);
            if (path.startsWith("/") || path.contains("\\") || path.contains(":")
                    || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
                throw new DownloadException(source, where, "the path '" + abbreviate(path) + "' would leave the "
                        + "download folder", "only relative paths inside the dataset are downloaded");
            }
            if (!seen.add(path)) {
                throw new DownloadException(source, where, "'" + path + "' is listed twice", "fix the list");
            }
            entries.add(new Entry(path, m.group(1).toLowerCase(Locale.ROOT)));
        }
        if (entries.isEmpty()) {
            throw new DownloadException(source, null, "the checksum list names no file", "check --base-url");
        }
        return new Sha256Sums(entries);
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
