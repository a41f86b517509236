package org.ecgsiglip.io.wfdb;

/**
 * How to read a record: which frames, how to line up signals with several samples per frame, and
 * whether to verify the header's checksums and initial values.
 *
 * @param from first frame to return (inclusive)
 * @param to frame to stop at (exclusive), or -1 for the end of the record
 * @param frames how signals with several samples per frame become rows of one common rate
 * @param verify check every decoded signal's checksum and initial value against its header
 */
public record ReadOptions(long from, long to, FrameMode frames, boolean verify) {

    /** How multi-frequency records are put on one time base. */
    public enum FrameMode {
        /** One value per frame: the mean of a signal's samples in that frame (the record's frame rate). */
        AVERAGE,
        /**
         * The highest per-signal rate: each sample of a slower signal is repeated; requires every
         * samples-per-frame to divide the largest.
         */
        EXPAND
    }

    public ReadOptions {
        if (from < 0 || (to >= 0 && to < from)) {
            throw new IllegalArgumentException("bad sample range [" + from + ", " + to + ")");
        }
    }

    /** The whole record, frames averaged, verified. */
    public static ReadOptions defaults() {
        return new ReadOptions(0, -1, FrameMode.AVERAGE, true);
    }

    /** The same options for frames {@code [from, to)}. */
    public ReadOptions range(long newFrom, long newTo) {
        return new ReadOptions(newFrom, newTo, frames, verify);
    }

    /** The same options with another frame mode. */
    public ReadOptions withFrames(FrameMode mode) {
        return new ReadOptions(from, to, mode, verify);
    }

    /** The same options with verification on or off. */
    public ReadOptions withVerify(boolean on) {
        return new ReadOptions(from, to, frames, on);
    }
}
