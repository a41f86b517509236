package org.ecgsiglip.io.wfdb;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A parsed WFDB header ({@code .hea}): the record line, the signal lines (single-segment record) or
 * segment lines (multi-segment record), and every comment line in order.
 *
 * @param file the header file the text came from (used in messages; may be a virtual path)
 * @param recordName record name as written on the record line (a {@code .mat} suffix, as some CinC
 *     headers write it, is kept here)
 * @param segmentCount number of segments, 0 for a single-segment record
 * @param signalCount number of signals
 * @param samplingFrequency frames per second (the WFDB default 250 when not given)
 * @param counterFrequency counter frequency, equal to the sampling frequency when not given
 * @param baseCounter base counter value, 0 when not given
 * @param sampleCount frames per signal; -1 when the header does not say
 * @param baseTime base time as written, or empty
 * @param baseDate base date as written, or empty
 * @param signals the signal lines (empty for a multi-segment master header without them)
 * @param segments the segment lines (empty for a single-segment record)
 * @param comments comment lines without the leading {@code #}, in order
 */
public record WfdbHeader(
        Path file,
        String recordName,
        int segmentCount,
        int signalCount,
        double samplingFrequency,
        double counterFrequency,
        double baseCounter,
        long sampleCount,
        String baseTime,
        String baseDate,
        List<SignalSpec> signals,
        List<SegmentSpec> segments,
        List<String> comments) {

    public WfdbHeader {
        Objects.requireNonNull(recordName, "recordName");
        signals = List.copyOf(signals);
        segments = List.copyOf(segments);
        comments = List.copyOf(comments);
    }

    /** True for a multi-segment record. */
    public boolean isMultiSegment() {
        return segmentCount > 0;
    }

    /**
     * True for a variable-layout multi-segment record: its first segment is a layout header of
     * length 0 that lists every signal.
     */
    public boolean isVariableLayout() {
        return isMultiSegment() && !segments.isEmpty() && segments.get(0).sampleCount() == 0;
    }

    /** The record name without a trailing {@code .mat} or {@code .hea}. */
    public String baseName() {
        String n = recordName;
        if (n.endsWith(".mat") || n.endsWith(".hea")) {
            n = n.substring(0, n.length() - 4);
        }
        return n;
    }

    /** The lead names (signal descriptions), one per signal. */
    public List<String> signalNames() {
        return java.util.stream.IntStream.range(0, signals.size())
                .mapToObj(i -> signals.get(i).label(i)).toList();
    }
}
