package org.ecgsiglip.eval.report;

import java.awt.Color;
import java.awt.geom.AffineTransform;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Bars of F1 (or any value in [0, 1]) with their confidence intervals from plain values: one
 * cluster per category (a finding, or "macro"), one bar per group (a training variant) in the
 * group's colour, each with its interval as an error bar from {@code lower} to {@code upper}
 * (percentile intervals are not symmetric, so the bar is drawn as given). An undefined value
 * (NaN) draws no bar, an undefined interval no error bar. The value axis runs from 0 to 1.
 *
 * <p>Geometry (pixels): {@value #HEIGHT} high; the plot spans {@value #TOP} to
 * {@code HEIGHT - }{@value #BOTTOM} vertically; bars are {@value #BAR} wide, clusters
 * {@value #GAP} apart, the first cluster starting at {@value #LEFT} plus {@code GAP / 2}.
 */
public final class F1Bars {
    public static final int HEIGHT = 520;
    public static final int TOP = 60;
    public static final int BOTTOM = 130;
    public static final int LEFT = 70;
    public static final int BAR = 18;
    public static final int GAP = 24;
    static final Color[] PALETTE = {Charts.POINT, new Color(0xe0, 0x8a, 0x2c), new Color(0x3a, 0x9a, 0x5b),
        new Color(0x8e, 0x5a, 0xb5), new Color(0xc0, 0x30, 0x30), new Color(0x6b, 0x6b, 0x6b)};

    /** One variant's values over the categories, with interval bounds (NaN where there is none). */
    public record Group(String name, double[] values, double[] lower, double[] upper) {
        public Group {
            if (values.length != lower.length || values.length != upper.length) {
                throw new IllegalArgumentException("group " + name + ": values, lower and upper differ in length");
            }
            values = values.clone();
            lower = lower.clone();
            upper = upper.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Group g && name.equals(g.name) && Arrays.equals(values, g.values)
                    && Arrays.equals(lower, g.lower) && Arrays.equals(upper, g.upper);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Group[" + name + ", " + values.length + " values]";
        }
    }

    private F1Bars() {
    }

    /** The width of a chart of {@code categories} clusters of {@code groups} bars. */
    public static int width(int categories, int groups) {
        return Math.max(640, LEFT + categories * (groups * BAR + GAP) + 40);
    }

    /**
     * @param yAxisTitle e.g. {@code F1 (95% bootstrap CI)}
     * @throws IllegalArgumentException when there are no categories or groups, more than
     *                                  {@code 6} groups, or a group's length differs from the categories'
     */
    public static byte[] png(String title, String yAxisTitle, List<String> categories, List<Group> groups) {
        if (categories.isEmpty() || groups.isEmpty() || groups.size() > PALETTE.length) {
            throw new IllegalArgumentException("need at least one category and 1 to " + PALETTE.length + " groups");
        }
        for (Group gr : groups) {
            if (gr.values.length != categories.size()) {
                throw new IllegalArgumentException("group " + gr.name + " has " + gr.values.length + " values for "
                        + categories.size() + " categories");
            }
        }
        int width = width(categories.size(), groups.size());
        Canvas c = new Canvas(width, HEIGHT);
        c.centred(title, Canvas.TITLE, width / 2, 24);
        c.text(yAxisTitle, Canvas.TEXT, Canvas.INK, 8, TOP - 12);
        int right = width - 30;
        for (double t : Canvas.ticks(0, 1)) {
            c.line(Charts.GRID, 1f, false, LEFT, y(t), right, y(t));
            c.text(Canvas.tick(t), Canvas.TEXT, Canvas.INK, LEFT - 8 - Canvas.textWidth(Canvas.tick(t)), (int) y(t) + 4);
        }
        c.line(Canvas.INK, 1f, false, LEFT, y(0), right, y(0));
        for (int k = 0; k < categories.size(); k++) {
            for (int j = 0; j < groups.size(); j++) {
                bar(c, groups.get(j), k, j, groups.size());
            }
            label(c, categories.get(k), k, groups.size());
        }
        legend(c, groups, right);
        return c.png();
    }

    /** Writes {@link #png} atomically. */
    public static void writePng(String title, String yAxisTitle, List<String> categories, List<Group> groups,
                                Path png) {
        Charts.write(png(title, yAxisTitle, categories, groups), png);
    }

    /** The horizontal centre of bar {@code group} of cluster {@code category}. */
    static double x(int category, int group, int groups) {
        return LEFT + GAP / 2.0 + category * (groups * BAR + GAP) + group * BAR + BAR / 2.0;
    }

    /** The vertical position of value {@code v} in [0, 1]. */
    static double y(double v) {
        return TOP + (1 - v) * (HEIGHT - TOP - BOTTOM);
    }

    private static void bar(Canvas c, Group gr, int k, int j, int groups) {
        double cx = x(k, j, groups);
        double v = gr.values[k];
        if (Double.isFinite(v)) {
            c.g.setColor(PALETTE[j]);
            int top = (int) Math.round(y(Math.max(0, Math.min(1, v))));
            c.g.fillRect((int) Math.round(cx - BAR / 2.0) + 1, top, BAR - 2, (int) Math.round(y(0)) - top);
        }
        if (Double.isFinite(gr.lower[k]) && Double.isFinite(gr.upper[k])) {
            double lo = y(gr.lower[k]);
            double hi = y(gr.upper[k]);
            c.line(Canvas.INK, 1.3f, false, cx, lo, cx, hi);
            c.line(Canvas.INK, 1.3f, false, cx - 4, lo, cx + 4, lo);
            c.line(Canvas.INK, 1.3f, false, cx - 4, hi, cx + 4, hi);
        }
    }

    private static void label(Canvas c, String text, int k, int groups) {
        double cx = (x(k, 0, groups) + x(k, groups - 1, groups)) / 2;
        AffineTransform saved = c.g.getTransform();
        c.g.translate(cx + 4, y(0) + 8);
        c.g.rotate(Math.PI / 2);
        String s = text.length() > 18 ? text.substring(0, 17) + "…" : text;
        c.text(s, Canvas.TEXT, Canvas.INK, 0, 0);
        c.g.setTransform(saved);
    }

    private static void legend(Canvas c, List<Group> groups, int right) {
        int x = right;
        for (int j = groups.size() - 1; j >= 0; j--) {
            x -= Canvas.textWidth(groups.get(j).name) + 34;
            c.g.setColor(PALETTE[j]);
            c.g.fillRect(x, TOP - 24, 12, 12);
            c.text(groups.get(j).name, Canvas.TEXT, Canvas.INK, x + 16, TOP - 14);
        }
    }
}
