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

/**
 * Reads score and truth tables: a header {@code record_id,<code1>,<code2>,...}, then one line per
 * record. Scores are probabilities in [0, 1]; truth cells are 0 or 1 ({@code 0.0}, {@code 1.0},
 * {@code false}, {@code true} are accepted too). Record ids and codes must be unique. Line numbers
 * in messages count the header as line 1; columns count from 1.
 */
public final class MatrixCsv {
    static final String ID_COLUMN = "record_id";

    private MatrixCsv() {
    }

    @FunctionalInterface
    private interface CellReader {
        /** Stores the parsed cell or throws with the given location. */
        void read(String text, int record, int finding, Path file, String location);
    }

    /** Reads a score table. */
    public static ScoreMatrix readScores(Path file) {
        List<double[]> rows = new ArrayList<>();
        Header h = read(file, rows::add, k -> new double[k], (text, r, k, f, loc) ->
                rows.get(r)[k] = score(text, f, loc));
        return new ScoreMatrix(h.ids, h.codes, rows.toArray(new double[0][]));
    }

    /** Reads a truth table of 0/1 cells. */
    public static TruthMatrix readTruth(Path file) {
        List<boolean[]> rows = new ArrayList<>();
        Header h = read(file, rows::add, k -> new boolean[k], (text, r, k, f, loc) ->
                rows.get(r)[k] = label(text, f, loc));
        return new TruthMatrix(h.ids, h.codes, rows.toArray(new boolean[0][]));
    }

    /**
     * Reads record-to-group (patient) ids: a header whose first column is {@code record_id} and
     * whose second names the group (e.g. {@code patient_id}); further columns are ignored.
     */
    public static Map<String, String> readGroups(Path file) {
        Map<String, String> groups = new LinkedHashMap<>();
        try (CsvLines in = CsvLines.open(file)) {
            List<String> header = in.next();
            if (header == null || header.size() < 2 || !header.get(0).equals(ID_COLUMN)) {
                throw new EvalInputException(file, "line 1", "the header must start with record_id and a group "
                        + "column, not " + header, "write a header such as record_id,patient_id");
            }
            for (List<String> line; (line = in.next()) != null; ) {
                String loc = "line " + in.lineNumber();
                if (line.size() < 2 || line.get(0).isEmpty() || line.get(1).isEmpty()) {
                    throw new EvalInputException(file, loc, "expected a record id and a group id, got " + line,
                            "give both ids on every line");
                }
                if (groups.put(line.get(0), line.get(1)) != null) {
                    throw new EvalInputException(file, loc + ", column 1 (record_id)", "record id '"
                            + line.get(0) + "' appears twice", "list each record once");
                }
            }
        }
        return groups;
    }

    /**
     * Checks that a truth table matches its score table (the same header, the same records) and
     * returns it with records in the scores' order.
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
                                + (t == null ? "missing column '" + s + "'" : "'" + t + "'")
                                + (s == null ? " is extra" : " where the scores have '" + s + "'"),
                        "write both files with the same header, record_id," + String.join(",", sc));
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
                        "record '" + id + "' is not in " + truthFile.getFileName(),
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
                            "record '" + truth.recordIds().get(r) + "' has no scores in " + scoresFile.getFileName(),
                            "score exactly the records that have truth");
                }
            }
        }
        return truth.alignTo(scores.recordIds(), scores.codes());
    }

    private record Header(List<String> ids, List<String> codes) {
    }

    private static <R> Header read(Path file, java.util.function.Consumer<R> addRow,
                                   java.util.function.IntFunction<R> newRow, CellReader cells) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seenIds = new HashMap<>();
        List<String> codes;
        try (CsvLines in = CsvLines.open(file)) {
            List<String> header = in.next();
            if (header == null) {
                throw new EvalInputException(file, "line 1", "the file is empty",
                        "write a header record_id,<code1>,<code2>,... and one line per record");
            }
            if (!header.get(0).equals(ID_COLUMN)) {
                throw new EvalInputException(file, "line 1, column 1", "the first column is '" + header.get(0)
                        + "', not record_id", "name the first column record_id");
            }
            codes = header.subList(1, header.size());
            if (codes.isEmpty()) {
                throw new EvalInputException(file, "line 1", "there are no finding columns",
                        "add one column per finding code after record_id");
            }
            Map<String, Integer> seenCodes = new HashMap<>();
            for (int k = 0; k < codes.size(); k++) {
                String c = codes.get(k);
                String loc = "line 1, column " + (k + 2);
                if (c.isEmpty()) {
                    throw new EvalInputException(file, loc, "the column has no name", "give every finding column its code");
                }
                Integer before = seenCodes.put(c, k);
                if (before != null) {
                    throw new EvalInputException(file, loc, "finding '" + c + "' appears twice (also column "
                            + (before + 2) + ")", "keep one column per finding");
                }
            }
            for (List<String> line; (line = in.next()) != null; ) {
                int n = in.lineNumber();
                if (line.size() != header.size()) {
                    throw new EvalInputException(file, "line " + n, "the line has " + line.size()
                            + " fields but the header has " + header.size(), "give one value per column");
                }
                String id = line.get(0);
                if (id.isEmpty()) {
                    throw new EvalInputException(file, "line " + n + ", column 1 (record_id)", "the record id is empty",
                            "give every line a record id");
                }
                Integer before = seenIds.put(id, n);
                if (before != null) {
                    throw new EvalInputException(file, "line " + n + ", column 1 (record_id)", "record id '" + id
                            + "' appears twice (also line " + before + ")", "list each record once");
                }
                int r = ids.size();
                ids.add(id);
                addRow.accept(newRow.apply(codes.size()));
                for (int k = 0; k < codes.size(); k++) {
                    cells.read(line.get(k + 1), r, k, file,
                            "line " + n + ", column " + (k + 2) + " (" + codes.get(k) + ")");
                }
            }
        }
        if (ids.isEmpty()) {
            throw new EvalInputException(file, "line 2", "there are no records after the header",
                    "write one line per record");
        }
        return new Header(ids, List.copyOf(codes));
    }

    private static double score(String text, Path file, String location) {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EvalInputException(file, location, "'" + text + "' is not a number",
                    "write each score as a decimal number between 0 and 1");
        }
        if (Double.isNaN(v)) {
            throw new EvalInputException(file, location, "the score is NaN",
                    "score every record and finding; a missing prediction cannot be evaluated");
        }
        if (!(v >= 0 && v <= 1)) {
            throw new EvalInputException(file, location, "the score " + text + " is outside [0, 1]",
                    "write probabilities (apply the sigmoid to logits first)");
        }
        return v;
    }

    private static boolean label(String text, Path file, String location) {
        switch (text) {
            case "1", "1.0", "true", "TRUE", "True":
                return true;
            case "0", "0.0", "false", "FALSE", "False":
                return false;
            default:
                throw new EvalInputException(file, location, "'" + text + "' is not 0 or 1",
                        "write 1 where the record has the finding and 0 where it does not");
        }
    }
}
