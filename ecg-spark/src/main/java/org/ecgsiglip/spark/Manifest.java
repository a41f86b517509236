package org.ecgsiglip.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.dataset.DatasetPaths;
import org.ecgsiglip.io.ptbxl.PtbXlDatabase;
import org.ecgsiglip.io.ptbxl.PtbXlRow;
import org.ecgsiglip.io.util.Sha256;

/**
 * The records one scoring job runs over, in a fixed order (row {@code i} is the {@code i}-th entry).
 * Three kinds of manifest, told apart by what {@code --records} names:
 * <ul>
 *   <li>{@link Kind#PTBXL}: a PTB-XL root (a folder holding {@code ptbxl_database.csv}, or that file):
 *       one entry per row, in the table's order, {@code filename_lr} (100 Hz) or {@code filename_hr}
 *       (500 Hz); a path that leaves the root is refused.</li>
 *   <li>{@link Kind#FOLDER}: any other folder, e.g. a CinC root: every {@code .hea} file below it, in
 *       path order (as {@code ecg predict} lists a folder).</li>
 *   <li>{@link Kind#LIST}: a text file, one record path per line, with or without {@code .hea}, relative
 *       paths taken from the list's folder, blank lines and {@code #} comments skipped.</li>
 * </ul>
 * Record files are not opened here: a listed record that is missing or unreadable becomes an error
 * row of the job, not a failed job. Paths are absolute and without {@code .hea}.
 *
 * @param source the file or folder {@code --records} named, absolute
 * @param sourceSha256 SHA-256 of the source file's bytes (the list, or {@code ptbxl_database.csv});
 *     {@code null} for a folder
 * @param entriesSha256 SHA-256 of the resolved entries, UTF-8 lines {@code record_id TAB path LF}
 */
public record Manifest(Kind kind, Path source, List<Entry> entries, String sourceSha256, String entriesSha256) {

    /** What kind of manifest {@code --records} named. */
    public enum Kind { PTBXL, FOLDER, LIST }

    /** One record to score: its position in the manifest, its name, and its path without {@code .hea}. */
    public record Entry(long row, String recordId, String path) {
    }

    public Manifest {
        entries = List.copyOf(entries);
    }

    /** Reads a manifest; {@code samplingRate} (100 or 500) picks the PTB-XL file column and is ignored otherwise. */
    public static Manifest read(Path records, int samplingRate) {
        Path abs = records.toAbsolutePath().normalize();
        if (Files.isDirectory(abs) && Files.isRegularFile(abs.resolve("ptbxl_database.csv"))) {
            return ptbxl(abs.resolve("ptbxl_database.csv"), samplingRate);
        }
        if (Files.isRegularFile(abs) && abs.getFileName().toString().equals("ptbxl_database.csv")) {
            return ptbxl(abs, samplingRate);
        }
        if (Files.isDirectory(abs)) {
            return folder(abs);
        }
        if (Files.isRegularFile(abs)) {
            return list(abs);
        }
        throw new DatasetException(abs, null, "neither a folder nor a file",
                "point --records at a PTB-XL root, a folder of WFDB records or a text file listing record paths");
    }

    /** The number of records. */
    public int size() {
        return entries.size();
    }

    private static Manifest ptbxl(Path table, int samplingRate) {
        if (samplingRate != 100 && samplingRate != 500) {
            throw new DatasetException(table, null, "PTB-XL stores records at 100 or 500 Hz, not " + samplingRate,
                    "pass --sampling-rate 100 or --sampling-rate 500");
        }
        Path root = table.getParent();
        String column = samplingRate == 100 ? "filename_lr" : "filename_hr";
        List<String> paths = new ArrayList<>();
        for (PtbXlRow row : PtbXlDatabase.read(table)) {
            String relative = samplingRate == 100 ? row.filenameLr() : row.filenameHr();
            paths.add(DatasetPaths.inside(root, relative, table, "line " + row.line() + ", column " + column).toString());
        }
        return of(Kind.PTBXL, table, paths, Sha256.of(table));
    }

    private static Manifest folder(Path dir) {
        List<String> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> p.getFileName().toString().endsWith(".hea") && Files.isRegularFile(p))
                    .sorted().map(p -> stripHea(p.toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (paths.isEmpty()) {
            throw new DatasetException(dir, null, "no .hea file in this folder or below",
                    "point --records at a folder of WFDB records, a PTB-XL root or a list file");
        }
        return of(Kind.FOLDER, dir, paths, null);
    }

    private static Manifest list(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DatasetException(file, null, "cannot read the record list: " + e.getMessage(),
                    "check that it is a UTF-8 text file you can read", e);
        }
        Path base = file.getParent();
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                paths.add(stripHea(base.resolve(line).normalize().toString()));
            } catch (InvalidPathException e) {
                throw new DatasetException(file, "line " + (i + 1), "'" + abbreviate(line) + "' is not a valid path",
                        "write one record path per line, with or without .hea", e);
            }
        }
        if (paths.isEmpty()) {
            throw new DatasetException(file, null, "the list names no record", "write one record path per line");
        }
        return of(Kind.LIST, file, paths, Sha256.of(file));
    }

    private static Manifest of(Kind kind, Path source, List<String> paths, String sourceSha256) {
        List<Entry> entries = new ArrayList<>(paths.size());
        MessageDigest md = Sha256.newDigest();
        for (String p : paths) {
            String id = Path.of(p).getFileName().toString();
            entries.add(new Entry(entries.size(), id, p));
            md.update((id + '\t' + p + '\n').getBytes(StandardCharsets.UTF_8));
        }
        return new Manifest(kind, source, entries, sourceSha256, HexFormat.of().formatHex(md.digest()));
    }

    private static String stripHea(String p) {
        return p.endsWith(".hea") ? p.substring(0, p.length() - 4) : p;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
