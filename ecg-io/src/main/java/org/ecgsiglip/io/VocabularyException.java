package org.ecgsiglip.io;

import java.nio.file.Path;

/** A findings vocabulary problem: an unknown code, a duplicate code, an unreadable vocabulary file. */
public class VocabularyException extends EcgException {
    private static final long serialVersionUID = 1L;

    public VocabularyException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }

    public VocabularyException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
