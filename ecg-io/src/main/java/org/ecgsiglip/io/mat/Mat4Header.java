package org.ecgsiglip.io.mat;

/**
 * The fixed header of one matrix in a MATLAB version 4 file.
 *
 * @param name the variable name ({@code val} in WFDB and CinC files)
 * @param littleEndian byte order of the numbers (the {@code M} digit of the type: 0 little, 1 big)
 * @param precision the stored number type (the {@code P} digit)
 * @param rows number of rows (signals in WFDB use)
 * @param columns number of columns (samples in WFDB use)
 * @param complex whether an imaginary part follows the real part
 * @param dataOffset byte position of the first value in the file
 */
public record Mat4Header(String name, boolean littleEndian, Precision precision, int rows, int columns,
        boolean complex, long dataOffset) {

    /** The {@code P} digit of the MATLAB v4 type code. */
    public enum Precision {
        DOUBLE(8), SINGLE(4), INT32(4), INT16(2), UINT16(2), UINT8(1);

        private final int bytes;

        Precision(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }

    /** Bytes per stored value. */
    public int bytesPerValue() {
        return precision.bytes();
    }

    /** Bytes of the real part: rows x columns x bytes per value. */
    public long dataBytes() {
        return (long) rows * columns * precision.bytes();
    }
}
