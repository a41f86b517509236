package org.ecgsiglip.io.mat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.dataset.DatasetPaths;
import org.ecgsiglip.io.util.IoProblems;

/**
 * Reads MATLAB version 4 files as PhysioNet uses them: one full numeric matrix {@code val} of
 * {@code signals x samples}, stored column by column, so that its values are interleaved exactly
 * like a WFDB format-16 file after a 24-byte header (hence {@code 16+24} in CinC headers).
 *
 * <p>Layout: five 32-bit integers (type {@code MOPT} as decimal digits, rows, columns, imaginary
 * flag, name length including its NUL), the name, then the real values column-major.
 */
public final class Mat4File {
    private static final String FIX = "the file is not a MATLAB v4 matrix as PhysioNet writes it;"
            + " re-download it or re-save it with scipy.io.savemat(..., format='4')";

    private Mat4File() {
    }

    /**
     * Largest matrix {@link #readMatrix} returns: 2<sup>27</sup> values (1 GiB of doubles); larger
     * matrices are refused before anything is allocated.
     */
    public static final long MAX_VALUES = 1L << 27;

    /**
     * Reads and checks the header of the first matrix in {@code file}; a file that is a link leading
     * outside its folder is refused ({@link DatasetPaths#openInFolder}).
     */
    public static Mat4Header readHeader(Path file) {
        try (FileChannel ch = open(file)) {
            return readHeader(ch, file);
        } catch (NoSuchFileException e) {
            throw new RecordFormatException(file, null, "MATLAB file not found", "check the record path", e);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read the MATLAB file: " + IoProblems.reason(e),
                    IoProblems.readFix(e), e);
        }
    }

    /** Reads the first matrix's real part as doubles, {@code [row][column]}. */
    public static double[][] readMatrix(Path file) {
        try (FileChannel ch = open(file)) {
            Mat4Header h = readHeader(ch, file);
            long values = (long) h.rows() * h.columns();
            if (values > MAX_VALUES) {
                throw new RecordFormatException(file, "MATLAB v4 header", "a " + h.rows() + " x " + h.columns()
                        + " matrix holds " + values + " values, more than the " + MAX_VALUES + " read at once", FIX);
            }
            ByteBuffer data = ByteBuffer.allocate((int) h.dataBytes())
                    .order(h.littleEndian() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
            for (long pos = h.dataOffset(); data.hasRemaining(); ) {
                int n = ch.read(data, pos);
                if (n < 0) {
                    throw new RecordFormatException(file, "MATLAB v4 data", "the file ended while it was read",
                            "read it again once it is complete, or re-download it");
                }
                pos += n;
            }
            data.flip();
            double[][] m = new double[h.rows()][h.columns()];
            for (int c = 0; c < h.columns(); c++) {
                for (int r = 0; r < h.rows(); r++) {
                    m[r][c] = switch (h.precision()) {
                        case DOUBLE -> data.getDouble();
                        case SINGLE -> data.getFloat();
                        case INT32 -> data.getInt();
                        case INT16 -> data.getShort();
                        case UINT16 -> data.getShort() & 0xFFFF;
                        case UINT8 -> data.get() & 0xFF;
                    };
                }
            }
            return m;
        } catch (NoSuchFileException e) {
            throw new RecordFormatException(file, null, "MATLAB file not found", "check the record path", e);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read the MATLAB file: " + IoProblems.reason(e),
                    IoProblems.readFix(e), e);
        }
    }

    private static FileChannel open(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        return DatasetPaths.openInFolder(abs.getParent(), abs, file, null);
    }

    private static Mat4Header readHeader(FileChannel ch, Path file) throws IOException {
        long size = ch.size();
        ByteBuffer head = ByteBuffer.allocate(20);
        if (size < 20 || ch.read(head, 0) < 20) {
            throw new RecordFormatException(file, "MATLAB v4 header", "file is shorter than the 20-byte header", FIX);
        }
        head.flip().order(ByteOrder.LITTLE_ENDIAN);
        int type = head.getInt(0);
        boolean little = true;
        if (type < 0 || type > 4052) {
            head.order(ByteOrder.BIG_ENDIAN);
            type = head.getInt(0);
            little = false;
        }
        if (type < 0 || type > 4052 || (type / 1000) != (little ? 0 : 1) || (type / 100) % 10 != 0) {
            throw new RecordFormatException(file, "MATLAB v4 header, type", "type code " + head.getInt(0)
                    + " is not a MATLAB v4 numeric matrix (a v5+ file starts with a text header)", FIX);
        }
        int p = (type / 10) % 10;
        int t = type % 10;
        if (p > 5 || t != 0) {
            throw new RecordFormatException(file, "MATLAB v4 header, type", "type " + type
                    + " is not a full numeric matrix", FIX);
        }
        int rows = head.getInt(4);
        int cols = head.getInt(8);
        int imag = head.getInt(12);
        int nameLen = head.getInt(16);
        if (rows < 0 || cols < 0 || nameLen < 1 || nameLen > 4096) {
            throw new RecordFormatException(file, "MATLAB v4 header", "impossible sizes: " + rows + " rows, "
                    + cols + " columns, name length " + nameLen, FIX);
        }
        ByteBuffer name = ByteBuffer.allocate(nameLen);
        ch.read(name, 20);
        String n = new String(name.array(), 0, Math.max(0, nameLen - 1), StandardCharsets.ISO_8859_1);
        Mat4Header h = new Mat4Header(n, little, Mat4Header.Precision.values()[p], rows, cols, imag != 0,
                20L + nameLen);
        long needed = h.dataOffset() + h.dataBytes() * (h.complex() ? 2 : 1);
        if (size < needed) {
            throw new RecordFormatException(file, "MATLAB v4 data", "file is truncated: a " + rows + " x " + cols
                    + " " + h.precision() + " matrix needs " + needed + " bytes but the file has " + size,
                    "re-download the record");
        }
        return h;
    }
}
