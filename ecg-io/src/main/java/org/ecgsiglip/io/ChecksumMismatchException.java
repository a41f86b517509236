package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A decoded signal whose checksum or first sample disagrees with what its WFDB header declares:
 * either the signal file is damaged or the header describes another file.
 */
public class ChecksumMismatchException extends RecordFormatException {
    private static final long serialVersionUID = 1L;

    public ChecksumMismatchException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }
}
