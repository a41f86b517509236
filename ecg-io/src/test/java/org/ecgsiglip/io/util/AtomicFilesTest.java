package org.ecgsiglip.io.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.OutputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write that fails says why (the JDK's own message is often just the path) and what to do, leaves
 * an existing target as it was, and leaves no temporary file behind.
 */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFileWhereTheOutputFolderShouldBeIsNamedAsTheCause() throws IOException {
        Files.writeString(dir.resolve("out"), "keep me");
        List<String> before = names();
        OutputException e = assertThrows(OutputException.class,
                () -> AtomicFiles.writeString(dir.resolve("out/report.json"), "{}"));
        assertTrue(e.getMessage().contains("cannot write the file: " + dir.resolve("out") + " is in the way: it is a file"
                + " where a folder is needed"), e.getMessage());
        assertTrue(e.fix().contains("move or rename the file that is in the way"), e.fix());
        assertEquals(dir.resolve("out/report.json"), e.file());
        assertEquals("keep me", Files.readString(dir.resolve("out")));
        assertEquals(before, names());
    }

    @Test
    void aFolderWhereTheFileShouldBeIsLeftAlone() throws IOException {
        Files.createDirectories(dir.resolve("report.json"));
        Files.writeString(dir.resolve("report.json/inside.txt"), "x");
        List<String> before = names();
        OutputException e = assertThrows(OutputException.class,
                () -> AtomicFiles.writeString(dir.resolve("report.json"), "{}"));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
        assertTrue(e.fix().contains("choose another output file name"), e.fix());
        assertEquals(before, names());
    }

    @Test
    void aFullDiskKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("thresholds.json");
        Files.writeString(target, "old");
        List<String> before = names();
        OutputException e = assertThrows(OutputException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new con".getBytes());
            throw new FileSystemException(target + ".tmp", null, "No space left on device");
        }));
        assertTrue(e.getMessage().contains("the disk is full (no space left on the device)"), e.getMessage());
        assertTrue(e.fix().contains("free some disk space"), e.fix());
        assertEquals("old", Files.readString(target));
        assertEquals(before, names());
    }

    @Test
    void causesTheJdkReportsAsABarePathGetWords() {
        assertEquals("permission denied on /data/out", IoProblems.reason(new AccessDeniedException("/data/out")));
        assertTrue(IoProblems.writeFix(new AccessDeniedException("/data/out")).contains("may write to"));
        assertEquals("the file system is read-only",
                IoProblems.reason(new FileSystemException("/mnt/x", null, "Read-only file system")));
        assertEquals("/x/y does not exist", IoProblems.reason(new NoSuchFileException("/x/y")));
        assertEquals("the disk quota is exceeded",
                IoProblems.reason(new FileSystemException("/x", null, "Disk quota exceeded")));
        assertTrue(IoProblems.reason(new IOException("Input/output error")).contains("Input/output error"));
    }

    @Test
    void textFilesSayWhyTheyCannotBeRead() throws IOException {
        Path table = dir.resolve("table.csv");
        Files.write(table, new byte[] {'a', ',', 'b', '\n', 'c', ',', (byte) 0xFF, '\n'});
        DatasetException notUtf8 = assertThrows(DatasetException.class, () -> Csv.read(table));
        assertEquals("line 2, byte 7", notUtf8.location());
        assertTrue(notUtf8.getMessage().contains("not UTF-8 text: byte 0xFF"), notUtf8.getMessage());
        Files.write(table, new byte[] {'a', '\n', 0, 1, 2});
        DatasetException binary = assertThrows(DatasetException.class, () -> Csv.read(table));
        assertTrue(binary.getMessage().contains("not a text file"), binary.getMessage());
        DatasetException missing = assertThrows(DatasetException.class, () -> Csv.read(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("file not found"), missing.getMessage());
        DatasetException folder = assertThrows(DatasetException.class, () -> Csv.read(dir));
        assertTrue(folder.getMessage().contains("is a folder"), folder.getMessage());
        Files.writeString(table, "x".repeat(100));
        DatasetException big = assertThrows(DatasetException.class,
                () -> TextFiles.readUtf8(table, 64, "dataset table", DatasetException::new));
        assertTrue(big.getMessage().contains("the file is 100 bytes, more than the 64 bytes"), big.getMessage());
        DatasetException hash = assertThrows(DatasetException.class, () -> Sha256.of(dir.resolve("nope.bin")));
        assertTrue(hash.getMessage().contains("does not exist"), hash.getMessage());
    }

    @Test
    void quotesStayShortAndOnOneLine() {
        assertEquals("'abc'", Quote.of("abc"));
        assertEquals("'a\\nb\\x00'", Quote.of("a\nb\0"));
        String q = Quote.of("z".repeat(5_000_000));
        assertEquals("'" + "z".repeat(60) + "…' (5000000 characters)", q);
        assertEquals("'" + "y".repeat(80) + "'", Quote.of("y".repeat(80)));
    }
}
