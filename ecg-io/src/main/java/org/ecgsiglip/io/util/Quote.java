package org.ecgsiglip.io.util;

/**
 * Quotes bad input for an error message, so that a message never carries more than about
 * {@value #MAX} characters of what the user gave, whatever its size: the text in single quotes when
 * it has at most {@value #MAX} characters, else its first {@value #HEAD} characters, an ellipsis and
 * the full length ({@code 'abc…' (5242880 characters)}). Control characters are written as
 * {@code \n}, {@code \t}, {@code \r} or {@code \xHH}, so that a quote stays on one line.
 */
public final class Quote {
    /** Most characters of input a quote shows. */
    public static final int MAX = 80;
    /** Characters shown before the ellipsis when the input is longer than {@link #MAX}. */
    public static final int HEAD = 60;

    private Quote() {
    }

    /** {@code text} quoted as the class comment describes; {@code null} gives {@code null}. */
    public static String of(CharSequence text) {
        if (text == null) {
            return "null";
        }
        int n = text.length();
        boolean cut = n > MAX;
        StringBuilder sb = new StringBuilder(Math.min(n, MAX) + 32).append('\'');
        int shown = cut ? HEAD : n;
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < ' ' || c == '\u007F') {
                        sb.append(String.format("\\x%02X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (cut) {
            sb.append("…' (").append(n).append(" characters)");
        } else {
            sb.append('\'');
        }
        return sb.toString();
    }

    /** The first {@code limit} characters of {@code text} (all of it when shorter), unquoted. */
    public static String head(CharSequence text, int limit) {
        return text.length() <= limit ? text.toString() : text.subSequence(0, limit).toString();
    }
}
