package org.ecgsiglip.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.IntFunction;
import org.ecgsiglip.io.ChecksumMismatchException;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.UnsupportedFormatException;
import org.ecgsiglip.io.mat.Mat4File;
import org.ecgsiglip.io.mat.Mat4Header;

/**
 * Decodes the signals stored in one signal file. A file holds frames; each frame holds
 * {@code samplesPerFrame} consecutive samples of each of its signals in header order. Checksums
 * and initial values refer to the samples as stored (before skew is removed).
 */
final class SignalFileDecoder {
    private SignalFileDecoder() {
    }

    /**
     * Decodes signals {@code members} (indices into the header's signals) of file {@code file}.
     *
     * @param frames frames the header declares, or -1 to use what the file holds
     * @param out receives one array per member, indexed like the header's signals
     * @return the number of frames found when {@code frames} was -1, else {@code frames}
     */
    static long decode(WfdbHeader header, Path file, List<Integer> members, long frames, boolean verify, int[][] out) {
        StoredBytes raw = read(header, file, members, frames);
        List<SignalSpec> all = header.signals();
        SignalFormat format = raw.format();
        frames = raw.frames();
        int perFrame = raw.perFrame();
        int wanted = (int) raw.wanted(); // read() keeps wanted * perFrame within an array
        int[] flat = new int[wanted * perFrame];
        format.decode(raw.bytes(), flat.length, flat);
        int slot = 0;
        for (int s : members) {
            SignalSpec sig = all.get(s);
            int spf = sig.samplesPerFrame();
            int[] stored = new int[wanted * spf];
            for (int f = 0, d = 0; f < wanted; f++) {
                int base = f * perFrame + slot;
                for (int k = 0; k < spf; k++) {
                    stored[d++] = flat[base + k];
                }
            }
            slot += spf;
            if (format == SignalFormat.DIFFERENCE_8) {
                int v = sig.initialValue().orElse(sig.adcZero());
                for (int i = 0; i < stored.length; i++) {
                    v += stored[i];
                    stored[i] = v;
                }
            }
            if (verify) {
                verify(header, file, s, stored, (int) (frames * spf));
            }
            int invalid = format.invalidValue();
            int shift = sig.skew() * spf;
            int[] signal = shift == 0 && stored.length == frames * spf ? stored : new int[(int) (frames * spf)];
            for (int i = 0; i < signal.length; i++) {
                int j = i + shift;
                int v = j < stored.length ? stored[j] : SignalFormat.ABSENT;
                signal[i] = v == invalid ? SignalFormat.ABSENT : v;
            }
            out[s] = signal;
        }
        return frames;
    }

    /**
     * The bytes of one signal file that a decode needs: the header's frames plus the largest skew,
     * read after checking that every member shares the file's format and byte offset, that the
     * format is decodable and that the file is long enough.
     *
     * @param bytes the stored samples from the byte offset on ({@link SignalFormat#bytesFor} of
     *     {@code wanted * perFrame} samples), at the start of an array that may be longer when the
     *     caller handed in a buffer of its own
     * @param format the file's format
     * @param frames frames of the record (the header's, or those the file holds when it gives none)
     * @param wanted frames held in {@code bytes}: {@code frames} plus the skew the file has room for
     * @param perFrame samples per frame in this file, over all its members
     */
    record StoredBytes(byte[] bytes, SignalFormat format, long frames, long wanted, int perFrame) {
    }

    /** Reads the stored bytes of signals {@code members} of {@code file} into a new array of their exact length. */
    static StoredBytes read(WfdbHeader header, Path file, List<Integer> members, long frames) {
        return read(header, file, members, frames, byte[]::new);
    }

