package org.ecgsiglip.cli.inspect;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgsiglip.io.wfdb.SegmentSpec;
import org.ecgsiglip.io.wfdb.SignalSpec;
import org.ecgsiglip.io.wfdb.WfdbHeader;

/**
 * What {@code ecg inspect} found out about a record: its parsed header, the findings its dataset
 * gives it, and the plot written. {@link #text()} is the printed form.
 *
 * @param header the parsed header
 * @param findings the dataset's findings, when known
 * @param png the plot file, when one was asked for
 */
public record Inspection(WfdbHeader header, Optional<KnownFindings> findings, Optional<Path> png) {

    /** Header fields, signals, comments and findings as aligned text. */
    public String text() {
        WfdbHeader h = header;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "record %s (%s)%n", h.recordName(), h.file()));
        String duration = h.sampleCount() < 0 ? "length not given"
                : String.format(Locale.ROOT, "%d samples = %.3f s", h.sampleCount(), h.sampleCount() / h.samplingFrequency());
        sb.append(String.format(Locale.ROOT, "  %d signals at %s Hz, %s%s%s%n", h.signalCount(),
                number(h.samplingFrequency()), duration,
                h.counterFrequency() != h.samplingFrequency() ? ", counter " + number(h.counterFrequency()) + " Hz" : "",
                h.baseTime().isEmpty() && h.baseDate().isEmpty() ? "" : ", start " + (h.baseTime() + " " + h.baseDate()).strip()));
        if (h.isMultiSegment()) {
            sb.append(String.format(Locale.ROOT, "  %d segments%s:%n", h.segmentCount(),
                    h.isVariableLayout() ? " (variable layout)" : ""));
            for (SegmentSpec s : h.segments()) {
                sb.append(String.format(Locale.ROOT, "    %-24s %d samples%n", s.isGap() ? "~ (gap)" : s.name(),
                        s.sampleCount()));
            }
        }
        if (!h.signals().isEmpty()) {
            sb.append(signals(h));
        }
        if (!h.comments().isEmpty()) {
            sb.append("comments:\n");
            h.comments().forEach(c -> sb.append("  #").append(c).append('\n'));
        }
        if (findings.isPresent()) {
            KnownFindings f = findings.get();
            sb.append("findings (").append(f.source()).append("):\n");
            f.facts().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-16s %s%n", k, v)));
            for (KnownFindings.Item i : f.items()) {
                sb.append(String.format(Locale.ROOT, "  %-16s %5s  %s%n", i.code(), i.likelihood(),
                        i.text().isEmpty() ? "(no description known)" : i.text()).replaceAll("\\s+\n", "\n"));
            }
        } else {
            sb.append("findings: none known (not in a PTB-XL tree, no #Dx line)\n");
        }
        png.ifPresent(p -> sb.append("plot: ").append(p).append('\n'));
        return sb.toString();
    }

    private static String signals(WfdbHeader h) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"#", "lead", "file", "format", "gain", "baseline", "units", "adc bits", "adc zero",
            "initial", "checksum", "per frame", "skew", "offset"});
        for (int i = 0; i < h.signals().size(); i++) {
            SignalSpec s = h.signals().get(i);
            rows.add(new String[] {Integer.toString(i), s.label(i), s.fileName(), Integer.toString(s.format()),
                number(s.gain()) + (s.gainGiven() ? "" : " (default)"), Integer.toString(s.baseline()), s.units(),
                Integer.toString(s.adcResolution()), Integer.toString(s.adcZero()),
                s.initialValue().isPresent() ? Integer.toString(s.initialValue().getAsInt()) : "-",
                s.checksum().isPresent() ? Integer.toString(s.checksum().getAsInt()) : "-",
                Integer.toString(s.samplesPerFrame()), Integer.toString(s.skew()), Long.toString(s.byteOffset())});
        }
        int[] width = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder("signals:\n");
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < r.length; c++) {
                line.append(' ').append(String.format(Locale.ROOT, "%-" + width[c] + "s", r[c]));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
