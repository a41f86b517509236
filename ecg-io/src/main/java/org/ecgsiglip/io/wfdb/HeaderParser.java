package org.ecgsiglip.io.wfdb;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.dataset.DatasetPaths;
import org.ecgsiglip.io.util.Quote;

/**
 * Parses WFDB header text into a {@link WfdbHeader}.
 *
 * <p>Record line: {@code name[/segments] signals [frequency[/counter[(base)]] [samples [time [date]]]]}.
 * Signal line: {@code file format[xSPF][:skew][+offset] [gain[(baseline)][/units] [resolution [zero
 * [initial [checksum [blocksize [description]]]]]]]}. Segment line: {@code name samples}. Lines whose
 * first non-blank character is {@code #} are comments and are kept; blank lines are skipped. Every
 * problem becomes a {@link RecordFormatException} naming the header file, line and field.
 */
public final class HeaderParser {
    private static final Pattern FREQUENCY = Pattern.compile(
            "((?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)(?:/((?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)"
                    + "(?:\\((-?(?:\\d+\\.?\\d*|\\.\\d+))\\))?)?");
    private static final Pattern TIME_OR_DATE = Pattern.compile(
            "\\d{1,2}(?::\\d{1,2}){1,2}(?:\\.\\d{1,9})?|\\d{1,2}/\\d{1,2}/\\d{1,4}|\\d{1,2}-[A-Za-z]{3}-\\d{2,4}");
    /** Longest signal file or segment name: what common file systems allow for one name. */
    static final int MAX_NAME = 255;
    static final String SPEC_FIX = "correct the header as the WFDB header specification describes"
            + " (https://wfdb.io/spec/header-files.html) or re-download the record";

    private HeaderParser() {
    }

    /**
     * Largest header read, 16 MiB: a WFDB header is a few hundred bytes, a multi-segment master
     * with a hundred thousand segments a few MB. A larger file is refused before it is read.
     */
    public static final long MAX_HEADER_BYTES = 16L << 20;

    /**
     * Most lines a header may have (comments included), 200,000: far more segments or signals than
     * any PhysioNet record has, and few enough that parsing a header of {@link #MAX_HEADER_BYTES}
     * takes at most a few times its size in memory.
     */
    public static final int MAX_HEADER_LINES = 200_000;

    /**
     * Reads and parses a header file. The file must be text (no NUL byte), at most {@link
     * #MAX_HEADER_BYTES} in at most {@link #MAX_HEADER_LINES} lines, lie in its folder once links are
     * resolved (see {@link DatasetPaths#openInFolder}), and name on its record line the record its
     * file is named after ({@code 100} in {@code 100.hea}; a {@code .mat} suffix there, as CinC
     * headers write it, is allowed). See {@link HeaderFiles}.
     */
    public static WfdbHeader parse(Path file) {
        byte[] bytes = HeaderFiles.read(file);
        WfdbHeader h = parse(new String(bytes, StandardCharsets.ISO_8859_1), file);
        HeaderFiles.requireOwnName(h, file);
        return h;
    }

