package org.ecgsiglip.eval.csv;

import java.nio.file.Path;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.util.Quote;

/** The cells of score and truth tables: what text a score or a truth value may be, and the errors when it is not. */
final class Cells {
    private Cells() {
    }

    /**
     * A score: a decimal number in [0, 1]. The text is checked before it is parsed, because {@link
     * Double#parseDouble} also takes hexadecimal ({@code 0x1p-2}), type suffixes ({@code 0.5f},
     * {@code 0.5d}), {@code NaN} and {@code Infinity}.
     */
    static double score(String text, Path file, String location) {
        if (text.isEmpty()) {
            throw new EvalInputException(file, location, "the cell is empty, not a number",
                    "write each score as a decimal number between 0 and 1");
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("nan") || lower.equals("+nan") || lower.equals("-nan")) {
            throw new EvalInputException(file, location, "the score is NaN",
                    "score every record and finding; a missing prediction cannot be evaluated");
        }
        if (lower.replaceFirst("^[+-]", "").startsWith("inf")) {
            throw new EvalInputException(file, location, "the score " + Quote.of(text) + " is infinite, outside [0, 1]",
                    "write probabilities (apply the sigmoid to logits first)");
        }
        if (!isDecimal(text)) {
            throw new EvalInputException(file, location, Quote.of(text) + " is not a number written as a decimal"
                    + " (hexadecimal and suffixes such as f or d are not accepted)",
                    "write each score as a decimal number between 0 and 1, e.g. 0.25 or 2.5e-1");
        }
        double v = Double.parseDouble(text);
        if (!(v >= 0 && v <= 1)) {
            throw new EvalInputException(file, location, "the score " + Quote.of(text) + " is outside [0, 1]",
                    "write probabilities (apply the sigmoid to logits first)");
        }
        return v;
    }

    /** {@code [+-]? (digits [. digits*] | . digits) ([eE] [+-]? digits)?}, ASCII digits only. */
    static boolean isDecimal(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int intStart = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int fracStart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            fracDigits = i - fracStart;
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expStart = i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == expStart) {
                return false;
            }
        }
        return i == n;
    }

    static boolean label(String text, Path file, String location) {
        switch (text) {
            case "1", "1.0", "true", "TRUE", "True":
                return true;
            case "0", "0.0", "false", "FALSE", "False":
                return false;
            default:
                throw new EvalInputException(file, location, Quote.of(text) + " is not 0 or 1",
                        "write 1 where the record has the finding and 0 where it does not");
        }
    }
}
