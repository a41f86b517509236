package org.ecgsiglip.io.ptbxl;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.util.Quote;

/**
 * Parses the {@code scp_codes} column of {@code ptbxl_database.csv}: a Python dict literal mapping
 * statement codes to likelihoods, e.g. {@code {'NORM': 100.0, 'LVOLT': 0.0, 'SR': 0.0}}.
 *
 * <p>Grammar (what PTB-XL writes, and a little more): {@code '{' [key ':' number (',' key ':'
 * number)* [',']] '}'}, keys in single or double quotes (backslash escapes a quote), numbers as
 * Python writes ints and floats. Anything else is a {@link DatasetException} naming the file, line,
 * column and character position.
 */
public final class ScpCodes {
    private final String text;
    private final Path file;
    private final int line;
    private int pos;

    private ScpCodes(String text, Path file, int line) {
        this.text = text;
        this.file = file;
        this.line = line;
    }

    /** Parses one {@code scp_codes} value; {@code file} and {@code line} are for messages. */
    public static Map<String, Double> parse(String text, Path file, int line) {
        return new ScpCodes(text, file, line).dict();
    }

    private Map<String, Double> dict() {
        Map<String, Double> out = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        if (peek() == '}') {
            pos++;
        } else {
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                double value = number();
                if (out.put(key, value) != null) {
                    throw error("code " + Quote.of(key) + " appears twice");
                }
                skipSpace();
                char c = peek();
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    pos++;
                    break;
                } else {
                    throw error("expected ',' or '}' but found " + describe(c));
                }
            }
        }
        skipSpace();
        if (pos != text.length()) {
            throw error("unexpected text after the closing '}'");
        }
        return Collections.unmodifiableMap(out);
    }

    private String string() {
        char q = peek();
        if (q != '\'' && q != '"') {
            throw error("expected a quoted code but found " + describe(q));
        }
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("a quoted code is never closed");
            }
            char c = text.charAt(pos++);
            if (c == '\\' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            } else if (c == q) {
                break;
            } else {
                sb.append(c);
            }
        }
        if (sb.toString().isBlank()) {
            throw error("empty code");
        }
        return sb.toString();
    }

    private double number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE_".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos).replace("_", "");
        try {
            double v = Double.parseDouble(s);
            if (s.isEmpty() || !Double.isFinite(v)) {
                throw new NumberFormatException(s);
            }
            return v;
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected a likelihood number but found " + (s.isEmpty() ? describe(peek()) : Quote.of(s)));
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "' but found " + describe(peek()));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static String describe(char c) {
        return c == '\0' ? "the end of the value" : "'" + c + "'";
    }

    private DatasetException error(String problem) {
        return new DatasetException(file, "line " + line + ", column scp_codes, character " + (pos + 1),
                "malformed scp_codes " + quote(text) + ": " + problem,
                "write scp_codes as a Python dict like {'NORM': 100.0, 'SR': 0.0}");
    }

    private static String quote(String s) {
        return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
    }
}
