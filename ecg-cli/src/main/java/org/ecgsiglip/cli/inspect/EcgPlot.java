package org.ecgsiglip.cli.inspect;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.Leads;

/**
 * Draws an ECG the way a 12-lead printout shows it, with Java2D off screen (headless): on millimetre
 * paper (1 mm minor and 5 mm major lines) at 25 mm/s and 10 mm/mV, a 3 × 4 grid of 2.5-second
 * segments (columns I/II/III, aVR/aVL/aVF, V1–V3, V4–V6, each column the next 2.5 s of the same
 * 10 s) and a 10-second rhythm strip of lead II below, each row starting with a 1 mV calibration
 * pulse. A record without all 12 standard leads is drawn as one 10-second strip per lead. NaN
 * samples leave gaps.
 */
public final class EcgPlot {
    /** Pixels per millimetre of paper. */
    public static final int PX_PER_MM = 5;
    /** Paper speed. */
    public static final double MM_PER_SECOND = 25;
    /** Amplitude scale. */
    public static final double MM_PER_MV = 10;
    /** Seconds shown per row. */
    public static final double SECONDS = 10;
    /** The clinical 3 × 4 layout, row by row. */
    public static final List<List<String>> LAYOUT = List.of(List.of("I", "aVR", "V1", "V4"),
            List.of("II", "aVL", "V2", "V5"), List.of("III", "aVF", "V3", "V6"));
    /** The rhythm strip's lead. */
    public static final String RHYTHM_LEAD = "II";

    private static final double MARGIN = 5;
    private static final double CAPTION = 20;
    private static final double CALIBRATION = 10;
    private static final double ROW = 40;
    private static final int MAX_STRIPS = 16;
    private static final Color MINOR = new Color(0xF8, 0xD7, 0xD7);
    private static final Color MAJOR = new Color(0xE4, 0x9A, 0x9A);

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private EcgPlot() {
    }

    /** True when the record has all 12 standard leads, so the clinical layout applies. */
    public static boolean hasTwelveLeads(EcgRecord r) {
        return Leads.STANDARD_12.stream().allMatch(l -> Leads.indexOf(r.leadNames(), l).isPresent());
    }

