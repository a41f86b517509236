package org.ecgsiglip.eval.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.io.util.Quote;

/**
 * Reads score and truth tables: a header {@code record_id,<code1>,<code2>,...}, then one line per
 * record. Scores are probabilities in [0, 1] written as decimals ({@code 0.25}, {@code 1e-3}; not
 * {@code 0x1p-2}, {@code 0.5f}, {@code NaN} or {@code Infinity}, which Java's own parser would take);
 * truth cells are 0 or 1 ({@code 0.0}, {@code 1.0}, {@code false}, {@code true} are accepted too).
 * Record ids and codes must be unique. Line numbers in messages count the header as line 1;
 * columns count from 1.
 *
 * <p>Tables are read one line at a time ({@link CsvLines}: at most 1 MiB per line) and the first bad
 * line ends the read, before the rest of the file is looked at. {@link #readTruthFor} and {@link
 * #readScoresLike} check each line against the table it must match as it is read, so a large file
 * for other records is refused at its first record id. A well-formed table takes 8 bytes per score
 * (1 per truth cell) plus its record ids.
 */
public final class MatrixCsv {
    static final String ID_COLUMN = "record_id";

    private MatrixCsv() {
    }

    /** One data line, handed over as it is read. */
    @FunctionalInterface
    private interface RowSink {
        void accept(int line, String id, List<String> fields);
    }

    /** Reads a score table. */
    public static ScoreMatrix readScores(Path file) {
        List<String> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        read(file, header -> codes.addAll(header.subList(1, header.size())), (n, id, fields) -> {
            double[] row = new double[codes.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = Cells.score(fields.get(k + 1), file, cell(n, k + 2, codes.get(k)));
            }
            ids.add(id);
            rows.add(row);
        });
        return new ScoreMatrix(ids, codes, rows.toArray(new double[0][]));
    }

    /** Reads a truth table of 0/1 cells. */
    public static TruthMatrix readTruth(Path file) {
        List<String> ids = new ArrayList<>();
        List<boolean[]> rows = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        read(file, header -> codes.addAll(header.subList(1, header.size())), (n, id, fields) -> {
            boolean[] row = new boolean[codes.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = Cells.label(fields.get(k + 1), file, cell(n, k + 2, codes.get(k)));
            }
            ids.add(id);
            rows.add(row);
        });
        return new TruthMatrix(ids, codes, rows.toArray(new boolean[0][]));
    }

    /**
     * Reads the truth for {@code scores} (read from {@code scoresFile}), checking it line by line:
     * the header must name exactly the scores' findings (in any order; an unknown or a missing column
     * is named), each line's record must be one of the scores' (else the read stops there), no
     * record twice, and every scored record must have its line. Returns the truth in the scores'
     * record and finding order.
     */
    public static TruthMatrix readTruthFor(ScoreMatrix scores, Path scoresFile, Path truthFile) {
        boolean[][] v = new boolean[scores.records()][scores.findings()];
        readFor(scores.recordIds(), scores.codes(), scoresFile, truthFile, "has no scores in",
                (r, k, text, loc) -> v[r][k] = Cells.label(text, truthFile, loc));
        return new TruthMatrix(scores.recordIds(), scores.codes(), v);
    }

    /**
     * Reads a second score table for the records and findings of {@code reference} (read from
     * {@code referenceFile}), with the checks of {@link #readTruthFor}; returns it in the
     * reference's record and finding order, as a paired comparison needs.
     */
    public static ScoreMatrix readScoresLike(ScoreMatrix reference, Path referenceFile, Path file) {
        double[][] v = new double[reference.records()][reference.findings()];
        readFor(reference.recordIds(), reference.codes(), referenceFile, file, "is not scored in",
                (r, k, text, loc) -> v[r][k] = Cells.score(text, file, loc));
        return new ScoreMatrix(reference.recordIds(), reference.codes(), v);
    }

