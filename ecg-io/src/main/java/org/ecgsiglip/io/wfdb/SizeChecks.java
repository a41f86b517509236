package org.ecgsiglip.io.wfdb;

import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.UnsupportedFormatException;
import org.ecgsiglip.io.mat.Mat4File;
import org.ecgsiglip.io.mat.Mat4Header;

/**
 * What a header claims about one signal file, checked against the file and against memory before
 * anything is allocated. Every size is computed in {@code long} and saturates instead of
 * overflowing, so that no claim, however absurd, becomes a negative array size. Each error names
 * the header field that makes the claim, the claimed and the real size, and the fix.
 */
final class SizeChecks {
    private SizeChecks() {
    }

    /**
     * The members of one signal file.
     *
     * @param first the first member's signal line
     * @param format the file's storage format
     * @param perFrame samples per frame over all members (as claimed: checked against the file and
     *     against memory by {@link #checkWindow} and {@link #perFrame})
     * @param maxSkew the largest skew of a member, in frames
     * @param skewed the index of the member with that skew
     */
    record Layout(SignalSpec first, SignalFormat format, long perFrame, int maxSkew, int skewed) {
    }

    /** The members' shared format and offset, their samples per frame and largest skew. */
    static Layout layout(WfdbHeader header, List<Integer> members) {
        List<SignalSpec> all = header.signals();
        SignalSpec first = all.get(members.get(0));
        long perFrame = 0;
        int maxSkew = 0;
        int skewed = members.get(0);
        for (int s : members) {
            SignalSpec sig = all.get(s);
            if (sig.format() != first.format() || sig.byteOffset() != first.byteOffset()) {
                throw new RecordFormatException(header.file(), "line " + sig.line() + ", field format",
                        "signals stored in " + first.fileName() + " disagree on format or byte offset ("
                                + first.format() + "+" + first.byteOffset() + " vs " + sig.format() + "+"
                                + sig.byteOffset() + ")",
                        "every signal of one file must share its format and byte offset; correct the header");
            }
            perFrame += sig.samplesPerFrame();
            if (sig.skew() > maxSkew) {
                maxSkew = sig.skew();
                skewed = s;
            }
        }
        SignalFormat format = SignalFormat.of(first.format());
        if (format.isFlac()) {
            throw new UnsupportedFormatException(header.file(), "line " + first.line() + ", field format",
                    "signal format " + format.code() + " (FLAC-compressed) is not supported",
                    "convert the record to format 16 with the WFDB tools (xform -O 16) or wfdb-python, then read that");
        }
        return new Layout(first, format, perFrame, maxSkew, skewed);
    }

    /**
     * The layout's samples per frame as an int, once the file has been found to hold the claim:
     * refused when one frame alone is more than one read may hold.
     */
    static int perFrame(WfdbHeader header, Layout layout) {
        if (layout.perFrame() > WfdbReader.MAX_VALUES) {
            SignalSpec first = layout.first();
            throw new RecordFormatException(header.file(), "line " + first.line() + ", field samples per frame",
                    "the signals stored in " + first.fileName() + " have " + layout.perFrame() + " samples per frame"
                            + " in all, more than the " + WfdbReader.MAX_VALUES + " values one read may hold",
                    "correct the samples per frame (the x in 16x4) on the signal lines");
        }
        return (int) layout.perFrame();
    }

    /** {@code offset + bytesFor(frames * perFrame)}, or {@link Long#MAX_VALUE} when that overflows. */
    static long bytesUpTo(SignalFormat format, long offset, long frames, long perFrame) {
        if (frames > (Long.MAX_VALUE / 4) / Math.max(1, perFrame)) {
            return Long.MAX_VALUE;
        }
        long bytes = format.bytesFor(frames * perFrame);
        return bytes > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + bytes;
    }

