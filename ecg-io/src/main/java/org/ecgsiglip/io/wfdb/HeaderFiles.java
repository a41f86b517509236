package org.ecgsiglip.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.dataset.DatasetPaths;
import org.ecgsiglip.io.util.IoProblems;
import org.ecgsiglip.io.util.Quote;
import org.ecgsiglip.io.util.TextFiles;

/**
 * Reads a header file for {@link HeaderParser}, refusing before it parses anything: a file that is
 * a link out of its folder, more than {@link HeaderParser#MAX_HEADER_BYTES} or {@link
 * HeaderParser#MAX_HEADER_LINES} lines, or binary (a NUL byte); and after parsing, a record line
 * that names another record than the file.
 */
final class HeaderFiles {
    private HeaderFiles() {
    }

    /** The file's bytes, checked as the class comment says; every problem a {@link RecordFormatException}. */
    static byte[] read(Path file) {
        byte[] bytes;
        try {
            bytes = readAll(file);
        } catch (NoSuchFileException e) {
            throw new RecordFormatException(file, null, "header file not found",
                    "check the record path (with or without .hea) and that the file exists", e);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "header file cannot be read: " + IoProblems.reason(e),
                    IoProblems.readFix(e), e);
        }
        TextFiles.requireNoNul(bytes, bytes.length, file, "WFDB header (.hea)", RecordFormatException::new);
        int lines = 1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n')) {
                lines++;
            }
        }
        if (lines > HeaderParser.MAX_HEADER_LINES) {
            throw new RecordFormatException(file, null, "the header has " + lines + " lines, more than the "
                    + HeaderParser.MAX_HEADER_LINES + " a WFDB header may have; it was not parsed",
                    "check that this is the record's .hea header; split a record of that many segments");
        }
        return bytes;
    }

    /** The record line must name the record the header file is named after. */
    static void requireOwnName(WfdbHeader h, Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".hea")) {
            return;
        }
        String own = name.substring(0, name.length() - 4);
        if (!h.baseName().equals(own)) {
            throw new RecordFormatException(file, "record line, field record name", "the record line names"
                    + " record " + Quote.of(h.recordName()) + " but the file is " + name
                    + "; WFDB finds a record's header by its name",
                    "rename the file to " + Quote.head(h.baseName(), 60) + ".hea, or correct the record name to "
                            + own + " (was another record's header copied here?)");
        }
    }

    /**
     * The whole file, read with as few system calls as the JDK allows: its size, then one read of
     * that many bytes (a header is read for every record, so each call counts). At most {@link
     * #HeaderParser.MAX_HEADER_BYTES}; a file that is a link leading outside its folder is refused.
     */
    static byte[] readAll(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        try (FileChannel ch = DatasetPaths.openInFolder(abs.getParent(), abs, file, null)) {
            long size = ch.size();
            if (size > HeaderParser.MAX_HEADER_BYTES) {
                throw tooLarge(file, size);
            }
            if (size == 0) { // a pipe or a /proc file says 0 but may hold text: read on, still capped
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                ByteBuffer chunk = ByteBuffer.allocate(8192);
                for (int n; (n = ch.read(chunk.clear())) >= 0; ) {
                    out.write(chunk.array(), 0, n);
                    if (out.size() > HeaderParser.MAX_HEADER_BYTES) {
                        throw tooLarge(file, out.size());
                    }
                }
                return out.toByteArray();
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // a file that shrinks while read ends early; one that grows is read up to its first size
            }
            return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
        }
    }

    private static RecordFormatException tooLarge(Path file, long size) {
        return new RecordFormatException(file, null, "the header is " + size + " bytes, more than the "
                + HeaderParser.MAX_HEADER_BYTES + " (16 MiB) a WFDB header may have; it was not read",
                "check that this is the record's .hea header and not another file");
    }
}