    /**
     * Reads record-to-group (patient) ids: a header whose first column is {@code record_id} and
     * whose second names the group (e.g. {@code patient_id}); further columns are ignored.
     */
    public static Map<String, String> readGroups(Path file) {
        Map<String, String> groups = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        try (CsvLines in = CsvLines.open(file)) {
            List<String> header = in.next();
            if (header == null || header.size() < 2 || !header.get(0).equals(ID_COLUMN)) {
                throw new EvalInputException(file, "line 1", "the header must start with record_id and a group "
                        + "column, not " + (header == null ? "nothing" : Quote.of(String.join(",", header))),
                        "write a header such as record_id,patient_id");
            }
            for (List<String> line; (line = in.next()) != null; ) {
                String loc = "line " + in.lineNumber();
                if (line.size() < 2 || line.get(0).isEmpty() || line.get(1).isEmpty()) {
                    throw new EvalInputException(file, loc, "expected a record id and a group id, got "
                            + Quote.of(String.join(",", line)), "give both ids on every line");
                }
                Integer before = lines.putIfAbsent(line.get(0), in.lineNumber());
                if (before != null) {
                    throw new EvalInputException(file, loc + ", column 1 (record_id)", "record id "
                            + Quote.of(line.get(0)) + " appears twice (also line " + before + ")", "list each record once");
                }
                groups.put(line.get(0), line.get(1));
            }
        }
        return groups;
    }

    /**
     * Checks that a truth table matches its score table (the same header, the same records) and
     * returns it with records in the scores' order. {@link #readTruthFor} does the same while
     * reading, which stops a wrong file at its first line.
     *
     * @throws EvalInputException naming the file, line and column of the first mismatch
     */
    public static TruthMatrix alignTruth(ScoreMatrix scores, Path scoresFile, TruthMatrix truth, Path truthFile) {
        List<String> sc = scores.codes();
        List<String> tc = truth.codes();
        for (int k = 0; k < Math.max(sc.size(), tc.size()); k++) {
            String s = k < sc.size() ? sc.get(k) : null;
            String t = k < tc.size() ? tc.get(k) : null;
            if (s == null || !s.equals(t)) {
                throw new EvalInputException(truthFile, "line 1, column " + (k + 2),
                        "the header does not match " + scoresFile.getFileName() + ": "
                                + (t == null ? "missing column " + Quote.of(s) : Quote.of(t))
                                + (s == null ? " is extra" : " where the scores have " + Quote.of(s)),
                        "write both files with the same header, record_id," + Quote.head(String.join(",", sc), 200));
            }
        }
        Map<String, Integer> inTruth = new HashMap<>();
        for (int r = 0; r < truth.records(); r++) {
            inTruth.put(truth.recordIds().get(r), r);
        }
        for (int r = 0; r < scores.records(); r++) {
            String id = scores.recordIds().get(r);
            if (!inTruth.containsKey(id)) {
                throw new EvalInputException(scoresFile, "line " + (r + 2) + ", column 1 (record_id)",
                        "record " + Quote.of(id) + " is not in " + truthFile.getFileName(),
                        "score exactly the records that have truth");
            }
        }
        if (truth.records() != scores.records()) {
            Map<String, Integer> inScores = new HashMap<>();
            for (int r = 0; r < scores.records(); r++) {
                inScores.put(scores.recordIds().get(r), r);
            }
            for (int r = 0; r < truth.records(); r++) {
                if (!inScores.containsKey(truth.recordIds().get(r))) {
                    throw new EvalInputException(truthFile, "line " + (r + 2) + ", column 1 (record_id)",
                            "record " + Quote.of(truth.recordIds().get(r)) + " has no scores in "
                                    + scoresFile.getFileName(), "score exactly the records that have truth");
                }
            }
        }
        return truth.alignTo(scores.recordIds(), scores.codes());
    }

    @FunctionalInterface
    private interface CellSink {
        void accept(int record, int finding, String text, String location);
    }

    /** Reads {@code file} for the records and codes of a table read before from {@code otherFile}. */
    private static void readFor(List<String> ids, List<String> codes, Path otherFile, Path file, String notIn,
            CellSink cells) {
        Map<String, Integer> rowOf = positions(ids);
        int[] lineOf = new int[ids.size()];
        int[][] columnOf = new int[1][];
        String other = otherFile.getFileName().toString();
        read(file, header -> columnOf[0] = columns(header, codes, file, other), (n, id, fields) -> {
            Integer r = rowOf.get(id);
            if (r == null) {
                throw new EvalInputException(file, cell(n, 1, ID_COLUMN), "record " + Quote.of(id) + " " + notIn + " "
                        + other, "give both files the same records (the read stopped at this line)");
            }
            lineOf[r] = n;
            for (int k = 1; k < fields.size(); k++) {
                cells.accept(r, columnOf[0][k - 1], fields.get(k), cell(n, k + 1, codes.get(columnOf[0][k - 1])));
            }
        });
        for (int r = 0; r < ids.size(); r++) {
            if (lineOf[r] == 0) {
                throw new EvalInputException(otherFile, cell(r + 2, 1, ID_COLUMN), "record " + Quote.of(ids.get(r))
                        + " is not in " + file.getFileName(), "give both files the same records");
            }
        }
    }

