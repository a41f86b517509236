package org.ecgsiglip.io.wfdb;

/**
 * How to read a record: which frames, how to line up signals with several samples per frame, and
 * whether to verify the header's checksums and initial values.
 *
 * <p><b>Windows.</b> A read of frames {@code [from, to)} reads only those frames (and, for a skewed
 * signal, the skew after them) from the signal files: its memory and time follow the window, not
 * the record. It needs the window inside the header's length and inside what the file really
 * holds, and nothing more; so a window works on a file that is shorter than its header claims (a
 * cut download, a header claiming 10<sup>12</sup> samples of a 24 kB file) as long as the window
 * lies in the bytes that are there. A whole-record read of such a file fails instead, naming the
 * claimed and the real size.
 *
 * <p><b>Verification.</b> A checksum covers a whole signal, so {@code verify} checks checksums on a
 * whole-record read only; a window checks the initial value when it starts at frame 0. Read the
 * whole record to verify it.
 *
 * @param from first frame to return (inclusive)
 * @param to frame to stop at (exclusive), or -1 for the end of the record
 * @param frames how signals with several samples per frame become rows of one common rate
 * @param verify check decoded signals' checksums and initial values against the header, as above
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
