package org.ecgsiglip.io;

import java.nio.file.Path;

/**
 * A file that, once every symbolic link on its path is resolved, lies outside the folder it must
 * stay in: a dataset file outside the dataset root, or a record's signal file outside its header's
 * folder. Nothing of such a file is read, so nothing of it can reach a message.
 */
public class OutsideRootException extends DatasetException {
    private static final long serialVersionUID = 1L;

    private final transient Path boundary;

    public OutsideRootException(Path file, String location, Path boundary, String problem, String fix) {
        super(file, location, problem, fix);
        this.boundary = boundary;
    }

    /** The folder the file had to stay in (links resolved). */
    public Path boundary() {
        return boundary;
    }
}
