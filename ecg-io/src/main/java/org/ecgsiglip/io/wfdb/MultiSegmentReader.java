package org.ecgsiglip.io.wfdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.util.Quote;

/**
 * Reads multi-segment WFDB records. In a fixed layout every segment has the same signals in the
 * same order. In a variable layout the first segment (length 0) is a layout header naming every
 * signal; each later segment holds some of them, matched by name, and a missing signal or a gap
 * segment ({@code ~}) reads as NaN. Each segment is converted with its own gain and baseline, and
 * each decoded segment's checksums are verified. A window reads only the segments it overlaps, and
 * of each only the frames inside it (see {@link WfdbReader#readDigital(WfdbHeader, boolean, long, long)}).
 */
final class MultiSegmentReader {
    private MultiSegmentReader() {
    }

    static EcgRecord read(WfdbHeader master, Path dir, ReadOptions options) {
        List<SegmentSpec> segs = master.segments();
        boolean variable = master.isVariableLayout();
        long total = 0;
        for (SegmentSpec s : segs) {
            if (s.sampleCount() > Long.MAX_VALUE - total) {
                throw new RecordFormatException(master.file(), "line " + s.line() + ", field segment length",
                        "the segment lengths add up to more than " + Long.MAX_VALUE + " frames",
                        "correct the segment lengths in the master header");
            }
            total += s.sampleCount();
        }
        long to = options.to() < 0 ? total : options.to();
        if (to > total) {
            throw new RecordFormatException(master.file(), "sample range", "asked for frames up to " + to
                    + " but the record has " + total, "ask for a range within [0, " + total + ")");
        }
        List<String> names;
        List<String> units;
        int firstData = variable ? 1 : 0;
        if (variable) {
            WfdbHeader layout = segmentHeader(master, dir, segs.get(0), 0);
            names = layout.signalNames();
            units = WfdbReader.units(layout);
        } else {
            WfdbHeader firstSeg = null;
            for (int i = 0; i < segs.size() && firstSeg == null; i++) {
                if (!segs.get(i).isGap()) {
                    firstSeg = segmentHeader(master, dir, segs.get(i), 0);
                }
            }
            if (firstSeg == null) {
                throw new RecordFormatException(master.file(), null, "every segment is a gap", "check the record");
            }
            names = firstSeg.signalNames();
            units = WfdbReader.units(firstSeg);
        }
        if (names.size() != master.signalCount()) {
            throw new RecordFormatException(master.file(), "line 1, field number of signals", "the master header"
                    + " announces " + master.signalCount() + " signals but the layout has " + names.size(),
                    "make the signal counts agree");
        }
        List<Piece> pieces = new ArrayList<>();
        int factor = 1;
        long start = 0;
        for (int i = firstData; i < segs.size(); i++) {
            SegmentSpec seg = segs.get(i);
            long end = start + seg.sampleCount();
            long a = Math.max(start, options.from());
            long b = Math.min(end, to);
            if (a < b && !seg.isGap()) {
                WfdbHeader h = segmentHeader(master, dir, seg, start);
                if (h.sampleCount() != seg.sampleCount()) {
                    throw new RecordFormatException(h.file(), "line 1, field number of samples", "segment has "
                            + h.sampleCount() + " samples but the master header " + master.file().getFileName()
                            + " line " + seg.line() + " says " + seg.sampleCount(), "make the two agree");
                }
                DigitalSignals d = WfdbReader.readDigital(h, options.verify(), a - start, b - start);
                factor = Math.max(factor, WfdbReader.factor(h, d.samplesPerFrame(), options.frames()));
                pieces.add(new Piece(d, 0, b - a, a - options.from()));
            }
            start = end;
        }
        int n = WfdbReader.outputLength(master, names.size(), to - options.from(), factor);
        float[][] out = new float[names.size()][n];
        for (float[] row : out) {
            Arrays.fill(row, Float.NaN);
        }
        for (Piece p : pieces) {
            List<String> segNames = p.data.header().signalNames();
            for (int s = 0; s < segNames.size(); s++) {
                int target = variable ? names.indexOf(segNames.get(s)) : s;
                if (target < 0 || target >= names.size()) {
                    throw new RecordFormatException(p.data.header().file(), "signal " + s + " (" + Quote.head(segNames.get(s), 80) + ")",
                            "signal is not in the record's layout " + Quote.of(String.join(", ", names)), "add it to the layout header");
                }
                int spf = p.data.samplesPerFrame()[s];
                if (options.frames() == ReadOptions.FrameMode.EXPAND && factor % spf != 0) {
                    throw new RecordFormatException(p.data.header().file(), "signal " + s, "samples per frame " + spf
                            + " does not divide " + factor, "read with FrameMode.AVERAGE");
                }
                WfdbReader.fill(p.data, s, p.from, p.to, options.frames(), factor, out[target],
                        Math.toIntExact(p.outFrame * factor));
            }
        }
        return new EcgRecord(master.baseName(), null, master.samplingFrequency() * factor, names, units, out);
    }

    private static WfdbHeader segmentHeader(WfdbHeader master, Path dir, SegmentSpec seg, long startFrame) {
        Path hea = dir.resolve(seg.name() + ".hea");
        if (!Files.exists(hea)) {
            throw new RecordFormatException(hea, null, "segment " + seg.name() + " of multi-segment record "
                    + master.baseName() + " (" + master.file().getFileName() + " line " + seg.line() + ") is missing",
                    "download the missing segment, or read a sample range that ends at or before frame " + startFrame);
        }
        WfdbHeader h = HeaderParser.parse(hea);
        if (h.isMultiSegment()) {
            throw new RecordFormatException(hea, "line 1", "a segment may not itself be multi-segment",
                    "flatten the record");
        }
        return h;
    }

    private record Piece(DigitalSignals data, long from, long to, long outFrame) {
    }
}
