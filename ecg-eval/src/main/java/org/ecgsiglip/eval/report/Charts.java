package org.ecgsiglip.eval.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * The house style and PNG encoding of every picture: white background, antialiased, off screen.
 * AWT runs headless unless the caller already chose otherwise ({@code java.awt.headless} is set
 * to {@code true} only when it is unset); each picture class calls {@link #init()} first.
 */
final class Charts {
    static final Color POINT = new Color(0x1f, 0x4e, 0x99);
    static final Color BAR = new Color(0x7a, 0x9c, 0xd6);
    static final Color COUNTS = new Color(0xd9, 0xdf, 0xea);
    static final Color REFERENCE = new Color(0x80, 0x80, 0x80);
    static final Color GRID = new Color(0xe4, 0xe4, 0xe4);
    static final Color CHOSEN = new Color(0xc0, 0x30, 0x30);
    static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    static final BasicStroke SOLID = new BasicStroke(1.5f);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** Loads this class, and so chooses headless AWT, before any chart is built. */
    static void init() {
        // the static initialiser does the work
    }

    static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE).setPlotBorderVisible(false).setAntiAlias(true);
        chart.getStyler().setMarkerSize(7).setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(GRID);
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG plot", e);
        }
    }

    /**
     * Charts side by side, {@code columns} per row, each in a cell the size of the first chart,
     * as one PNG (cells left over in the last row stay white).
     */
    static byte[] grid(List<? extends Chart<?, ?>> charts, int columns) {
        int w = charts.get(0).getWidth();
        int h = charts.get(0).getHeight();
        int rows = (charts.size() + columns - 1) / columns;
        BufferedImage all = new BufferedImage(columns * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = all.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, all.getWidth(), all.getHeight());
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % columns) * w, (i / columns) * h, null);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(all, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG plot", e);
        }
        return out.toByteArray();
    }

    /** Writes a PNG atomically. */
    static void write(byte[] png, Path file) {
        AtomicFiles.writeBytes(file, png);
    }
}
