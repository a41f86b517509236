package org.ecgsiglip.io.wfdb;

/**
 * One segment line of a multi-segment WFDB header.
 *
 * @param name the segment's record name, or {@code ~} for a gap with no signal at all
 * @param sampleCount frames in the segment (0 for the layout segment of a variable-layout record)
 * @param line 1-based line number in the master header
 */
public record SegmentSpec(String name, long sampleCount, int line) {
    /** True for a gap ({@code ~}): every signal is absent there. */
    public boolean isGap() {
        return "~".equals(name);
    }
}
