package org.ecgsiglip.eval.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A forest plot of paired differences from plain values: one row per comparison, top to bottom,
 * its label on the left, the interval as a horizontal line with the estimate as a square, a
 * dashed vertical line at zero, and on the right the numbers as text,
 * {@code +0.0123 [-0.0050, +0.0301]  p(Holm) 0.0420}. A row whose estimate is undefined (NaN)
 * shows its label and "–" only.
 *
 * <p>Geometry (pixels): {@value #WIDTH} wide; {@value #TOP} above the first row, {@value #ROW}
 * per row, {@value #BOTTOM} below for the axis. The value axis spans the rows' intervals and zero,
 * with 5% margin.
 */
public final class ForestPlot {
    public static final int WIDTH = 960;
    public static final int TOP = 48;
    public static final int ROW = 26;
    public static final int BOTTOM = 56;
    static final int LEFT = 220;
    static final int RIGHT = 340;

    /**
     * One comparison: estimate with its interval and p-value (NaN when there is none), Holm-adjusted when
     * {@code holm} (a family of per-finding tests) and plain otherwise (an average).
     */
    public record Row(String label, double estimate, double lower, double upper, double p, boolean holm) {
        /** A row with a Holm-adjusted p-value. */
        public Row(String label, double estimate, double lower, double upper, double pHolm) {
            this(label, estimate, lower, upper, pHolm, true);
        }

        public Row {
            if (label == null) {
                throw new IllegalArgumentException("a row needs a label");
            }
        }
    }

    private ForestPlot() {
    }

    /** The height of a plot of {@code rows} rows: {@code TOP + rows * ROW + BOTTOM}. */
    public static int height(int rows) {
        return TOP + rows * ROW + BOTTOM;
    }

    /**
     * @param axisTitle what the differences are, e.g. {@code F1 difference (SHARED_FINDING minus DIAGONAL)}
     */
    public static byte[] png(String title, String axisTitle, List<Row> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a forest plot needs at least one row");
        }
        Scale x = Scale.of(rows);
        Canvas c = new Canvas(WIDTH, height(rows.size()));
        c.centred(title, Canvas.TITLE, WIDTH / 2, 24);
        int bottom = TOP + rows.size() * ROW;
        c.line(Charts.REFERENCE, 1.2f, true, x.px(0), TOP - 6, x.px(0), bottom);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = TOP + i * ROW + ROW / 2;
            c.text(clip(r.label()), Canvas.TEXT, Canvas.INK, 10, y + 4);
            c.text(numbers(r), Canvas.TEXT, Canvas.INK, WIDTH - RIGHT + 12, y + 4);
            if (Double.isFinite(r.lower()) && Double.isFinite(r.upper())) {
                c.line(Charts.BAR, 2f, false, x.px(r.lower()), y, x.px(r.upper()), y);
            }
            if (Double.isFinite(r.estimate())) {
                c.g.setColor(Charts.POINT);
                c.g.fillRect((int) Math.round(x.px(r.estimate())) - 5, y - 5, 11, 11);
            }
        }
        c.line(Canvas.INK, 1f, false, LEFT, bottom, WIDTH - RIGHT, bottom);
        for (double t : Canvas.ticks(x.lo, x.hi)) {
            c.line(Canvas.INK, 1f, false, x.px(t), bottom, x.px(t), bottom + 5);
            c.centred(Canvas.tick(t), Canvas.TEXT, (int) Math.round(x.px(t)), bottom + 19);
        }
        c.centred(axisTitle, Canvas.TEXT, (LEFT + WIDTH - RIGHT) / 2, bottom + 42);
        return c.png();
    }

    /** Writes {@link #png} atomically. */
    public static void writePng(String title, String axisTitle, List<Row> rows, Path png) {
        Charts.write(png(title, axisTitle, rows), png);
    }

    static String numbers(Row r) {
        if (!Double.isFinite(r.estimate())) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%+.4f [%+.4f, %+.4f]", r.estimate(), r.lower(), r.upper());
        return Double.isNaN(r.p()) ? s : s + (r.holm() ? "  p(Holm) " : "  p ") + Formats.p(r.p());
    }

    private static String clip(String label) {
        String s = label;
        while (Canvas.textWidth(s) > LEFT - 20 && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        }
        return s.equals(label) ? s : s + "…";
    }

    /** The value axis: from {@code lo} to {@code hi} over the pixels {@code LEFT .. WIDTH - RIGHT}. */
    record Scale(double lo, double hi) {
        static Scale of(List<Row> rows) {
            double lo = 0;
            double hi = 0;
            for (Row r : rows) {
                for (double v : new double[] {r.estimate(), r.lower(), r.upper()}) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
            double pad = hi > lo ? 0.05 * (hi - lo) : 0.05;
            return new Scale(lo - pad, hi + pad);
        }

        double px(double v) {
            return LEFT + (v - lo) / (hi - lo) * (WIDTH - RIGHT - LEFT);
        }
    }
}
