package org.ecgsiglip.io.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.ecgsiglip.io.ChecksumMismatchException;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.UnsupportedFormatException;
import org.ecgsiglip.io.dataset.DatasetPaths;
import org.ecgsiglip.io.util.IoProblems;

/**
 * Decodes the signals stored in one signal file. A file holds frames; each frame holds
 * {@code samplesPerFrame} consecutive samples of each of its signals in header order. Checksums
 * and initial values refer to the samples as stored (before skew is removed).
 *
 * <p>What the header claims is compared with the file before anything is allocated: a header that
 * claims more bytes than the file has fails with both sizes ({@link SizeChecks}), whatever the claim
 * (10<sup>12</sup> samples, 2·10<sup>9</sup> samples per frame). A window {@code [from, to)} reads
 * only the bytes of those frames (plus the skew), so it works on a file shorter than its header
 * claims as long as the window lies in what the file holds.
 */
final class SignalFileDecoder {
    /**
     * Largest read, in bytes, done without asking the file's size first (a 10 s, 12-lead record at
     * 500 Hz is 120 kB): a claim this small costs little even when the file turns out shorter.
     */
    static final long UNCHECKED_READ_LIMIT = 1 << 20;

    private SignalFileDecoder() {
    }

    /**
     * Decodes frames {@code [from, to)} of signals {@code members} (indices into the header's
     * signals) of file {@code file}.
     *
     * @param frames frames the header declares, or -1 to use what the file holds
     * @param to end of the window (exclusive), or -1 for the end of the record
     * @param verify check initial values (when the window starts at frame 0) and checksums (when
     *     the window is the whole record)
     * @param out receives one array per member, indexed like the header's signals, of {@code (to -
     *     from) * samplesPerFrame} values
     * @return the number of frames of the record: {@code frames}, or what the file holds when it was -1
     */
    static long decode(WfdbHeader header, Path file, List<Integer> members, long frames, long from, long to,
            boolean verify, int[][] out) {
        StoredBytes raw = read(header, file, members, frames, from, to, byte[]::new);
        List<SignalSpec> all = header.signals();
        SignalFormat format = raw.format();
        frames = raw.frames();
        long end = to < 0 ? frames : to;
        int perFrame = raw.perFrame();
        int wanted = (int) raw.wanted(); // read() keeps lead + wanted * perFrame within an array
        int lead = raw.lead();
        int[] flat = new int[lead + wanted * perFrame];
        format.decode(raw.bytes(), flat.length, flat);
        boolean whole = from == 0 && end == frames;
        int length = Math.toIntExact(end - from);
        int slot = 0;
        for (int s : members) {
            SignalSpec sig = all.get(s);
            int spf = sig.samplesPerFrame();
            int[] stored = new int[wanted * spf];
            for (int f = 0, d = 0; f < wanted; f++) {
                int base = lead + f * perFrame + slot;
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
            if (verify && raw.first() == 0) {
                int count = whole ? (int) (frames * spf) : 0;
                verify(header, file, s, stored, count, whole);
            }
            int invalid = format.invalidValue();
            long shift = (from - raw.first() + (long) sig.skew()) * spf; // within the stored array
            int[] signal = shift == 0 && stored.length == (long) length * spf ? stored : new int[length * spf];
            for (int i = 0; i < signal.length; i++) {
                long j = i + shift;
                int v = j < stored.length ? stored[(int) j] : SignalFormat.ABSENT;
                signal[i] = v == invalid ? SignalFormat.ABSENT : v;
            }
            out[s] = signal;
        }
        return frames;
    }

    /**
     * The bytes of one signal file that a decode needs, read after checking that every member shares
     * the file's format and byte offset, that the format is decodable and that the file holds what
     * the header and the window ask for.
     *
     * @param bytes the stored samples from stored frame {@code first} on: {@code lead} samples to
     *     skip, then {@code wanted * perFrame} samples ({@link SignalFormat#bytesFor} of them), at the
     *     start of an array that may be longer when the caller handed in a buffer of its own
     * @param format the file's format
     * @param frames frames of the record (the header's, or those the file holds when it gives none)
     * @param first the stored frame {@code bytes} begin with (the window's start; 0 for format 8,
     *     whose differences are summed from the start)
     * @param wanted frames held in {@code bytes}: the window plus the skew the file has room for
     * @param perFrame samples per frame in this file, over all its members
     * @param lead samples before frame {@code first} that a packed format's byte group makes the
     *     read start with
     */
    record StoredBytes(byte[] bytes, SignalFormat format, long frames, long first, long wanted, int perFrame,
            int lead) {
    }

    /** Reads the whole record's stored bytes of signals {@code members} of {@code file}; see {@link StoredBytes}. */
    static StoredBytes read(WfdbHeader header, Path file, List<Integer> members, long frames,
            IntFunction<byte[]> buffers) {
        return read(header, file, members, frames, 0, -1, buffers);
    }

    /**
     * Reads the stored bytes of frames {@code [from, to)} of signals {@code members} of {@code file};
     * see {@link StoredBytes}. {@code buffers} gives an array of at least the length asked for.
     */
    static StoredBytes read(WfdbHeader header, Path file, List<Integer> members, long frames, long from, long to,
            IntFunction<byte[]> buffers) {
        SizeChecks.Layout layout = SizeChecks.layout(header, members);
        SignalSpec first = layout.first();
        SignalFormat format = layout.format();
        long claimedPerFrame = layout.perFrame();
        int perFrame;
        int maxSkew = layout.maxSkew();
        String where = "signal " + first.shortLabel(members.get(0));
        Path abs = file.toAbsolutePath();
        long offset = first.byteOffset();
        boolean mat = file.getFileName().toString().endsWith(".mat");
        byte[] bytes;
        long firstFrame;
        long wanted;
        int lead;
        try (FileChannel ch = DatasetPaths.openInFolder(abs.getParent(), abs, header.file(), where)) {
            long claimed = frames < 0 ? Long.MAX_VALUE : SizeChecks.bytesUpTo(format, offset, frames, claimedPerFrame);
            if (frames >= 0 && from == 0 && (to < 0 || to == frames) && maxSkew == 0 && !mat
                    && claimed - offset <= UNCHECKED_READ_LIMIT && claimedPerFrame <= WfdbReader.MAX_VALUES) {
                // The usual case needs no file size: exactly the header's frames are read, and a file
                // too short for them ends the read early (one system call fewer per record).
                perFrame = (int) claimedPerFrame;
                firstFrame = 0;
                wanted = frames;
                lead = 0;
                bytes = buffers.apply((int) (claimed - offset));
                if (!readFully(ch, bytes, claimed - offset, offset)) {
                    throw SizeChecks.claimTooLarge(header, file, members, layout, frames, ch.size());
                }
            } else {
                long fileSize = ch.size();
                long available = fileSize <= offset ? 0 : format.samplesIn(fileSize - offset) / claimedPerFrame;
                boolean lengthGiven = frames >= 0;
                if (!lengthGiven) {
                    frames = available;
                }
                long end = to < 0 ? frames : to;
                if (mat) { // the matrix must hold the record, or the window when one is asked for
                    SizeChecks.checkMat(header, file, members.size(), lengthGiven || to >= 0 ? end : -1, format,
                            offset);
                }
                SizeChecks.checkWindow(header, file, members, layout, frames, from, end, available, fileSize);
                perFrame = SizeChecks.perFrame(header, layout);
                firstFrame = format == SignalFormat.DIFFERENCE_8 ? 0 : from;
                long startSample = firstFrame * perFrame;
                long groupStart = startSample - startSample % format.samplesPerGroup();
                lead = (int) (startSample - groupStart);
                wanted = Math.min(end + maxSkew, available) - firstFrame;
                long samples = lead + wanted * perFrame;
                SizeChecks.checkReadable(header, file, where, samples);
                long byteStart = offset + format.bytesFor(groupStart);
                long byteCount = format.bytesFor(samples);
                bytes = buffers.apply((int) byteCount);
                if (!readFully(ch, bytes, byteCount, byteStart)) {
                    throw new RecordFormatException(file, where, "the file ended while it was read (was it being"
                            + " written?)", "read it again once it is complete, or re-download the record");
                }
            }
        } catch (NoSuchFileException e) {
            throw new RecordFormatException(file, where,
                    "signal file " + first.fileName() + " named in the header is missing",
                    "put " + first.fileName() + " beside " + header.file().getFileName() + " or re-download the record", e);
        } catch (IOException e) {
            throw new RecordFormatException(file, where, "cannot read the signal file: " + IoProblems.reason(e),
                    IoProblems.readFix(e), e);
        }
        return new StoredBytes(bytes, format, frames, firstFrame, wanted, perFrame, lead);
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

    private static void verify(WfdbHeader header, Path file, int s, int[] stored, int count, boolean whole) {
        if (!whole) {
            SignalSpec sig = header.signals().get(s);
            if (stored.length > 0 && sig.initialValue().isPresent()) {
                verifySums(header, file, s, stored[0], 0, 1, false);
            }
            return;
        }
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
        verifySums(header, file, s, first, sum, count, true);
    }

    private static void verifySums(WfdbHeader header, Path file, int s, int first, int sum, int count,
            boolean checksum) {
        SignalSpec sig = header.signals().get(s);
        String where = "signal " + s + " (" + sig.shortLabel(s) + "), header line " + sig.line();
        if (sig.initialValue().isPresent() && count > 0 && first != sig.initialValue().getAsInt()) {
            throw new ChecksumMismatchException(file, where, "record " + header.baseName() + ": first sample is "
                    + first + " but the header's initial value is " + sig.initialValue().getAsInt(),
                    "the signal file or the header is damaged or mismatched; re-download the record, or read it"
                            + " with verification off if you trust the data");
        }
        if (checksum && sig.checksum().isPresent()) {
            int declared = sig.checksum().getAsInt();
            if (((sum - declared) & 0xFFFF) != 0) {
                throw new ChecksumMismatchException(file, where, "record " + header.baseName() + ": checksum of "
                        + count + " samples is " + (short) sum + " but the header declares " + declared,
                        "the signal file is damaged or belongs to another record; re-download it");
            }
        }
    }
}
