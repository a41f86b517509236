package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A record that the configured preprocessing cannot turn into a fixed-size array: a required lead is
 * missing or holds no valid sample, a filter does not fit the record's length, a bad setting.
 */
public class PreprocessingException extends EcgException {
    private static final long serialVersionUID = 1L;

    public PreprocessingException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }
}
