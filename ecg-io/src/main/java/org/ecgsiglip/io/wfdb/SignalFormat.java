package org.ecgsiglip.io.wfdb;

import java.util.Arrays;
import java.util.List;

/**
 * The WFDB signal storage formats and how to decode them.
 *
 * <p>Byte layouts (all multi-byte words little-endian unless stated):
 * <ul>
 *   <li>8: each byte is a signed first difference from the previous sample of the same signal; the
 *       header's initial value starts the sum. No invalid-sample value.</li>
 *   <li>16 / 61: 16-bit two's complement, little- / big-endian. 24, 32: 24- / 32-bit two's complement.</li>
 *   <li>80 / 160: 8- / 16-bit offset binary (subtract 128 / 32768).</li>
 *   <li>212: two 12-bit samples in three bytes; the first takes byte 0 and the low nibble of byte 1,
 *       the second byte 2 and the high nibble of byte 1.</li>
 *   <li>310: three 10-bit samples in two 16-bit words; the first and second sit in bits 1-10 of word 0
 *       and word 1, the third is made of bits 11-15 of word 0 (low half) and of word 1 (high half).</li>
 *   <li>311: three 10-bit samples in one 32-bit word, in bits 0-9, 10-19 and 20-29.</li>
 *   <li>508, 516, 524: FLAC-compressed; recognised but not decoded.</li>
 * </ul>
 * The invalid-sample value of a format is the most negative number it can store (e.g. -32768 for 16).
 */
public enum SignalFormat {
    NULL(0, 0), DIFFERENCE_8(8, 8), INT16(16, 16), INT24(24, 24), INT32(32, 32), INT16_BIG_ENDIAN(61, 16),
    OFFSET_8(80, 8), OFFSET_16(160, 16), PACKED_212(212, 12), PACKED_310(310, 10), PACKED_311(311, 10),
    FLAC_8(508, 8), FLAC_16(516, 16), FLAC_24(524, 24);

    /** Marks a sample that is invalid in the source or absent (past the end of a skewed file). */
    public static final int ABSENT = Integer.MIN_VALUE;

    private static final SignalFormat[] VALUES = values();

    private final int code;
    private final int bits;

    SignalFormat(int code, int bits) {
        this.code = code;
        this.bits = bits;
    }

    /** The numeric code written in headers. */
    public int code() {
        return code;
    }

    /** True for the FLAC formats this toolkit recognises but does not decode. */
    public boolean isFlac() {
        return code >= 500;
    }

