package org.ecgsiglip.cli.download;

import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.EcgException;

/**
 * A download that did not complete: the server could not be reached or answered with an error, the
 * checksum list is malformed, or files failed verification. {@link #failures()} names every file
 * that failed; files verified before are kept.
 */
public class DownloadException extends EcgException {
    private static final long serialVersionUID = 1L;

    private final List<String> failures;

    public DownloadException(Path file, String location, String problem, String fix) {
        this(file, location, problem, fix, List.of(), null);
    }

    public DownloadException(Path file, String location, String problem, String fix, List<String> failures,
                             Throwable cause) {
        super(file, location, problem, fix, cause);
        this.failures = List.copyOf(failures);
    }

    /** Relative paths (as SHA256SUMS.txt writes them) of the files that failed, in list order. */
    public List<String> failures() {
        return failures;
    }
}
