package org.ecgsiglip.eval.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.util.IoProblems;
import org.ecgsiglip.io.util.Quote;

/**
 * Splits a CSV file into lines of fields, one line at a time: comma-separated, fields optionally in
 * double quotes (a doubled quote inside stands for one), no line breaks inside fields, UTF-8 with an
 * optional byte-order mark, LF or CR LF line ends. Blank lines are allowed only at the end.
 *
 * <p>Memory is bounded whatever the file: a line may have at most {@value #MAX_LINE} characters (1
 * MiB); a longer one is refused as soon as that many characters have been read, without reading
 * the rest of it. Bytes that are not UTF-8, and NUL characters (binary files), are refused with
 * their line number.
 */
final class CsvLines implements AutoCloseable {
    /** Longest line, in characters: 2<sup>20</sup>. A score line for 71 findings is under 1,000. */
    static final int MAX_LINE = 1 << 20;

    private final Path file;
    private final Reader in;
    private final char[] buf = new char[1 << 14];
    private final StringBuilder line = new StringBuilder(256);
    private int pos;
    private int limit;
    private int lineNumber;
    private boolean sawBlank;
    private boolean eof;

    private CsvLines(Path file, Reader in) {
        this.file = file;
        this.in = in;
    }

    static CsvLines open(Path file) {
        try {
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new CsvLines(file, new InputStreamReader(Files.newInputStream(file), decoder));
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file, null, "the file does not exist", "check the path", e);
        } catch (IOException e) {
            throw new EvalInputException(file, null, "cannot open the file: " + IoProblems.reason(e),
                    IoProblems.readFix(e), e);
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
            if (!readLine()) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
                line.deleteCharAt(0);
            }
            if (line.toString().isBlank()) {
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

    /** Reads the next line into {@link #line} without its line end; false at the end of the file. */
    private boolean readLine() {
        line.setLength(0);
        boolean any = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    return any;
                }
            }
            any = true;
            int start = pos;
            while (pos < limit && buf[pos] != '\n') {
                if (buf[pos] == '\0') {
                    throw new EvalInputException(file, "line " + (lineNumber + 1), "not a text file: it holds a NUL"
                            + " character, as binary files do", "give a UTF-8 CSV table here, not a binary file", null);
                }
                pos++;
            }
            if (line.length() + (pos - start) > MAX_LINE) {
                line.append(buf, start, Math.min(pos - start, Quote.MAX));
                throw new EvalInputException(file, "line " + (lineNumber + 1), "the line is longer than " + MAX_LINE
                        + " characters (1 MiB), the most a line may have; it starts " + Quote.of(Quote.head(line, Quote.MAX))
                        + " and was not read further", "give one record per line (is this a CSV file with line ends?)");
            }
            line.append(buf, start, pos - start);
            if (pos < limit) { // at '\n'
                pos++;
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == '\r') {
                    line.setLength(n - 1);
                }
                return true;
            }
        }
    }

    private boolean fill() {
        try {
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        } catch (CharacterCodingException e) {
            throw new EvalInputException(file, "line " + (lineNumber + 1), "not UTF-8 text (a byte sequence there is"
                    + " not a UTF-8 character)", "save the table as UTF-8 CSV; was a binary file given by mistake?", e);
        } catch (IOException e) {
            throw new EvalInputException(file, "line " + (lineNumber + 1), "cannot read the file: "
                    + IoProblems.reason(e), IoProblems.readFix(e), e);
        }
    }

    private List<String> split(CharSequence text) {
        List<String> out = new ArrayList<>();
        String s = text.toString();
        if (s.indexOf('"') < 0) {
            int start = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == ',') {
                    out.add(s.substring(start, i).trim());
                    start = i + 1;
                }
            }
            return out;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
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
