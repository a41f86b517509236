package org.ecgsiglip.io;

import java.nio.file.Path;
import org.ecgsiglip.io.wfdb.ReadOptions;
import org.ecgsiglip.io.wfdb.WfdbReader;

/**
 * The one entry point for reading an ECG record from disk: a WFDB record (signal files in any
 * supported format, including MATLAB v4 {@code .mat} signal files as in CinC), single- or
 * multi-segment, given by its header path with or without {@code .hea}.
 */
public final class RecordReader {
    private RecordReader() {
    }

    /**
     * Reads the whole record in physical units, verifying every signal's checksum and initial value.
     *
     * @throws RecordFormatException when the header or a signal file is missing, malformed,
     *     truncated or inconsistent ({@link ChecksumMismatchException}, {@link UnsupportedFormatException})
     */
    public static EcgRecord read(Path recordPathWithOrWithoutHea) {
        return WfdbReader.read(recordPathWithOrWithoutHea, ReadOptions.defaults());
    }

    /** Reads with explicit options (sample range, multi-frequency handling, verification). */
    public static EcgRecord read(Path recordPathWithOrWithoutHea, ReadOptions options) {
        return WfdbReader.read(recordPathWithOrWithoutHea, options);
    }
}
