package org.ecgsiglip.io;

import java.nio.file.Path;
import org.ecgsiglip.io.wfdb.ReadOptions;
import org.ecgsiglip.io.wfdb.WfdbReader;

/**
 * The one entry point for reading an ECG record from disk: a WFDB record (signal files in any
 * supported format, including MATLAB v4 {@code .mat} signal files as in CinC), single- or
 * multi-segment, given by its header path with or without {@code .hea}.
 *
 * <p>What a read promises on bad input (see {@code docs/reliability-io.md}): every problem is a
 * {@link EcgException} naming the file, the field and the fix; sizes the header claims are compared
 * with the files' real sizes before anything is allocated; the header and its signal files must lie,
 * links resolved, in the header's folder ({@link OutsideRootException} otherwise, before a byte of
 * them is read); a message quotes at most about 80 characters of the input.
 */
public final class RecordReader {
    private RecordReader() {
    }

    /**
     * Reads the whole record in physical units, verifying every signal's checksum and initial value.
     *
     * @throws RecordFormatException when the header or a signal file is missing, malformed,
     *     truncated or inconsistent ({@link ChecksumMismatchException}, {@link UnsupportedFormatException})
     * @throws OutsideRootException when the header or a signal file is a link leading out of the
     *     header's folder
     */
    public static EcgRecord read(Path recordPathWithOrWithoutHea) {
        return WfdbReader.read(recordPathWithOrWithoutHea, ReadOptions.defaults());
    }

    /**
     * Reads with explicit options (a window of frames, multi-frequency handling, verification); a
     * window reads only its frames, see {@link ReadOptions}.
     */
    public static EcgRecord read(Path recordPathWithOrWithoutHea, ReadOptions options) {
        return WfdbReader.read(recordPathWithOrWithoutHea, options);
    }
}
