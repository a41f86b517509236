package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A dataset table or folder that cannot be used: a malformed CSV row, an unknown finding code, an
 * empty finding set, a record path that leaves the dataset root.
 */
public class DatasetException extends EcgException {
    private static final long serialVersionUID = 1L;

    public DatasetException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }

    public DatasetException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
