package org.ecgsiglip.io.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.OutsideRootException;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.mat.Mat4File;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXl;
import org.ecgsiglip.io.wfdb.HeaderParser;
import org.ecgsiglip.io.wfdb.ReadOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boundary of what may be read: a record's files must lie, links resolved, in the header's
 * folder; a dataset's files inside its root. A link that leads out is refused before a byte of its
 * target is read, with or without verification, so nothing of the target reaches a message.
 */
class LinkBoundaryTest {
    private static final String SECRET = "root:x:0:0:this line must never be echoed:/root:/bin/bash";

    @TempDir
    Path tmp;
    private Path inside;
    private Path outside;

    @BeforeEach
    void folders() throws IOException {
        inside = Files.createDirectories(tmp.resolve("records"));
        outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Path src = TestData.sample().resolve("records100/00000");
        Files.copy(src.resolve("00001_lr.hea"), inside.resolve("00001_lr.hea"));
        Files.copy(src.resolve("00001_lr.dat"), outside.resolve("00001_lr.dat"));
        Files.writeString(outside.resolve("passwd"), SECRET + "\n");
    }

    private static void assertRefused(OutsideRootException e, Path boundary) throws IOException {
        assertEquals(boundary.toRealPath(), e.boundary(), e.getMessage());
        assertFalse(e.getMessage().contains("never be echoed"), e.getMessage());
        assertTrue(e.fix() != null && e.fix().contains("copy the file into the folder"), e.getMessage());
    }

    @Test
    void aSignalFileLinkedOutOfTheHeadersFolderIsNotRead() throws IOException {
        Files.createSymbolicLink(inside.resolve("00001_lr.dat"), outside.resolve("00001_lr.dat"));
        for (ReadOptions o : List.of(ReadOptions.defaults(), ReadOptions.defaults().withVerify(false),
                ReadOptions.defaults().range(0, 10).withVerify(false))) {
            OutsideRootException e = assertThrows(OutsideRootException.class,
                    () -> RecordReader.read(inside.resolve("00001_lr"), o));
            assertRefused(e, inside);
            assertTrue(e.getMessage().contains("00001_lr.dat is a link to " + outside.toRealPath().resolve("00001_lr.dat")),
                    e.getMessage());
            assertTrue(e.getMessage().contains("named in " + inside.resolve("00001_lr.hea")), e.getMessage());
        }
    }

    @Test
    void aLinkThatStaysInTheFolderIsRead() throws IOException {
        Files.move(outside.resolve("00001_lr.dat"), inside.resolve("data.bin"));
        Files.createSymbolicLink(inside.resolve("00001_lr.dat"), Path.of("data.bin"));
        EcgRecord r = RecordReader.read(inside.resolve("00001_lr"));
        assertEquals(1000, r.length());
    }

    @Test
    void aHeaderLinkedToAFileElsewhereIsNotEchoed() throws IOException {
        Files.createSymbolicLink(inside.resolve("passwd.hea"), outside.resolve("passwd"));
        OutsideRootException e = assertThrows(OutsideRootException.class,
                () -> RecordReader.read(inside.resolve("passwd")));
        assertRefused(e, inside);
        assertThrows(OutsideRootException.class, () -> HeaderParser.parse(inside.resolve("passwd.hea")));
    }

    @Test
    void aSegmentHeaderOrMatFileLinkedOutIsRefusedToo() throws IOException {
        Path seg = Files.createDirectories(tmp.resolve("041s"));
        Path fixtures = TestData.wfdbFixtures().resolve("multi-segment/041s");
        for (String f : List.of("041s.hea", "041s01.dat", "041s02.hea", "041s02.dat")) {
            Files.copy(fixtures.resolve(f), seg.resolve(f));
        }
        Files.copy(fixtures.resolve("041s01.hea"), outside.resolve("041s01.hea"));
        Files.createSymbolicLink(seg.resolve("041s01.hea"), outside.resolve("041s01.hea"));
        assertRefused(assertThrows(OutsideRootException.class, () -> RecordReader.read(seg.resolve("041s"))), seg);

        Path cinc = Files.createDirectories(tmp.resolve("cinc"));
        Files.copy(TestData.cincFixtures().resolve("E07500.hea"), cinc.resolve("E07500.hea"));
        Files.copy(TestData.cincFixtures().resolve("E07500.mat"), outside.resolve("E07500.mat"));
        Files.createSymbolicLink(cinc.resolve("E07500.mat"), outside.resolve("E07500.mat"));
        assertRefused(assertThrows(OutsideRootException.class, () -> RecordReader.read(cinc.resolve("E07500"))), cinc);
        assertRefused(assertThrows(OutsideRootException.class, () -> Mat4File.readHeader(cinc.resolve("E07500.mat"))),
                cinc);
    }

    /** A one-record PTB-XL root under {@code tmp/name}, its record files where {@code place} puts them. */
    private Path ptbxl(String name) throws IOException {
        Path root = Files.createDirectories(tmp.resolve(name));
        Files.copy(TestData.sample().resolve("scp_statements.csv"), root.resolve("scp_statements.csv"));
        List<String> lines = Files.readAllLines(TestData.sample().resolve("ptbxl_database.csv"), StandardCharsets.UTF_8);
        Files.write(root.resolve("ptbxl_database.csv"), lines.subList(0, 2), StandardCharsets.UTF_8);
        return root;
    }

    @Test
    void aDatasetRecordFolderLinkedOutOfTheRootIsRefused() throws IOException {
        Path root = ptbxl("folder-link");
        Files.createDirectories(root.resolve("records100"));
        Files.copy(TestData.sample().resolve("records100/00000/00001_lr.dat"), inside.resolve("00001_lr.dat"));
        Files.createSymbolicLink(root.resolve("records100/00000"), inside);
        OutsideRootException e = assertThrows(OutsideRootException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertRefused(e, root);
        assertEquals("ptbxl_database.csv", e.file().getFileName().toString());
        assertEquals("line 2, column filename_lr", e.location());
        assertTrue(e.getMessage().contains("folder " + root.resolve("records100/00000") + " resolves to "
                + inside.toRealPath() + ", outside the dataset root"), e.getMessage());
    }

    @Test
    void aDatasetRecordFileLinkedOutOfItsFolderIsRefused() throws IOException {
        Path root = ptbxl("file-link");
        Path folder = Files.createDirectories(root.resolve("records100/00000"));
        Files.copy(TestData.sample().resolve("records100/00000/00001_lr.hea"), folder.resolve("00001_lr.hea"));
        Path other = Files.createDirectories(root.resolve("other"));
        Files.copy(TestData.sample().resolve("records100/00000/00001_lr.dat"), other.resolve("00001_lr.dat"));
        Files.createSymbolicLink(folder.resolve("00001_lr.dat"), other.resolve("00001_lr.dat"));
        OutsideRootException e = assertThrows(OutsideRootException.class, () -> PtbXl.load(root, LabelLevel.ALL));
        assertTrue(e.getMessage().contains("outside its folder"), e.getMessage());

        Files.delete(folder.resolve("00001_lr.dat"));
        Files.move(other.resolve("00001_lr.dat"), folder.resolve("00001_lr.dat"));
        assertEquals(1, PtbXl.load(root, LabelLevel.ALL).size(), "the same files in place load");

        Files.move(root.resolve("ptbxl_database.csv"), outside.resolve("ptbxl_database.csv"));
        Files.createSymbolicLink(root.resolve("ptbxl_database.csv"), outside.resolve("ptbxl_database.csv"));
        assertRefused(assertThrows(OutsideRootException.class, () -> PtbXl.load(root, LabelLevel.ALL)), root);
    }
}