    /** The plot as PNG bytes, starting {@code startSeconds} into the record, with caption lines on top. */
    public static byte[] png(EcgRecord record, double startSeconds, List<String> caption) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(render(record, startSeconds, caption), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the ECG plot as PNG", e);
        }
        return out.toByteArray();
    }

    public static BufferedImage render(EcgRecord record, double startSeconds, List<String> caption) {
        boolean clinical = hasTwelveLeads(record);
        int rows = clinical ? LAYOUT.size() + 1 : Math.min(record.leadCount(), MAX_STRIPS);
        double widthMm = 2 * MARGIN + CALIBRATION + SECONDS * MM_PER_SECOND;
        double heightMm = 2 * MARGIN + CAPTION + rows * ROW;
        BufferedImage image = new BufferedImage(px(widthMm), px(heightMm), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            double top = MARGIN + CAPTION;
            paper(g, MARGIN, top, widthMm - 2 * MARGIN, rows * ROW);
            caption(g, caption, rows, clinical);
            g.setClip(px(MARGIN), px(top), px(widthMm - 2 * MARGIN), px(rows * ROW));
            if (clinical) {
                for (int r = 0; r < LAYOUT.size(); r++) {
                    double baseline = top + (r + 0.5) * ROW;
                    calibration(g, baseline);
                    for (int c = 0; c < 4; c++) {
                        double t0 = c * SECONDS / 4;
                        trace(g, record, LAYOUT.get(r).get(c), startSeconds + t0, SECONDS / 4, x0() + t0 * MM_PER_SECOND,
                                baseline, c > 0);
                    }
                }
                double baseline = top + (LAYOUT.size() + 0.5) * ROW;
                calibration(g, baseline);
                trace(g, record, RHYTHM_LEAD, startSeconds, SECONDS, x0(), baseline, false);
            } else {
                for (int r = 0; r < rows; r++) {
                    double baseline = top + (r + 0.5) * ROW;
                    calibration(g, baseline);
                    trace(g, record, record.leadNames().get(r), startSeconds, SECONDS, x0(), baseline, false);
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static double x0() {
        return MARGIN + CALIBRATION;
    }

    private static void paper(Graphics2D g, double left, double top, double width, double height) {
        g.setStroke(new BasicStroke(1f));
        for (int major = 0; major <= 1; major++) {
            g.setColor(major == 1 ? MAJOR : MINOR);
            int step = major == 1 ? 5 : 1;
            for (int mm = 0; mm <= Math.round(width); mm += step) {
                g.draw(new Line2D.Double(px(left + mm), px(top), px(left + mm), px(top + height)));
            }
            for (int mm = 0; mm <= Math.round(height); mm += step) {
                g.draw(new Line2D.Double(px(left), px(top + mm), px(left + width), px(top + mm)));
            }
        }
    }

    private static void caption(Graphics2D g, List<String> lines, int rows, boolean clinical) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        List<String> all = new ArrayList<>(lines);
        all.add(String.format(Locale.ROOT, "25 mm/s, 10 mm/mV; %s", clinical
                ? "3 x 4 leads of 2.5 s each, rhythm strip of lead " + RHYTHM_LEAD : rows + " leads, 10 s each"));
        int y = px(MARGIN) + 16;
        for (String line : all.subList(0, Math.min(all.size(), 4))) {
            g.drawString(line, px(MARGIN), y);
            y += 19;
        }
    }

    /** The 1 mV, 0.2 s calibration pulse at the start of a row. */
    private static void calibration(Graphics2D g, double baseline) {
        double x = MARGIN + 2;
        double w = 0.2 * MM_PER_SECOND;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(px(x), px(baseline));
        p.lineTo(px(x + 1), px(baseline));
        p.lineTo(px(x + 1), px(baseline - MM_PER_MV));
        p.lineTo(px(x + 1 + w), px(baseline - MM_PER_MV));
        p.lineTo(px(x + 1 + w), px(baseline));
        p.lineTo(px(x + 2 + w), px(baseline));
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.3f));
        g.draw(p);
    }

    /** Draws {@code seconds} of {@code lead} from {@code start}, left edge at {@code left} mm, zero at {@code baseline} mm. */
    private static void trace(Graphics2D g, EcgRecord r, String lead, double start, double seconds, double left,
                              double baseline, boolean separator) {
        g.setColor(Color.BLACK);
        if (separator) {
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Line2D.Double(px(left), px(baseline - 3), px(left), px(baseline + 3)));
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(lead, px(left + 1.5), px(baseline - 0.4 * ROW + 4));
        OptionalInt k = Leads.indexOf(r.leadNames(), lead);
        if (k.isEmpty()) {
            return;
        }
        float[] v = r.signals()[k.getAsInt()];
        double scale = toMillivolts(r.units().get(k.getAsInt()));
        double fs = r.samplingFrequency();
        int from = (int) Math.max(0, Math.round(start * fs));
        int to = (int) Math.min(v.length, Math.round((start + seconds) * fs));
        Path2D.Double path = new Path2D.Double();
        boolean pen = false;
        for (int i = from; i < to; i++) {
            if (Float.isNaN(v[i])) {
                pen = false;
                continue;
            }
            double x = (left + (i - from) / fs * MM_PER_SECOND) * PX_PER_MM;
            double y = (baseline - v[i] * scale * MM_PER_MV) * PX_PER_MM;
            if (pen) {
                path.lineTo(x, y);
            } else {
                path.moveTo(x, y);
                pen = true;
            }
        }
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
    }

    /** Factor from the signal's units to millivolts (mV assumed when the unit is not a volt multiple). */
    static double toMillivolts(String unit) {
        String u = unit.strip();
        if (u.equalsIgnoreCase("uV") || u.equals("µV") || u.equals("μV")) {
            return 1e-3;
        }
        if (u.equals("V")) {
            return 1e3;
        }
        return 1.0;
    }

    private static int px(double mm) {
        return (int) Math.round(mm * PX_PER_MM);
    }
}
