package org.ecgsiglip.cli.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgsiglip.io.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Downloads from the shared PTB-XL folder served on 127.0.0.1 (see {@link LoopbackServer}). The list
 * served as SHA256SUMS.txt is the shared folder's own list, cut to six files to keep the test small.
 */
class DownloaderTest {
    static final List<String> FILES = List.of("LICENSE.txt", "scp_statements.csv", "records100/00000/00001_lr.hea",
            "records100/00000/00001_lr.dat", "records100/00000/00002_lr.hea", "records100/00000/00002_lr.dat");

    @TempDir
    Path out;
    LoopbackServer server;
    final List<String> progress = new ArrayList<>();

    @BeforeEach
    void serve() throws IOException {
        server = new LoopbackServer(TestData.sample(), sums(FILES));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static String sums(List<String> files) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String line : Files.readAllLines(TestData.sample().resolve("SHA256SUMS.txt"), StandardCharsets.UTF_8)) {
            if (files.contains(line.substring(66))) {
                sb.append(line).append('\n');
            }
        }
        assertEquals(files.size(), sb.toString().lines().count());
        return sb.toString();
    }

    Downloader.Result download(int parallel) {
        return new Downloader(progress::add).run(new Downloader.Options(server.base(), out, List.of(), parallel, 3,
                java.time.Duration.ofSeconds(2)));
    }

    void assertAllVerified() throws IOException {
        for (String f : FILES) {
            assertArrayEquals(Files.readAllBytes(TestData.sample().resolve(f)), Files.readAllBytes(out.resolve(f)), f);
            assertFalse(Files.exists(out.resolve(f + ".part")), f);
        }
    }

    @Test
    void downloadsVerifiesAndSkipsWhatIsThere() throws IOException {
        Downloader.Result first = download(3);
        assertEquals(6, first.downloaded());
        assertEquals(6, first.listed());
        assertAllVerified();
        assertEquals(sums(FILES), Files.readString(out.resolve("SHA256SUMS.txt")));
        server.requests.clear();
        Downloader.Result second = download(3);
        assertEquals(6, second.present());
        assertEquals(0, second.downloaded() + second.resumed());
        assertEquals(List.of("SHA256SUMS.txt -"), server.requests);
        assertTrue(progress.get(progress.size() - 1).contains("6/6 files"), progress.toString());
    }

    @Test
    void resumesPartialFilesWithRangeRequests() throws IOException {
        String dat = "records100/00000/00001_lr.dat";
        byte[] whole = Files.readAllBytes(TestData.sample().resolve(dat));
        Files.createDirectories(out.resolve(dat).getParent());
        Files.write(out.resolve(dat + ".part"), Arrays.copyOf(whole, 10_000));
        String cut = "records100/00000/00002_lr.dat";
        server.cutAfter.put(cut, 5_000); // the first transfer of this file breaks off after 5000 bytes
        Downloader.Result r = download(1);
        assertEquals(2, r.resumed());
        assertEquals(4, r.downloaded());
        assertAllVerified();
        assertEquals(List.of(dat + " bytes=10000-"), server.requestsFor(dat));
        assertEquals(List.of(cut + " -", cut + " bytes=5000-"), server.requestsFor(cut));
        assertEquals(whole.length - 10_000 + sizeOfAllBut(dat), r.bytes()); // the cut file: 5000 + the rest
    }

    @Test
    void aServerThatIgnoresRangesMakesTheFileStartOver() throws IOException {
        String dat = "records100/00000/00001_lr.dat";
        byte[] whole = Files.readAllBytes(TestData.sample().resolve(dat));
        Files.createDirectories(out.resolve(dat).getParent());
        Files.write(out.resolve(dat + ".part"), Arrays.copyOf(whole, 7_000));
        server.ignoreRange = true;
        Downloader.Result r = download(2);
        assertEquals(6, r.downloaded());
        assertAllVerified();
    }

    @Test
    void aCorruptedFileIsNamedAndNothingVerifiedIsDeleted() throws IOException {
        String bad = "records100/00000/00002_lr.dat";
        server.corrupt.add(bad);
        DownloadException e = assertThrows(DownloadException.class, () -> download(2));
        assertEquals(List.of(bad), e.failures());
        assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("differs from the listed")
                && e.getMessage().contains("Fix:"), e.getMessage());
        assertFalse(Files.exists(out.resolve(bad)));
        assertFalse(Files.exists(out.resolve(bad + ".part")));
        for (String f : FILES) {
            if (!f.equals(bad)) {
                assertArrayEquals(Files.readAllBytes(TestData.sample().resolve(f)), Files.readAllBytes(out.resolve(f)), f);
            }
        }
        // a damaged .part left by an earlier run is retried from the start once, then reported
        byte[] whole = Files.readAllBytes(TestData.sample().resolve(bad));
        byte[] damaged = Arrays.copyOf(whole, 9_000);
        damaged[100] ^= 1;
        Files.write(out.resolve(bad + ".part"), damaged);
        server.corrupt.clear();
        server.requests.clear();
        Downloader.Result repaired = download(2);
        assertEquals(5, repaired.present());
        assertEquals(1, repaired.downloaded());
        assertEquals(List.of(bad + " bytes=9000-", bad + " -"), server.requestsFor(bad));
        assertAllVerified();
    }

    @Test
    void badListsAndServersAreTypedErrors() throws IOException {
        server.sums = "0000000000000000000000000000000000000000000000000000000000000000  ../outside.txt\n";
        DownloadException outside = assertThrows(DownloadException.class, () -> download(1));
        assertTrue(outside.getMessage().contains("line 1") && outside.getMessage().contains("leave"),
                outside.getMessage());
        server.sums = "not a checksum\n";
        assertTrue(assertThrows(DownloadException.class, () -> download(1)).getMessage().contains("not a checksum line"));
        server.sums = sums(List.of("LICENSE.txt")) + "9a78e7f22742dde9f66ae235ec793ba2212019dc4d0ced75c4da09ced0b35fb2  missing.csv\n";
        DownloadException missing = assertThrows(DownloadException.class, () -> download(1));
        assertEquals(List.of("missing.csv"), missing.failures());
        assertTrue(missing.getMessage().contains("HTTP 404"), missing.getMessage());
        assertTrue(Files.exists(out.resolve("LICENSE.txt")));
        server.close();
        DownloadException down = assertThrows(DownloadException.class, () -> download(1));
        assertTrue(down.getMessage().contains("SHA256SUMS.txt") && down.getMessage().contains("--base-url"),
                down.getMessage());
    }

    private static long sizeOfAllBut(String skip) throws IOException {
        long n = 0;
        for (String f : FILES) {
            n += f.equals(skip) ? 0 : Files.size(TestData.sample().resolve(f));
        }
        return n;
    }
}
