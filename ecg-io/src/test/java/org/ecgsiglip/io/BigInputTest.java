package org.ecgsiglip.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.wfdb.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big bad inputs are refused within a small heap: each case runs in a child JVM with
 * {@value #HEAP_MB} MB of heap ({@link SmallHeap}), on a file several times that size made here and
 * deleted afterwards. A reader that took memory in proportion to the input would die there.
 */
class BigInputTest {
    static final int HEAP_MB = 32;

    @TempDir
    Path tmp;

    /** The child: {@code header PATH}, {@code window PATH FROM TO} or {@code ptbxl ROOT}. */
    public static void main(String[] args) {
        SmallHeap.report(() -> switch (args[0]) {
            case "header" -> RecordReader.read(Path.of(args[1]));
            case "window" -> RecordReader.read(Path.of(args[1]),
                    ReadOptions.defaults().range(Long.parseLong(args[2]), Long.parseLong(args[3])));
            case "ptbxl" -> PtbXl.load(Path.of(args[1]), LabelLevel.SUPERDIAGNOSTIC);
            default -> throw new IllegalArgumentException(args[0]);
        });
    }

    private static void fill(Path file, String start, long bytes, byte b) throws IOException {
        byte[] chunk = new byte[1 << 20];
        Arrays.fill(chunk, b);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(start.getBytes(StandardCharsets.ISO_8859_1));
            for (long n = start.length(); n < bytes; n += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - n));
            }
        }
    }

    private static SmallHeap.Outcome child(String... args) throws IOException, InterruptedException {
        return SmallHeap.run(HEAP_MB, BigInputTest.class, args);
    }

    @Test
    void aHeaderOf64MiBIsRefusedUnread() throws Exception {
        fill(tmp.resolve("r.hea"), "r 1 100 10 ", 64L << 20, (byte) 'Z');
        SmallHeap.Outcome o = child("header", tmp.resolve("r").toString());
        assertTrue(o.threw(RecordFormatException.class), o.output());
        assertTrue(o.message().contains("the header is 67108864 bytes, more than the 16777216 (16 MiB)"), o.message());
    }

    @Test
    void aHeaderOfTooManyLinesIsRefusedUnparsed() throws Exception {
        fill(tmp.resolve("r.hea"), "r 0 100 10\n", 4 * 250_000, (byte) '\n');
        SmallHeap.Outcome o = child("header", tmp.resolve("r").toString());
        assertTrue(o.threw(RecordFormatException.class), o.output());
        assertTrue(o.message().contains("more than the 200000 a WFDB header may have"), o.message());
    }

    @Test
    void aHeaderJustUnderTheCapIsParsedInAHeapOfSixTimesItsSize() throws Exception {
        Path src = TestData.sample().resolve("records100/00000");
        Files.copy(src.resolve("00001_lr.dat"), tmp.resolve("00001_lr.dat"));
        fill(tmp.resolve("00001_lr.hea"), Files.readString(src.resolve("00001_lr.hea")) + "#", 15L << 20, (byte) 'c');
        SmallHeap.Outcome o = SmallHeap.run(96, BigInputTest.class, "header", tmp.resolve("00001_lr").toString());
        assertEquals("ok", o.type(), o.output());
        assertTrue(o.message().contains("12 leads x 1000 samples"), o.message());
    }

    @Test
    void fiveMegabytesOfBaseTimeAreQuotedShortInASmallHeap() throws Exception {
        fill(tmp.resolve("r.hea"), "r 1 100 10 ", 5L << 20, (byte) '7');
        SmallHeap.Outcome o = child("header", tmp.resolve("r").toString());
        assertTrue(o.threw(RecordFormatException.class), o.output());
        assertTrue(o.message().contains("field base time") && o.message().length() < 600, o.message());
    }

    @Test
    void aWindowOfAFileWhoseHeaderClaimsTenToTheTwelveSamplesReadsInASmallHeap() throws Exception {
        Path src = TestData.sample().resolve("records100/00000");
        Files.copy(src.resolve("00001_lr.dat"), tmp.resolve("00001_lr.dat"));
        Files.writeString(tmp.resolve("00001_lr.hea"), Files.readString(src.resolve("00001_lr.hea"))
                .replace("00001_lr 12 100 1000", "00001_lr 12 100 1000000000000"));
        SmallHeap.Outcome window = child("window", tmp.resolve("00001_lr").toString(), "0", "1000");
        assertEquals("ok", window.type(), window.output());
        assertTrue(window.message().contains("12 leads x 1000 samples"), window.message());
        SmallHeap.Outcome whole = child("header", tmp.resolve("00001_lr").toString());
        assertTrue(whole.threw(RecordFormatException.class), whole.output());
        assertTrue(whole.message().contains("but the file has 24000 bytes"), whole.message());
    }

    @Test
    void aDatasetTableOf48MiBIsRefusedUnread() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("ptbxl"));
        Files.copy(TestData.sample().resolve("scp_statements.csv"), root.resolve("scp_statements.csv"));
        fill(root.resolve("ptbxl_database.csv"), "ecg_id,", 48L << 20, (byte) 'x');
        SmallHeap.Outcome o = child("ptbxl", root.toString());
        assertTrue(o.threw(DatasetException.class), o.output());
        assertTrue(o.message().contains("the file is 50331648 bytes, more than the 33554432 bytes (32 MiB) a dataset"
                + " table may have; it was not read"), o.message());
    }
}
