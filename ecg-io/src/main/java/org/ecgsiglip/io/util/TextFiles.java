package org.ecgsiglip.io.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.ecgsiglip.io.EcgException;

/**
 * Reads small text files whole, with a size cap and typed errors: a file larger than the cap is
 * refused before it is read (so memory stays bounded by the cap), a NUL byte means a binary file
 * ("not a text file"), and bytes that are not UTF-8 are reported with their line and byte offset
 * instead of the JDK's bare "Input length = 1".
 */
public final class TextFiles {
    /** Builds the caller's exception type, e.g. {@code DatasetException::new}. */
    @FunctionalInterface
    public interface Failure {
        EcgException of(Path file, String location, String problem, String fix, Throwable cause);
    }

    private TextFiles() {
    }

    /**
     * The file's bytes, refusing more than {@code maxBytes}; {@code what} names the kind of file in
     * messages ("dataset table").
     */
    public static byte[] readBytes(Path file, long maxBytes, String what, Failure failure) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size > maxBytes) {
                throw tooLarge(file, size, maxBytes, what, failure);
            }
            byte[] b = new byte[(int) Math.max(size, 0)];
            ByteBuffer buf = ByteBuffer.wrap(b);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // a file that shrinks while read ends early
            }
            if (buf.position() < b.length) {
                return Arrays.copyOf(b, buf.position());
            }
            if (size == 0) { // a pipe or a /proc file says 0 but may hold bytes: read on, still capped
                ByteBuffer more = ByteBuffer.allocate(8192);
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                for (int n; (n = ch.read(more.clear())) >= 0; ) {
                    out.write(more.array(), 0, n);
                    if (out.size() > maxBytes) {
                        throw tooLarge(file, out.size(), maxBytes, what, failure);
                    }
                }
                return out.toByteArray();
            }
            return b;
        } catch (IOException e) {
            throw failure.of(file, null, "cannot read the " + what + ": " + IoProblems.reason(e), IoProblems.readFix(e), e);
        }
    }

    /** The file as UTF-8 text (a leading byte-order mark removed); see the class comment. */
    public static String readUtf8(Path file, long maxBytes, String what, Failure failure) {
        return decodeUtf8(readBytes(file, maxBytes, what, failure), file, what, failure);
    }

    /** {@code bytes} as UTF-8 text, refusing NUL bytes and malformed UTF-8 with their line. */
    public static String decodeUtf8(byte[] bytes, Path file, String what, Failure failure) {
        requireNoNul(bytes, bytes.length, file, what, failure);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = in.position();
            throw failure.of(file, "line " + lineAt(bytes, at) + ", byte " + (at + 1), "not UTF-8 text: byte 0x"
                    + String.format("%02X", bytes[at] & 0xFF) + " does not start a valid UTF-8 character",
                    "save the " + what + " as UTF-8 text (was a binary file or another encoding given by mistake?)",
                    null);
        }
        out.flip();
        int start = out.length() > 0 && out.charAt(0) == '\uFEFF' ? 1 : 0;
        return out.subSequence(start, out.length()).toString();
    }

    /** Throws "not a text file" when the first {@code length} bytes hold a NUL byte. */
    public static void requireNoNul(byte[] bytes, int length, Path file, String what, Failure failure) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw failure.of(file, "line " + lineAt(bytes, i) + ", byte " + (i + 1), "not a text file: it holds a"
                        + " NUL byte, as binary files do", "give the " + what + " here, not a binary file"
                        + " (a signal file, an archive)", null);
            }
        }
    }

    /** 1-based line of byte {@code offset}: one more than the line feeds before it. */
    public static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    private static EcgException tooLarge(Path file, long size, long max, String what, Failure failure) {
        return failure.of(file, null, "the file is " + size + " bytes, more than the " + max + " bytes ("
                + (max >> 20) + " MiB) a " + what + " may have; it was not read",
                "check that this is the right file; a " + what + " is small text", null);
    }
}
