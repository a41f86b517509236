package org.ecgsiglip.io.util;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;

/**
 * A small RFC 4180 CSV reader: comma-separated, fields optionally in double quotes (a doubled quote
 * inside is one quote, commas and line breaks inside quotes are data), CRLF or LF line ends. Every
 * row remembers the 1-based line it starts on, so that messages can point at it.
 *
 * @param file where the table came from
 * @param header the first row's fields
 * @param rows the data rows
 */
public record Csv(Path file, List<String> header, List<Row> rows) {

    /** One data row and the line it starts on. */
    public record Row(int line, List<String> fields) {
    }

    /**
     * Largest table read, 32 MiB (ten times PTB-XL's {@code ptbxl_database.csv}): a larger file is
     * refused before it is read, which bounds the memory a wrong file can take (about ten bytes per
     * byte of table while it is parsed).
     */
    public static final long MAX_BYTES = 32L << 20;

    /** Reads a whole file as UTF-8, refusing files above {@link #MAX_BYTES}, binary files and malformed UTF-8. */
    public static Csv read(Path file) {
        String text;
        try {
            text = TextFiles.readUtf8(file, MAX_BYTES, "dataset table", DatasetException::new);
        } catch (DatasetException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                throw new DatasetException(file, null, "file not found", "check the dataset root; this table is part"
                        + " of the dataset's original layout", e.getCause());
            }
            throw e;
        }
        return parse(text, file);
    }

    /** Parses CSV text; {@code file} is used in messages. */
    public static Csv parse(String text, Path file) {
        List<Row> all = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean any = false;
        int n = text.length();
        int start = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cur.length() > 0) {
                    fields.add(cur.toString());
                    all.add(new Row(rowLine, List.copyOf(fields)));
                }
                fields.clear();
                cur.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                cur.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new DatasetException(file, "line " + rowLine, "a quoted field is never closed",
                    "close the quote or re-download the table");
        }
        if (any || cur.length() > 0) {
            fields.add(cur.toString());
            all.add(new Row(rowLine, List.copyOf(fields)));
        }
        if (all.isEmpty()) {
            throw new DatasetException(file, "line 1", "the table is empty (no header row)", "re-download the table");
        }
        return new Csv(file, all.get(0).fields(), all.subList(1, all.size()));
    }

    /** Column positions by header name. */
    public Map<String, Integer> columns() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            m.putIfAbsent(header.get(i), i);
        }
        return m;
    }

    /** The position of a required column, or a typed error naming the file and the column. */
    public int column(String name) {
        Integer i = columns().get(name);
        if (i == null) {
            throw new DatasetException(file, "line 1 (header)", "required column " + Quote.of(name) + " is missing; columns are "
                    + Quote.of(String.join(",", header)), "use the dataset's original table");
        }
        return i;
    }

    /** The field of {@code row} at {@code column}, checking the row is long enough. */
    public String field(Row row, int column, String name) {
        if (column >= row.fields().size()) {
            throw new DatasetException(file, "line " + row.line() + ", column " + name, "row has "
                    + row.fields().size() + " fields but the header has " + header.size(),
                    "repair the row (a missing comma or quote?)");
        }
        return row.fields().get(column);
    }
}
