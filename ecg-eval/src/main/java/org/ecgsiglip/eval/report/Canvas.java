package org.ecgsiglip.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A white picture drawn with Java2D, for the charts XChart cannot draw as asked (asymmetric
 * intervals, horizontal rows with text beside them): the house fonts and colours, a linear axis
 * with round ticks, PNG encoding.
 */
final class Canvas {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    static final Color INK = new Color(0x22, 0x22, 0x22);

    final BufferedImage image;
    final Graphics2D g;

    static {
        Charts.init();
    }

    Canvas(int width, int height) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(INK);
        g.setFont(TEXT);
    }

    /** The width of {@code s} in the text font. */
    static int textWidth(String s) {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        try {
            return g.getFontMetrics(TEXT).stringWidth(s);
        } finally {
            g.dispose();
        }
    }

    void text(String s, Font font, Color color, int x, int baseline) {
        g.setFont(font);
        g.setColor(color);
        g.drawString(s, x, baseline);
    }

    void centred(String s, Font font, int centreX, int baseline) {
        g.setFont(font);
        g.setColor(INK);
        g.drawString(s, centreX - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }

    void line(Color color, float width, boolean dashed, double x1, double y1, double x2, double y2) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f) : new BasicStroke(width));
        g.draw(new java.awt.geom.Line2D.Double(x1, y1, x2, y2));
    }

    /** Round tick values covering [lo, hi]: steps of 1, 2 or 5 times a power of ten, about five of them. */
    static List<Double> ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = power * (raw / power < 1.5 ? 1 : raw / power < 3.5 ? 2 : raw / power < 7.5 ? 5 : 10);
        List<Double> t = new ArrayList<>();
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return t;
    }

    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG plot", e);
        }
        return out.toByteArray();
    }
}