    /** For each column of {@code header} after record_id, its position in {@code codes}; unknown and missing columns fail. */
    private static int[] columns(List<String> header, List<String> codes, Path file, String other) {
        Map<String, Integer> known = positions(codes);
        int[] at = new int[header.size() - 1];
        boolean[] seen = new boolean[codes.size()];
        for (int k = 1; k < header.size(); k++) {
            Integer i = known.get(header.get(k));
            if (i == null) {
                throw new EvalInputException(file, "line 1, column " + (k + 1), "unknown column "
                        + Quote.of(header.get(k)) + ": " + other + " has no finding of that code",
                        "give both files the same finding columns, record_id," + Quote.head(String.join(",", codes), 200));
            }
            at[k - 1] = i;
            seen[i] = true;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!seen[i]) {
                throw new EvalInputException(file, "line 1", "column " + Quote.of(codes.get(i)) + " of " + other
                        + " is missing", "add a column for every finding of " + other);
            }
        }
        return at;
    }

    /** Reads the header (checked, handed to {@code onHeader}), then every line (checked, handed to {@code rows}). */
    private static void read(Path file, java.util.function.Consumer<List<String>> onHeader, RowSink rows) {
        Map<String, Integer> seenIds = new HashMap<>();
        try (CsvLines in = CsvLines.open(file)) {
            List<String> header = in.next();
            checkHeader(header, file);
            onHeader.accept(header);
            for (List<String> line; (line = in.next()) != null; ) {
                int n = in.lineNumber();
                if (line.size() != header.size()) {
                    throw new EvalInputException(file, "line " + n, "the line has " + line.size()
                            + " fields but the header has " + header.size(), "give one value per column");
                }
                String id = line.get(0);
                if (id.isEmpty()) {
                    throw new EvalInputException(file, cell(n, 1, ID_COLUMN), "the record id is empty",
                            "give every line a record id");
                }
                Integer before = seenIds.putIfAbsent(id, n);
                if (before != null) {
                    throw new EvalInputException(file, cell(n, 1, ID_COLUMN), "record id " + Quote.of(id)
                            + " appears twice (also line " + before + ")", "list each record once");
                }
                rows.accept(n, id, line);
            }
        }
        if (seenIds.isEmpty()) {
            throw new EvalInputException(file, "line 2", "there are no records after the header",
                    "write one line per record");
        }
    }

    private static void checkHeader(List<String> header, Path file) {
        if (header == null) {
            throw new EvalInputException(file, "line 1", "the file is empty",
                    "write a header record_id,<code1>,<code2>,... and one line per record");
        }
        if (!header.get(0).equals(ID_COLUMN)) {
            throw new EvalInputException(file, "line 1, column 1", "the first column is " + Quote.of(header.get(0))
                    + ", not record_id", "name the first column record_id");
        }
        if (header.size() < 2) {
            throw new EvalInputException(file, "line 1", "there are no finding columns",
                    "add one column per finding code after record_id");
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int k = 1; k < header.size(); k++) {
            String c = header.get(k);
            String loc = "line 1, column " + (k + 1);
            if (c.isEmpty()) {
                throw new EvalInputException(file, loc, "the column has no name", "give every finding column its code");
            }
            Integer before = seen.putIfAbsent(c, k + 1);
            if (before != null) {
                throw new EvalInputException(file, loc, "finding " + Quote.of(c) + " appears twice (also column "
                        + before + ")", "keep one column per finding");
            }
        }
    }

    private static Map<String, Integer> positions(List<String> names) {
        Map<String, Integer> m = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), i);
        }
        return m;
    }

    private static String cell(int line, int column, String name) {
        return "line " + line + ", column " + column + (name == null ? "" : " (" + Quote.head(name, 80) + ")");
    }
}