    /** The format with this header code. */
    public static SignalFormat of(int code) {
        for (SignalFormat f : VALUES) {
            if (f.code == code) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown WFDB format " + code);
    }

    /** True when {@code code} is a WFDB format code, decodable or not. */
    public static boolean isKnown(int code) {
        for (SignalFormat f : VALUES) {
            if (f.code == code) {
                return true;
            }
        }
        return false;
    }

    /** The known codes, for messages. */
    public static List<Integer> knownCodes() {
        return Arrays.stream(values()).map(SignalFormat::code).toList();
    }

    /** The stored value that means "invalid sample", or {@link #ABSENT} when the format has none. */
    public int invalidValue() {
        return this == DIFFERENCE_8 || this == NULL ? ABSENT : -(1 << (bits - 1));
    }

    /**
     * Samples in the smallest whole group of bytes: 2 for 212, 3 for 310 and 311, else 1. A read
     * that starts inside a file must start at a multiple of it.
     */
    public int samplesPerGroup() {
        return switch (this) {
            case PACKED_212 -> 2;
            case PACKED_310, PACKED_311 -> 3;
            default -> 1;
        };
    }

    /** Bytes needed to hold the first {@code samples} samples of a file. */
    public long bytesFor(long samples) {
        return switch (this) {
            case NULL -> 0;
            case PACKED_212 -> samples / 2 * 3 + (samples % 2 == 1 ? 2 : 0);
            case PACKED_310 -> samples / 3 * 4 + new int[] {0, 2, 4}[(int) (samples % 3)];
            case PACKED_311 -> samples / 3 * 4 + new int[] {0, 2, 3}[(int) (samples % 3)];
            default -> samples * (bits / 8);
        };
    }

    /** Whole samples that {@code bytes} bytes hold. */
    public long samplesIn(long bytes) {
        return switch (this) {
            case NULL -> Long.MAX_VALUE;
            case PACKED_212 -> bytes / 3 * 2 + (bytes % 3 >= 2 ? 1 : 0);
            case PACKED_310 -> bytes / 4 * 3 + (bytes % 4 >= 2 ? 1 : 0);
            case PACKED_311 -> bytes / 4 * 3 + new int[] {0, 0, 1, 2}[(int) (bytes % 4)];
            default -> bytes / (bits / 8);
        };
    }

    /**
     * Decodes {@code count} samples from {@code src} (which holds at least {@link #bytesFor(long)}
     * bytes; a packed format reads its last group as if zero-padded) into {@code dst}. Format 8 yields
     * the raw differences; the caller sums them per signal.
     */
    public void decode(byte[] src, int count, int[] dst) {
        switch (this) {
            case NULL -> Arrays.fill(dst, 0, count, ABSENT);
            case DIFFERENCE_8 -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = src[i];
                }
            }
            case OFFSET_8 -> {
                for (int i = 0; i < count; i++) {
                    dst[i] = (src[i] & 0xFF) - 128;
                }
            }
            case INT16 -> {
                for (int i = 0, b = 0; i < count; i++, b += 2) {
                    dst[i] = (short) ((src[b] & 0xFF) | (src[b + 1] << 8));
                }
            }
            case INT16_BIG_ENDIAN -> {
                for (int i = 0, b = 0; i < count; i++, b += 2) {
                    dst[i] = (short) ((src[b + 1] & 0xFF) | (src[b] << 8));
                }
            }
            case OFFSET_16 -> {
                for (int i = 0, b = 0; i < count; i++, b += 2) {
                    dst[i] = ((src[b] & 0xFF) | ((src[b + 1] & 0xFF) << 8)) - 32768;
                }
            }
            case INT24 -> {
                for (int i = 0, b = 0; i < count; i++, b += 3) {
                    dst[i] = (src[b] & 0xFF) | ((src[b + 1] & 0xFF) << 8) | (src[b + 2] << 16);
                }
            }
            case INT32 -> {
                for (int i = 0, b = 0; i < count; i++, b += 4) {
                    dst[i] = (src[b] & 0xFF) | ((src[b + 1] & 0xFF) << 8) | ((src[b + 2] & 0xFF) << 16)
                            | (src[b + 3] << 24);
                }
            }
            case PACKED_212 -> Packed.decode212(src, count, dst);
            case PACKED_310 -> Packed.decode310(src, count, dst);
            case PACKED_311 -> Packed.decode311(src, count, dst);
            default -> throw new IllegalStateException("format " + code + " is not decoded here");
        }
    }

    /** The bit-packed formats. */
    private static final class Packed {
        private Packed() {
        }

        static int at(byte[] src, int i) {
            return i < src.length ? src[i] & 0xFF : 0;
        }

        static int signExtend(int v, int bits) {
            int shift = 32 - bits;
            return (v << shift) >> shift;
        }

        static void decode212(byte[] src, int count, int[] dst) {
            for (int i = 0, b = 0; i < count; i += 2, b += 3) {
                int b0 = at(src, b);
                int b1 = at(src, b + 1);
                dst[i] = signExtend(b0 | ((b1 & 0x0F) << 8), 12);
                if (i + 1 < count) {
                    dst[i + 1] = signExtend(at(src, b + 2) | ((b1 & 0xF0) << 4), 12);
                }
            }
        }

        static void decode310(byte[] src, int count, int[] dst) {
            for (int i = 0, b = 0; i < count; i += 3, b += 4) {
                int w0 = at(src, b) | (at(src, b + 1) << 8);
                int w1 = at(src, b + 2) | (at(src, b + 3) << 8);
                dst[i] = signExtend((w0 >> 1) & 0x3FF, 10);
                if (i + 1 < count) {
                    dst[i + 1] = signExtend((w1 >> 1) & 0x3FF, 10);
                }
                if (i + 2 < count) {
                    dst[i + 2] = signExtend(((w0 >> 11) & 0x1F) | (((w1 >> 11) & 0x1F) << 5), 10);
                }
            }
        }

        static void decode311(byte[] src, int count, int[] dst) {
            for (int i = 0, b = 0; i < count; i += 3, b += 4) {
                long w = at(src, b) | (at(src, b + 1) << 8) | (at(src, b + 2) << 16) | ((long) at(src, b + 3) << 24);
                dst[i] = signExtend((int) (w & 0x3FF), 10);
                if (i + 1 < count) {
                    dst[i + 1] = signExtend((int) ((w >> 10) & 0x3FF), 10);
                }
                if (i + 2 < count) {
                    dst[i + 2] = signExtend((int) ((w >> 20) & 0x3FF), 10);
                }
            }
        }
    }
}
