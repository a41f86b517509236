package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A record that is well formed but uses a storage format this toolkit does not decode, such as the
 * FLAC-compressed WFDB formats 508, 516 and 524.
 */
public class UnsupportedFormatException extends RecordFormatException {
    private static final long serialVersionUID = 1L;

    public UnsupportedFormatException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }
}