    /**
     * Reads the stored bytes of signals {@code members} of {@code file}; see {@link StoredBytes}.
     * {@code buffers} gives an array of at least the length asked for (a reused one, say).
     */
    static StoredBytes read(WfdbHeader header, Path file, List<Integer> members, long frames,
            IntFunction<byte[]> buffers) {
        List<SignalSpec> all = header.signals();
        SignalSpec first = all.get(members.get(0));
        SignalFormat format = SignalFormat.of(first.format());
        int perFrame = 0;
        int maxSkew = 0;
        for (int s : members) {
            SignalSpec sig = all.get(s);
            if (sig.format() != first.format() || sig.byteOffset() != first.byteOffset()) {
                throw new RecordFormatException(header.file(), "line " + sig.line() + ", field format",
                        "signals stored in " + first.fileName() + " disagree on format or byte offset ("
                                + first.format() + "+" + first.byteOffset() + " vs " + sig.format() + "+"
                                + sig.byteOffset() + ")",
                        "every signal of one file must share its format and byte offset; correct the header");
            }
            perFrame += sig.samplesPerFrame();
            maxSkew = Math.max(maxSkew, sig.skew());
        }
        if (format.isFlac()) {
            throw new UnsupportedFormatException(header.file(), "line " + first.line() + ", field format",
                    "signal format " + format.code() + " (FLAC-compressed) is not supported",
                    "convert the record to format 16 with the WFDB tools (xform -O 16) or wfdb-python, then read that");
        }
        long offset = first.byteOffset();
        byte[] bytes;
        long wanted;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            boolean mat = file.getFileName().toString().endsWith(".mat");
            if (frames >= 0 && maxSkew == 0 && !mat) {
                // The usual case needs no file size: exactly the header's frames are read, and a file
                // too short for them ends the read early (one system call fewer per record).
                wanted = frames;
                bytes = allocate(file, format, wanted, perFrame, buffers);
                if (!readFully(ch, bytes, format.bytesFor(wanted * perFrame), offset)) {
                    throw truncated(header, file, members, format, frames, perFrame, offset, ch.size());
                }
            } else {
                long fileSize = ch.size();
                if (mat) {
                    checkMat(header, file, members.size(), frames, format, offset);
                }
                long available = fileSize <= offset ? 0 : format.samplesIn(fileSize - offset) / perFrame;
                if (frames < 0) {
                    frames = available;
                }
                if (available < frames) {
                    throw truncated(header, file, members, format, frames, perFrame, offset, fileSize);
                }
                wanted = Math.min(frames + maxSkew, available);
                bytes = allocate(file, format, wanted, perFrame, buffers);
                if (!readFully(ch, bytes, format.bytesFor(wanted * perFrame), offset)) {
                    throw new RecordFormatException(file, null, "file ended while reading", "re-download the record");
                }
            }
        } catch (NoSuchFileException e) {
            throw new RecordFormatException(file, "signal " + first.label(members.get(0)),
                    "signal file " + first.fileName() + " named in the header is missing",
                    "put " + first.fileName() + " beside " + header.file().getFileName() + " or re-download the record", e);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read signal file: " + e.getMessage(),
                    "check the file's permissions", e);
        }
        return new StoredBytes(bytes, format, frames, wanted, perFrame);
    }

    /** An array for the bytes of {@code frames * perFrame} samples, or a typed error when one array cannot hold them. */
    private static byte[] allocate(Path file, SignalFormat format, long frames, int perFrame,
            IntFunction<byte[]> buffers) {
        long byteCount = format.bytesFor(frames * perFrame);
        if (byteCount > Integer.MAX_VALUE - 16 || frames * perFrame > Integer.MAX_VALUE - 16) {
            throw new RecordFormatException(file, null, "signal file too large to decode at once ("
                    + byteCount + " bytes)", "read the record in sample ranges");
        }
        return buffers.apply((int) byteCount);
    }

    /** Fills the first {@code length} bytes of {@code bytes} from file position {@code offset}; false when the file ends first. */
    private static boolean readFully(FileChannel ch, byte[] bytes, long length, long offset) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, (int) length);
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                return false;
            }
            pos += n;
        }
        return true;
    }

    private static RecordFormatException truncated(WfdbHeader header, Path file, List<Integer> members,
            SignalFormat format, long frames, int perFrame, long offset, long fileSize) {
        SignalSpec first = header.signals().get(members.get(0));
        return new RecordFormatException(file, "signal " + first.label(members.get(0)),
                "signal file is truncated: " + frames + " frames of " + perFrame + " format-" + format.code()
                        + " samples need " + (offset + format.bytesFor(frames * perFrame)) + " bytes but the file has "
                        + fileSize,
                "re-download the record; the header of " + header.baseName() + " expects the whole file");
    }

    private static void verify(WfdbHeader header, Path file, int s, int[] stored, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += stored[i];
        }
        verifySums(header, file, s, count > 0 ? stored[0] : 0, sum, count);
    }

    /**
     * Checks signal {@code s}'s first stored value and the sum of its {@code count} stored values
     * against the header's initial value and checksum (16-bit), when the header gives them.
     */
    static void verifySums(WfdbHeader header, Path file, int s, int first, int sum, int count) {
        SignalSpec sig = header.signals().get(s);
        String where = "signal " + s + " (" + sig.label(s) + "), header line " + sig.line();
        if (sig.initialValue().isPresent() && count > 0 && first != sig.initialValue().getAsInt()) {
            throw new ChecksumMismatchException(file, where, "record " + header.baseName() + ": first sample is "
                    + first + " but the header's initial value is " + sig.initialValue().getAsInt(),
                    "the signal file or the header is damaged or mismatched; re-download the record, or read it"
                            + " with verification off if you trust the data");
        }
        if (sig.checksum().isPresent()) {
            int declared = sig.checksum().getAsInt();
            if (((sum - declared) & 0xFFFF) != 0) {
                throw new ChecksumMismatchException(file, where, "record " + header.baseName() + ": checksum of "
                        + count + " samples is " + (short) sum + " but the header declares " + declared,
                        "the signal file is damaged or belongs to another record; re-download it");
            }
        }
    }

    private static void checkMat(WfdbHeader header, Path file, int signals, long frames, SignalFormat format,
            long offset) {
        Mat4Header mat = Mat4File.readHeader(file);
        boolean ok = mat.rows() == signals && (frames < 0 || mat.columns() >= frames) && mat.dataOffset() == offset
                && mat.bytesPerValue() * 8 == (format == SignalFormat.INT16 ? 16 : format == SignalFormat.INT32 ? 32 : -1)
                && mat.littleEndian();
        if (!ok) {
            throw new RecordFormatException(file, "MATLAB v4 header", "matrix '" + mat.name() + "' is " + mat.rows()
                    + " x " + mat.columns() + " " + mat.precision() + " at byte " + mat.dataOffset()
                    + ", but the WFDB header expects " + signals + " x " + frames + " format " + format.code()
                    + " at byte " + offset,
                    "make the header's signal count, length and format+offset (e.g. 16+24) match the .mat file");
        }
    }
}
