package org.ecgsiglip.eval.report;

import java.util.Locale;
import org.ecgsiglip.eval.ConfidenceInterval;
import org.ecgsiglip.eval.Difference;

/** Number and text formatting shared by the writers. */
final class Formats {
    private Formats() {
    }

    /** Four decimals, or "–" for NaN. */
    static String fixed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** Signed, four decimals. */
    static String signed(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%+.4f", v);
    }

    /** p-values: four decimals, or "<0.0001". */
    static String p(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 1e-4 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A value with its interval, {@code 0.8123 [0.7900, 0.8350]}. */
    static String withCi(double v, ConfidenceInterval ci) {
        return ci == null ? fixed(v) : fixed(v) + " [" + fixed(ci.lower()) + ", " + fixed(ci.upper()) + "]";
    }

    static String interval(Difference d) {
        return "[" + signed(d.lower()) + ", " + signed(d.upper()) + "]";
    }

    /** Full precision for machine-readable files; empty for NaN. */
    static String exact(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    /** Text safe inside HTML. */
    static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Text safe inside a Markdown table cell. */
    static String md(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