    /** Parses header text; {@code file} is only used in messages and as {@link WfdbHeader#file()}. */
    public static WfdbHeader parse(String text, Path file) {
        String[] lines = lines(text);
        List<String> comments = new ArrayList<>();
        List<Integer> contentLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.startsWith("#")) {
                comments.add(t.substring(1));
            } else if (!t.isEmpty()) {
                contentLines.add(i);
            }
        }
        if (contentLines.isEmpty()) {
            throw new RecordFormatException(file, "line 1", "no record line (the file is empty or holds only comments)",
                    SPEC_FIX);
        }
        int recordLine = contentLines.get(0);
        Cursor rec = new Cursor(file, recordLine + 1, lines[recordLine].strip());
        String nameField = rec.next("record name");
        String recordName = nameField;
        int segmentCount = 0;
        int slash = nameField.indexOf('/');
        if (slash >= 0) {
            recordName = nameField.substring(0, slash);
            segmentCount = parseInt(rec, nameField.substring(slash + 1), "number of segments");
            if (segmentCount < 1) {
                throw rec.error("number of segments", Quote.of(nameField) + " has " + segmentCount + " segments", SPEC_FIX);
            }
        }
        if (recordName.isEmpty()) {
            throw rec.error("record name", "the record name is empty", SPEC_FIX);
        }
        String nsigText = rec.next("number of signals");
        int signalCount = parseInt(rec, nsigText, "number of signals");
        if (signalCount < 0) {
            throw rec.error("number of signals", "negative number of signals " + signalCount, SPEC_FIX);
        }
        double fs = 250;
        double counter = Double.NaN;
        double baseCounter = 0;
        String fsText = rec.nextOrNull();
        if (fsText != null) {
            Matcher m = FREQUENCY.matcher(fsText);
            if (!m.matches()) {
                throw rec.error("sampling frequency", Quote.of(fsText) + " is not a frequency like 360 or 360/180(0)", SPEC_FIX);
            }
            fs = parseDouble(rec, m.group(1), "sampling frequency");
            if (m.group(2) != null) {
                counter = parseDouble(rec, m.group(2), "counter frequency");
            }
            if (m.group(3) != null) {
                baseCounter = parseDouble(rec, m.group(3), "base counter value");
            }
        }
        if (!(fs > 0) || Double.isInfinite(fs)) {
            throw rec.error("sampling frequency", "sampling frequency must be a positive number, not " + Quote.of(fsText), SPEC_FIX);
        }
        long nsamp = -1;
        String nsampText = rec.nextOrNull();
        if (nsampText != null) {
            nsamp = parseLong(rec, nsampText, "number of samples");
            if (nsamp < 0) {
                throw rec.error("number of samples", "negative number of samples " + nsamp, SPEC_FIX);
            }
        }
        String baseTime = "";
        String baseDate = "";
        String t = rec.nextOrNull();
        if (t != null) {
            baseTime = checkedTime(rec, t, "base time");
            String d = rec.nextOrNull();
            baseDate = d == null ? "" : checkedTime(rec, d, "base date");
            String extra = rec.nextOrNull();
            if (extra != null) {
                throw rec.error("after base date", "the record line ends with the base date, but "
                        + Quote.of(extra) + " follows it", SPEC_FIX);
            }
        }
        List<SignalSpec> signals = new ArrayList<>();
        List<SegmentSpec> segments = new ArrayList<>();
        int expected = segmentCount > 0 ? segmentCount : signalCount;
        String kind = segmentCount > 0 ? "segment" : "signal";
        if (contentLines.size() - 1 != expected
                && !(segmentCount > 0 && contentLines.size() - 1 == segmentCount + signalCount)) {
            throw new RecordFormatException(file, "line " + (recordLine + 1),
                    "the record line announces " + expected + " " + kind + (expected == 1 ? "" : "s")
                            + " but the header has " + (contentLines.size() - 1) + " " + kind + " line"
                            + (contentLines.size() - 1 == 1 ? "" : "s"),
                    "make the " + kind + " count on the record line match the " + kind + " lines");
        }
        for (int k = 1; k < contentLines.size(); k++) {
            int ln = contentLines.get(k);
            Cursor c = new Cursor(file, ln + 1, lines[ln].strip());
            if (segmentCount > 0 && k <= segmentCount) {
                segments.add(parseSegment(c));
            } else {
                signals.add(SignalLineParser.parse(c));
            }
        }
        return new WfdbHeader(file, recordName, segmentCount, signalCount, fs,
                Double.isNaN(counter) ? fs : counter, baseCounter, nsamp, baseTime, baseDate, signals, segments,
                comments);
    }

    /** The lines of {@code text}, split at CR LF, LF or CR; a trailing break leaves an empty last line. */
    static String[] lines(String text) {
        List<String> lines = new ArrayList<>(32);
        int start = 0;
        if (text.indexOf('\r') < 0) { // the usual case: LF only, found with the JDK's vectorised search
            for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                lines.add(text.substring(start, nl));
                start = nl + 1;
            }
        } else {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char ch = text.charAt(i);
                if (ch == '\n' || ch == '\r') {
                    lines.add(text.substring(start, i));
                    if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    start = i + 1;
                }
            }
        }
        lines.add(text.substring(start));
        return lines.toArray(new String[0]);
    }

    /** {@link Character#isWhitespace(char)}, with a quick answer for the Latin-1 letters and digits headers hold. */
    static boolean isSpace(char c) {
        if (c > ' ' && c < '\u1680') {
            return false; // no whitespace between U+0021 and U+167F
        }
        return Character.isWhitespace(c);
    }

    private static SegmentSpec parseSegment(Cursor c) {
        String name = c.next("segment name");
        if (name.length() > MAX_NAME) {
            throw c.error("segment name", "the segment name has " + name.length() + " characters, more than the "
                    + MAX_NAME + " a file name may have: " + Quote.of(name), SPEC_FIX);
        }
        long n = parseLong(c, c.next("segment length"), "segment length");
        if (n < 0) {
            throw c.error("segment length", "negative segment length " + n, SPEC_FIX);
        }
        if (c.nextOrNull() != null) {
            throw c.error("segment line", "a segment line holds exactly a name and a length", SPEC_FIX);
        }
        if (name.contains("/") || name.contains("\\") || name.equals("..")) {
            throw c.error("segment name", "segment name " + Quote.of(name) + " is not a plain record name", SPEC_FIX);
        }
        return new SegmentSpec(name, n, c.line);
    }

    /**
     * A base time ({@code hh:mm:ss[.ffffff]}, minutes and seconds alone too) or base date ({@code
     * dd/mm/yyyy}); CinC headers write {@code dd-Mon-yyyy hh:mm:ss}, date first, which is accepted
     * in either field.
     */
    private static String checkedTime(Cursor rec, String text, String field) {
        if (!TIME_OR_DATE.matcher(text).matches()) {
            throw rec.error(field, Quote.of(text) + " is not a time like 12:30:00 or a date like 25/12/2020",
                    SPEC_FIX);
        }
        return text;
    }

    static int parseInt(Cursor c, String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw c.error(field, Quote.of(text) + " is not a whole number that fits 32 bits", SPEC_FIX);
        }
    }

    static long parseLong(Cursor c, String text, String field) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw c.error(field, Quote.of(text) + " is not a whole number", SPEC_FIX);
        }
    }

    static double parseDouble(Cursor c, String text, String field) {
        try {
            double v = Decimals.parse(text);
            if (!Double.isFinite(v)) {
                throw c.error(field, Quote.of(text) + " is not a finite number", SPEC_FIX);
            }
            return v;
        } catch (NumberFormatException e) {
            throw c.error(field, Quote.of(text) + " is not a number", SPEC_FIX);
        }
    }

    /** Splits one line into whitespace-separated fields, remembering where the rest begins. */
    static final class Cursor {
        final Path file;
        final int line;
        final String text;
        int pos;

        Cursor(Path file, int line, String text) {
            this.file = file;
            this.line = line;
            this.text = text;
        }

        String nextOrNull() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                pos++;
            }
            if (pos >= text.length()) {
                return null;
            }
            int start = pos;
            while (pos < text.length() && !isSpace(text.charAt(pos))) {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** Skips blanks; true when another field follows. */
        boolean hasNext() {
            while (pos < text.length() && isSpace(text.charAt(pos))) {
                pos++;
            }
            return pos < text.length();
        }

        /**
         * The next field as an int. A field of an optional minus and at most nine ASCII digits is
         * read in place; any other goes through {@link HeaderParser#parseInt} for its value or its
         * message, as {@link #next} would give it.
         */
        int nextInt(String field) {
            hasNext();
            int i = pos;
            int n = text.length();
            boolean negative = i < n && text.charAt(i) == '-';
            if (negative) {
                i++;
            }
            int digitsFrom = i;
            int value = 0;
            while (i < n && i - digitsFrom < 9) {
                char ch = text.charAt(i);
                if (ch < '0' || ch > '9') {
                    break;
                }
                value = value * 10 + (ch - '0');
                i++;
            }
            if (i > digitsFrom && (i == n || isSpace(text.charAt(i)))) {
                pos = i;
                return negative ? -value : value;
            }
            return parseInt(this, next(field), field);
        }

        String next(String field) {
            String s = nextOrNull();
            if (s == null) {
                throw error(field, "field '" + field + "' is missing", SPEC_FIX);
            }
            return s;
        }

        String rest() {
            return text.substring(Math.min(pos, text.length())).strip();
        }

        RecordFormatException error(String field, String problem, String fix) {
            return new RecordFormatException(file, "line " + line + ", field " + field, problem, fix);
        }
    }
}
