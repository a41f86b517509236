package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A record file (WFDB header, signal file, MATLAB file) that cannot be read as declared: a bad
 * header field, a truncated signal file, a checksum that does not match, a missing file.
 */
public class RecordFormatException extends EcgException {
    private static final long serialVersionUID = 1L;

    public RecordFormatException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }

    public RecordFormatException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
