package org.ecgsiglip.io.mat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordFormatException;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MATLAB v4 files: the matrix a header claims is checked against the file before it is read. */
class Mat4FileTest {
    @TempDir
    Path tmp;

    private Path mat(int rows, int columns, int payload) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(24 + payload).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(30).putInt(rows).putInt(columns).putInt(0).putInt(4).put("val\0".getBytes());
        return Files.write(tmp.resolve("m.mat"), b.array());
    }

    @Test
    void aClaimedMatrixLargerThanTheFileIsRefusedWithBothSizes() throws IOException {
        Path f = mat(100_000, 100_000, 1000);
        for (var read : new org.junit.jupiter.api.function.Executable[] {() -> Mat4File.readHeader(f),
            () -> Mat4File.readMatrix(f)}) {
            RecordFormatException e = assertThrows(RecordFormatException.class, read);
            assertEquals("MATLAB v4 data", e.location());
            assertTrue(e.getMessage().contains("a 100000 x 100000 INT16 matrix needs 20000000024 bytes but the file has"
                    + " 1024"), e.getMessage());
        }
    }

    @Test
    void aMatrixOfTheClaimedSizeIsRead() throws IOException {
        double[][] m = Mat4File.readMatrix(TestData.cincFixtures().resolve("E07500.mat"));
        EcgRecord r = RecordReader.read(TestData.cincFixtures().resolve("E07500"));
        assertEquals(12, m.length);
        assertEquals(5000, m[0].length);
        for (int i = 0; i < 5000; i += 499) {
            assertEquals(m[3][i] / 1000.0, r.signals()[3][i], 1e-6, "gain 1000/mV, baseline 0");
        }
        Path text = Files.writeString(tmp.resolve("v5.mat"), "MATLAB 5.0 MAT-file, Platform: GLNXA64, Created on: ...");
        RecordFormatException e = assertThrows(RecordFormatException.class, () -> Mat4File.readHeader(text));
        assertEquals("MATLAB v4 header, type", e.location());
    }
}
