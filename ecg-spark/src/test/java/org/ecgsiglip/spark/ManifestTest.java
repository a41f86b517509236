package org.ecgsiglip.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.DatasetException;
import org.ecgsiglip.io.TestData;
import org.ecgsiglip.io.util.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path tmp;

    @Test
    void aPtbXlRootListsTheTablesRowsInOrder() throws Exception {
        Manifest m = Manifest.read(TestData.sample(), 100);
        assertEquals(Manifest.Kind.PTBXL, m.kind());
        // the table has 378 data rows; the first is ecg_id 1 at records100/00000/00001_lr
        assertEquals(378, m.size());
        Manifest.Entry first = m.entries().get(0);
        assertEquals(0, first.row());
        assertEquals("00001_lr", first.recordId());
        assertEquals(TestData.sample().resolve("records100/00000/00001_lr").toAbsolutePath().normalize().toString(),
                first.path());
        assertEquals(Sha256.of(TestData.sample().resolve("ptbxl_database.csv")), m.sourceSha256());
        assertEquals(m, Manifest.read(TestData.sample().resolve("ptbxl_database.csv"), 100), "the table itself");
        long lines = Files.readAllLines(TestData.sample().resolve("ptbxl_database.csv")).size();
        assertEquals(lines - 1, m.size(), "one entry per data row");
        assertThrows(DatasetException.class, () -> Manifest.read(TestData.sample(), 250));
    }

    @Test
    void aFolderListsEveryHeaderBelowItInPathOrder() {
        Manifest m = Manifest.read(TestData.cincFixtures(), 100);
        assertEquals(Manifest.Kind.FOLDER, m.kind());
        assertEquals(List.of("E07500", "E07501", "HR06002", "HR06003", "JS20000", "JS20005", "JS20006"),
                m.entries().stream().map(Manifest.Entry::recordId).toList());
        assertNull(m.sourceSha256());
    }

    @Test
    void aListResolvesRelativePathsSkipsCommentsAndDoesNotOpenTheRecords() throws Exception {
        Path list = tmp.resolve("sub/list.txt");
        Files.createDirectories(list.getParent());
        Files.writeString(list, "# three records\n\nrecs/a.hea\n  recs/b  \n/abs/c\n");
        Manifest m = Manifest.read(list, 100);
        assertEquals(Manifest.Kind.LIST, m.kind());
        assertEquals(List.of(tmp.resolve("sub/recs/a").toString(), tmp.resolve("sub/recs/b").toString(), "/abs/c"),
                m.entries().stream().map(Manifest.Entry::path).toList(), "missing files are the executors' business");
        assertEquals(List.of(0L, 1L, 2L), m.entries().stream().map(Manifest.Entry::row).toList());
        // entries hash: SHA-256 of "id TAB path LF" lines, computed here independently
        StringBuilder lines = new StringBuilder();
        m.entries().forEach(e -> lines.append(e.recordId()).append('\t').append(e.path()).append('\n'));
        assertEquals(Sha256.of(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)), m.entriesSha256());
        assertEquals(Sha256.of(list), m.sourceSha256());
    }

    @Test
    void badManifestsAreNamed() throws Exception {
        Path empty = tmp.resolve("empty.txt");
        Files.writeString(empty, "# nothing\n");
        DatasetException e = assertThrows(DatasetException.class, () -> Manifest.read(empty, 100));
        assertTrue(e.getMessage().contains("names no record"), e.getMessage());
        Files.createDirectories(tmp.resolve("nohea"));
        e = assertThrows(DatasetException.class, () -> Manifest.read(tmp.resolve("nohea"), 100));
        assertTrue(e.getMessage().contains("no .hea file"), e.getMessage());
        e = assertThrows(DatasetException.class, () -> Manifest.read(tmp.resolve("missing"), 100));
        assertTrue(e.getMessage().contains("neither a folder nor a file"), e.getMessage());
        Path escape = tmp.resolve("escape");
        Files.createDirectories(escape);
        List<String> table = Files.readAllLines(TestData.sample().resolve("ptbxl_database.csv"));
        Files.writeString(escape.resolve("ptbxl_database.csv"), table.get(0) + "\n"
                + table.get(1).replace("records100/00000/00001_lr", "../../etc/passwd") + "\n");
        e = assertThrows(DatasetException.class, () -> Manifest.read(escape, 100));
        assertTrue(e.getMessage().contains("leaves the dataset root") && e.getMessage().contains("line 2"), e.getMessage());
    }
}
