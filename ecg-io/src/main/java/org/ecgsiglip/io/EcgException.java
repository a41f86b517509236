package org.ecgsiglip.io;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The root of every error the toolkit raises on bad input.
 *
 * <p>A message always says <em>where</em> (the file, and the line, field or signal inside it),
 * <em>what</em> was wrong, and <em>how to fix it</em>; {@link #file()}, {@link #location()} and
 * {@link #fix()} expose the same parts to code that wants to react to them. Subclasses name the
 * family of input (record files, dataset tables, vocabularies, configuration).
 */
public class EcgException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;
    private final String problem;
    private final String fix;

    /**
     * @param file the file the problem is in, or {@code null} when it is not about one file
     * @param location line, field or signal inside the file ("line 812, column scp_codes"), or {@code null}
     * @param problem what was wrong, as a sentence fragment without a trailing period
     * @param fix what the user can do about it, or {@code null} when there is nothing to suggest
     * @param cause the underlying exception, or {@code null}
     */
    public EcgException(Path file, String location, String problem, String fix, Throwable cause) {
        super(compose(file, location, problem, fix), cause);
        this.file = file;
        this.location = location;
        this.problem = Objects.requireNonNull(problem, "problem");
        this.fix = fix;
    }

    public EcgException(Path file, String location, String problem, String fix) {
        this(file, location, problem, fix, null);
    }

    private static String compose(Path file, String location, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (location != null) {
                sb.append(", ").append(location);
            }
            sb.append(": ");
        } else if (location != null) {
            sb.append(location).append(": ");
        }
        sb.append(problem);
        if (fix != null && !fix.isBlank()) {
            sb.append(". Fix: ").append(fix);
        }
        if (sb.charAt(sb.length() - 1) != '.') {
            sb.append('.');
        }
        return sb.toString();
    }

    /** The file the problem is in, or {@code null}. */
    public Path file() {
        return file;
    }

    /** The line, field or signal inside the file, or {@code null}. */
    public String location() {
        return location;
    }

    /** What was wrong, without location or fix. */
    public String problem() {
        return problem;
    }

    /** What would fix it, or {@code null}. */
    public String fix() {
        return fix;
    }
}
