package org.ecgsiglip.io.wfdb;

/**
 * Splits the two compound fields of a signal line into their parts without regular expressions
 * (a header is parsed once per record read, so these run thousands of times a second):
 * <ul>
 *   <li>format: {@code digits [x digits] [: digits] [+ digits]}, parts in that order;</li>
 *   <li>gain: {@code number [( [-]digits )] [/ units]}, where a number is an optional sign, then
 *       {@code digits[.digits]}, {@code digits.} or {@code .digits}, then an optional exponent
 *       {@code e[sign]digits}; units are any non-empty rest.</li>
 * </ul>
 * A field that does not have that shape gives {@code null}; parts not written are {@code null}.
 * The parts are returned as text so that the caller turns them into numbers with its own range
 * checks and messages.
 */
final class SignalFields {
    private SignalFields() {
    }

    /** The parts of a format field such as {@code 16}, {@code 212x4}, {@code 16:3+24}. */
    record Format(String code, String samplesPerFrame, String skew, String offset) {
    }

    /** The parts of a gain field such as {@code 200}, {@code 1000.0(0)/mV}, {@code 2e3/uV}. */
    record Gain(String gain, String baseline, String units) {
    }

    /** The parts of {@code field}, or null when it is not a format field. */
    static Format format(String field) {
        int n = field.length();
        int end = digits(field, 0);
        if (end == 0) {
            return null;
        }
        String code = field.substring(0, end);
        String spf = null;
        String skew = null;
        String offset = null;
        int pos = end;
        if (pos < n && field.charAt(pos) == 'x') {
            end = digits(field, pos + 1);
            if (end == pos + 1) {
                return null;
            }
            spf = field.substring(pos + 1, end);
            pos = end;
        }
        if (pos < n && field.charAt(pos) == ':') {
            end = digits(field, pos + 1);
            if (end == pos + 1) {
                return null;
            }
            skew = field.substring(pos + 1, end);
            pos = end;
        }
        if (pos < n && field.charAt(pos) == '+') {
            end = digits(field, pos + 1);
            if (end == pos + 1) {
                return null;
            }
            offset = field.substring(pos + 1, end);
            pos = end;
        }
        return pos == n ? new Format(code, spf, skew, offset) : null;
    }

    /** The parts of {@code field}, or null when it is not a gain field. */
    static Gain gain(String field) {
        int n = field.length();
        int pos = 0;
        if (pos < n && (field.charAt(pos) == '+' || field.charAt(pos) == '-')) {
            pos++;
        }
        int intEnd = digits(field, pos);
        int end = intEnd;
        if (end < n && field.charAt(end) == '.') {
            int fracEnd = digits(field, end + 1);
            if (intEnd == pos && fracEnd == end + 1) {
                return null; // "." alone
            }
            end = fracEnd;
        } else if (intEnd == pos) {
            return null;
        }
        if (end < n && (field.charAt(end) == 'e' || field.charAt(end) == 'E')) {
            int exp = end + 1;
            if (exp < n && (field.charAt(exp) == '+' || field.charAt(exp) == '-')) {
                exp++;
            }
            int expEnd = digits(field, exp);
            if (expEnd == exp) {
                return null;
            }
            end = expEnd;
        }
        String gain = field.substring(0, end);
        String baseline = null;
        String units = null;
        pos = end;
        if (pos < n && field.charAt(pos) == '(') {
            int start = pos + 1;
            int p = start < n && field.charAt(start) == '-' ? start + 1 : start;
            int close = digits(field, p);
            if (close == p || close >= n || field.charAt(close) != ')') {
                return null;
            }
            baseline = field.substring(start, close);
            pos = close + 1;
        }
        if (pos < n && field.charAt(pos) == '/') {
            if (pos + 1 == n || hasRegexSpace(field, pos + 1)) {
                return null;
            }
            units = field.substring(pos + 1);
            pos = n;
        }
        return pos == n ? new Gain(gain, baseline, units) : null;
    }

    /** True when {@code s} holds, from {@code from} on, one of the six characters {@code \\s} stands for. */
    private static boolean hasRegexSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /** The index after the run of ASCII digits that starts at {@code from}. */
    private static int digits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
