package org.ecgsiglip.eval.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.EvalInputException;

/**
 * Splits a CSV file into lines of fields: comma-separated, fields optionally in double quotes
 * (a doubled quote inside stands for one), no line breaks inside fields, UTF-8 with an optional
 * byte-order mark. Blank lines are allowed only at the end.
 */
final class CsvLines implements AutoCloseable {
    private final Path file;
    private final BufferedReader in;
    private int lineNumber;
    private boolean sawBlank;

    private CsvLines(Path file, BufferedReader in) {
        this.file = file;
        this.in = in;
    }

    static CsvLines open(Path file) {
        try {
            return new CsvLines(file, Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file, null, "the file does not exist", "check the path");
        } catch (IOException e) {
            throw new EvalInputException(file, null, "cannot open the file: " + e, "check the path and permissions", e);
        }
    }

    Path file() {
        return file;
    }

    /** 1-based number of the line last returned. */
    int lineNumber() {
        return lineNumber;
    }

    /** The next line's fields, or {@code null} at the end. */
    List<String> next() {
        while (true) {
            String line;
            try {
                line = in.readLine();
            } catch (CharacterCodingException e) {
                throw new EvalInputException(file, "line " + (lineNumber + 1), "the file is not UTF-8 text",
                        "save it as UTF-8 CSV", e);
            } catch (IOException e) {
                throw new EvalInputException(file, "line " + (lineNumber + 1), "cannot read: " + e, null, e);
            }
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            if (line.isBlank()) {
                sawBlank = true;
                continue;
            }
            if (sawBlank) {
                throw new EvalInputException(file, "line " + (lineNumber - 1), "blank line inside the table",
                        "remove blank lines between rows");
            }
            return split(line);
        }
    }

    private List<String> split(String line) {
        List<String> out = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int i = 0; i <= line.length(); i++) {
                if (i == line.length() || line.charAt(i) == ',') {
                    out.add(line.substring(start, i).trim());
                    start = i + 1;
                }
            }
            return out;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new EvalInputException(file, "line " + lineNumber, "a quoted field is not closed",
                    "close the double quote on the same line");
        }
        out.add(field.toString().trim());
        return out;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing was written; a failed close of a reader loses nothing
        }
    }
}