    /**
     * Checks a read of frames {@code [from, end)} of a record of {@code frames} frames against the
     * header's skews and the file's size ({@code available} whole frames in {@code fileSize} bytes).
     */
    static void checkWindow(WfdbHeader header, Path file, List<Integer> members, Layout layout, long frames,
            long from, long end, long available, long fileSize) {
        if (from > end) {
            throw new RecordFormatException(header.file(), "sample range", "asked for frames from " + from
                    + " but the record has " + frames, "ask for a range within [0, " + frames + ")");
        }
        if (end > frames) {
            throw new RecordFormatException(header.file(), "sample range", "asked for frames up to " + end
                    + " but the record has " + frames, "ask for a range within [0, " + frames + ")");
        }
        if (frames > 0 && layout.maxSkew() >= frames) {
            SignalSpec sig = header.signals().get(layout.skewed());
            throw new RecordFormatException(header.file(), "line " + sig.line() + ", field skew", "signal "
                    + sig.shortLabel(layout.skewed()) + " has a skew of " + layout.maxSkew() + " frames, not less than"
                    + " the record's " + frames + " frames: every one of its samples would lie past the end",
                    "correct the skew (the :N in 16:N) on that signal line; a skew delays a signal by a few frames");
        }
        if (from == 0 && end == frames) {
            if (available < frames) {
                throw claimTooLarge(header, file, members, layout, frames, fileSize);
            }
        } else if (end > available) {
            long need = bytesUpTo(layout.format(), layout.first().byteOffset(), end, layout.perFrame());
            throw new RecordFormatException(file, "signal " + layout.first().shortLabel(members.get(0)),
                    "frames [" + from + ", " + end + ") need the file's bytes up to " + need + ", but "
                            + file.getFileName() + " has " + fileSize + " bytes (" + available + " whole frames)",
                    "read a window that ends at or before frame " + available + ", or re-download the record");
        }
    }

    /** The header claims more than the file has: say both, which field claims it, and the fixes. */
    static RecordFormatException claimTooLarge(WfdbHeader header, Path file, List<Integer> members, Layout layout,
            long frames, long fileSize) {
        SignalSpec first = layout.first();
        long offset = first.byteOffset();
        long claimed = bytesUpTo(layout.format(), offset, frames, layout.perFrame());
        long available = fileSize <= offset ? 0 : layout.format().samplesIn(fileSize - offset) / layout.perFrame();
        String hea = header.file().getFileName().toString();
        String spf = layout.perFrame() == members.size() ? "one sample each" : layout.perFrame()
                + " samples in all (field samples per frame of lines " + first.line() + "-"
                + header.signals().get(members.get(members.size() - 1)).line() + ")";
        return new RecordFormatException(file, "signal " + first.shortLabel(members.get(0)),
                "the file is truncated or its header is wrong: " + hea + " claims " + frames + " frames (record line,"
                        + " field number of samples) of " + members.size() + " format-" + layout.format().code()
                        + " signals, " + spf + " per frame, from byte " + offset + ": "
                        + (claimed == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : Long.toString(claimed))
                        + " bytes, but the file has " + fileSize + " bytes (" + available + " whole frames)",
                "re-download the record if the file is cut short; otherwise correct the number of samples in " + hea
                        + " (the file holds " + available + " frames), or read a window inside the file"
                        + " (ReadOptions.range, ecg export --from/--to)");
    }

    /** Refuses a read of more than {@link WfdbReader#MAX_VALUES} samples at once. */
    static void checkReadable(WfdbHeader header, Path file, String where, long samples) {
        if (samples > WfdbReader.MAX_VALUES) {
            throw new RecordFormatException(file, where, "reading " + samples + " samples at once would need "
                    + (samples * 4 >> 20) + " MiB; one read holds at most " + WfdbReader.MAX_VALUES
                    + " values (1 GiB of floats)", "read the record in windows (ReadOptions.range, ecg export"
                    + " --from/--to)");
        }
    }

    /** A MATLAB v4 signal file must hold the matrix the WFDB header describes. */
    static void checkMat(WfdbHeader header, Path file, int signals, long frames, SignalFormat format, long offset) {
        Mat4Header mat = Mat4File.readHeader(file);
        boolean ok = mat.rows() == signals && (frames < 0 || mat.columns() >= frames) && mat.dataOffset() == offset
                && mat.bytesPerValue() * 8 == (format == SignalFormat.INT16 ? 16 : format == SignalFormat.INT32 ? 32 : -1)
                && mat.littleEndian();
        if (!ok) {
            throw new RecordFormatException(file, "MATLAB v4 header", "matrix " + org.ecgsiglip.io.util.Quote.of(mat.name())
                    + " is " + mat.rows() + " x " + mat.columns() + " " + mat.precision() + " at byte "
                    + mat.dataOffset() + ", but the WFDB header " + header.file().getFileName() + " expects " + signals
                    + " x " + frames + " format " + format.code() + " at byte " + offset,
                    "make the header's signal count, length and format+offset (e.g. 16+24) match the .mat file");
        }
    }
}
