package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A file the toolkit must write that cannot be written: a read-only folder, a file where a folder
 * should be, a full disk. The message gives the cause and the fix; nothing is left half-written.
 */
public class OutputException extends EcgException {
    private static final long serialVersionUID = 1L;

    public OutputException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
