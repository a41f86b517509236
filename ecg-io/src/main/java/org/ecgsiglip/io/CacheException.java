package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A signal cache that cannot be opened or built as asked: built with another preprocessing
 * configuration or from other source files, damaged, or incomplete.
 */
public class CacheException extends EcgException {
    private static final long serialVersionUID = 1L;

    public CacheException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }

    public CacheException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
