package org.ecgsiglip.eval;

import java.nio.file.Path;
import org.ecgsiglip.io.EcgException;

/**
 * Bad input to an evaluation: a score or truth table that does not parse or does not match its
 * partner, a thresholds file that is malformed or lacks a finding, a record without a group.
 * The message names the file, the line and column (or field), what was wrong and the fix.
 */
public class EvalInputException extends EcgException {
    private static final long serialVersionUID = 1L;

    public EvalInputException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }

    public EvalInputException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
