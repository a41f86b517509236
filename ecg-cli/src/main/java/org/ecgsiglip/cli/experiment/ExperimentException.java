package org.ecgsiglip.cli.experiment;

import java.nio.file.Path;
import org.ecgsiglip.io.EcgException;

/**
 * An experiment that cannot run as written: an unknown or misplaced key in the experiment file, a
 * variant name that is not defined, a test split without records, a run folder left by another
 * configuration. The message names the file, the key or folder, and the fix.
 */
public class ExperimentException extends EcgException {
    private static final long serialVersionUID = 1L;

    public ExperimentException(Path file, String location, String problem, String fix) {
        super(file, location, problem, fix);
    }

    public ExperimentException(Path file, String location, String problem, String fix, Throwable cause) {
        super(file, location, problem, fix, cause);
    }
}
