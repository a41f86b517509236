package org.ecgsiglip.cli.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.FileHashCache;
import org.ecgsiglip.io.util.Sha256;

/**
 * Downloads the files a dataset's {@code SHA256SUMS.txt} lists, into a folder, and verifies each.
 *
 * <ol>
 *   <li>{@code SHA256SUMS.txt} is fetched first and saved in the folder.</li>
 *   <li>A file already present whose SHA-256 matches is skipped (hashes are remembered by size and
 *       modification time in {@code .ecg-download-hashes.json}, so a second run reads nothing again).</li>
 *   <li>Otherwise it is fetched into {@code FILE.part}; an existing {@code .part} is continued with an
 *       HTTP {@code Range} request (a server that answers 200 instead of 206 makes it start over), and a
 *       connection lost mid-file is resumed the same way, up to {@code attempts} times.</li>
 *   <li>The {@code .part} is hashed; when it matches it replaces {@code FILE} atomically. When it does not
 *       (after one fresh retry for a resumed file), it is deleted and the file is reported.</li>
 * </ol>
 * Nothing verified is ever deleted or overwritten. Failures are collected and reported together at the
 * end in one {@link DownloadException} that names every failed file.
 */
public final class Downloader {
    /** Where verified hashes of present files are remembered. */
    public static final String HASH_STORE = ".ecg-download-hashes.json";
    /** The checksum list's file name. */
    public static final String SUMS = "SHA256SUMS.txt";

    private final Consumer<String> progress;

    /**
     * What to download.
     *
     * @param base the dataset's base URL (a trailing {@code /} is added when missing)
     * @param out the folder to download into
     * @param include glob patterns of relative paths to fetch (e.g. {@code records100/**}); empty: all
     * @param parallel simultaneous downloads
     * @param attempts tries per file when the connection fails (resuming each time)
     * @param timeout connect and read timeout: a transfer silent for this long is broken off and resumed
     */
    public record Options(URI base, Path out, List<String> include, int parallel, int attempts, Duration timeout) {
        public Options {
            include = List.copyOf(include);
            String b = base.toString();
            base = URI.create(b.endsWith("/") ? b : b + "/");
        }
    }

    /**
     * What a run did.
     *
     * @param listed files in SHA256SUMS.txt
     * @param selected files matching the include patterns
     * @param downloaded files fetched from the start
     * @param resumed files continued from a {@code .part}
     * @param present files already there and verified
     * @param bytes bytes received
     */
    public record Result(Path out, int listed, int selected, int downloaded, int resumed, int present, long bytes) {
    }

    public Downloader(Consumer<String> progress) {
        this.progress = progress;
    }

    public Result run(Options o) {
        URI sumsUri = o.base().resolve(SUMS);
        String sumsText = fetchText(sumsUri, o);
        Sha256Sums sums = Sha256Sums.parse(sumsText, o.out().resolve(SUMS));
        AtomicFiles.writeString(o.out().resolve(SUMS), sumsText);
        List<Sha256Sums.Entry> selected = select(sums, o.include());
        if (selected.isEmpty()) {
            throw new DownloadException(null, "--include", "no listed file matches " + o.include(),
                    "use patterns like records100/** or ptbxl_database.csv");
        }
        FileHashCache hashes = FileHashCache.open(o.out().resolve(HASH_STORE));
        DownloadProgress counters = new DownloadProgress(selected.size(), progress);
        Map<Integer, String> failures = new ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, o.parallel()));
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < selected.size(); i++) {
                int index = i;
                Sha256Sums.Entry e = selected.get(i);
                tasks.add(pool.submit(() -> {
                    try {
                        counters.add(fetch(o, e, hashes, counters));
                    } catch (FileFailure f) {
                        failures.put(index, e.path() + ": " + f.getMessage());
                        counters.failed();
                    }
                }));
            }
            for (Future<?> t : tasks) {
                t.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(o.out(), null, "interrupted", "run the command again to resume");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a download task failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
            synchronized (hashes) {
                hashes.save();
            }
        }
        progress.accept(counters.line());
        if (!failures.isEmpty()) {
            List<String> names = failures.values().stream().map(s -> s.substring(0, s.indexOf(": "))).toList();
            throw new DownloadException(o.out(), null, failures.size() + " of " + selected.size() + " files failed: "
                    + String.join("; ", failures.values()), "run the command again to retry them (every verified "
                    + "file is kept); a file that keeps failing verification differs on the server from its "
                    + "SHA256SUMS.txt entry", names, null);
        }
        return new Result(o.out(), sums.entries().size(), selected.size(), counters.downloaded.get(),
                counters.resumed.get(), counters.present.get(), counters.bytes.get());
    }

    private static List<Sha256Sums.Entry> select(Sha256Sums sums, List<String> include) {
        if (include.isEmpty()) {
            return sums.entries();
        }
        List<PathMatcher> matchers = include.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g))
                .toList();
        return sums.entries().stream().filter(e -> matchers.stream().anyMatch(m -> m.matches(Path.of(e.path()))))
                .toList();
    }

    private DownloadProgress.Outcome fetch(Options o, Sha256Sums.Entry e, FileHashCache hashes, DownloadProgress counters) throws FileFailure {
        Path target = o.out().resolve(e.path());
        if (Files.isRegularFile(target)) {
            String sha;
            synchronized (hashes) {
                sha = hashes.sha256(target);
            }
            if (sha.equals(e.sha256())) {
                return DownloadProgress.Outcome.PRESENT;
            }
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        boolean resumed = transfer(o, e, part, counters);
        String actual = Sha256.of(part);
        if (!actual.equals(e.sha256()) && resumed) {
            delete(part); // the kept prefix may be what was wrong: once more from the start
            resumed = transfer(o, e, part, counters);
            actual = Sha256.of(part);
        }
        if (!actual.equals(e.sha256())) {
            delete(part);
            throw new FileFailure("SHA-256 " + actual + " differs from the listed " + e.sha256()
                    + " (damaged in transfer or on the server)");
        }
        try {
            AtomicFiles.moveIntoPlace(part, target);
        } catch (IOException x) {
            throw new FileFailure("cannot move " + part + " into place: " + x.getMessage());
        }
        return resumed ? DownloadProgress.Outcome.RESUMED : DownloadProgress.Outcome.DOWNLOADED;
    }

    /** Fetches {@code e} into {@code part}, continuing what is there; returns whether any byte was kept. */
    private boolean transfer(Options o, Sha256Sums.Entry e, Path part, DownloadProgress counters) throws FileFailure {
        URI uri = o.base().resolve(e.path());
        boolean keptAny = false;
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= Math.max(1, o.attempts()); attempt++) {
            HttpURLConnection c = null;
            try {
                Files.createDirectories(part.getParent());
                long have = Files.isRegularFile(part) ? Files.size(part) : 0;
                c = open(uri, o);
                if (have > 0) {
                    c.setRequestProperty("Range", "bytes=" + have + "-");
                }
                int status = c.getResponseCode();
                if (status == 416 && have > 0) {
                    return true; // nothing left to fetch: the .part is complete (the hash will tell)
                }
                String contentRange = c.getHeaderField("Content-Range");
                boolean append = status == 206 && have > 0 && contentRange != null
                        && contentRange.trim().startsWith("bytes " + have + "-");
                if (status != 200 && !append) {
                    if (status == 206 || status >= 500) {
                        if (status == 206) {
                            delete(part); // a range the client did not ask for: start over
                        }
                        lastProblem = "HTTP " + status + (status == 206 ? " with a range that does not continue "
                                + "the .part" : " (server error)");
                        continue;
                    }
                    throw new FileFailure("HTTP " + status + " for " + uri);
                }
                keptAny |= append;
                try (InputStream body = c.getInputStream();
                     OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                             append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                        counters.bytes.addAndGet(n);
                    }
                }
                long expected = c.getContentLengthLong();
                if (expected >= 0 && Files.size(part) != (append ? have : 0) + expected) {
                    lastProblem = "the connection ended after " + Files.size(part) + " of "
                            + ((append ? have : 0) + expected) + " bytes";
                    keptAny = true;
                    continue;
                }
                return keptAny;
            } catch (IOException x) {
                lastProblem = x.getClass().getSimpleName() + (x.getMessage() == null ? "" : ": " + x.getMessage());
                keptAny |= Files.isRegularFile(part);
            } finally {
                if (c != null) {
                    c.disconnect();
                }
            }
        }
        throw new FileFailure("gave up after " + o.attempts() + " attempts (" + lastProblem + "); the .part is kept "
                + "for the next run to resume");
    }

    /** A GET with connect and read timeouts (a stalled transfer fails instead of hanging, and is resumed). */
    private static HttpURLConnection open(URI uri, Options o) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        c.setConnectTimeout((int) o.timeout().toMillis());
        c.setReadTimeout((int) o.timeout().toMillis());
        c.setInstanceFollowRedirects(true);
        c.setRequestProperty("User-Agent", "ecg-siglip-download");
        return c;
    }

    private String fetchText(URI uri, Options o) {
        HttpURLConnection c = null;
        try {
            c = open(uri, o);
            int status = c.getResponseCode();
            if (status != 200) {
                throw new DownloadException(null, uri.toString(), "HTTP " + status, "check --base-url: it must "
                        + "point at the folder that holds " + SUMS);
            }
            try (InputStream in = c.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DownloadException(null, uri.toString(), "cannot fetch: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), "check the internet connection and "
                    + "--base-url", List.of(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static void delete(Path p) throws FileFailure {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new FileFailure("cannot delete " + p + ": " + e.getMessage());
        }
    }

    /** One file failed; the run goes on with the others. */
    private static final class FileFailure extends Exception {
        private static final long serialVersionUID = 1L;

        FileFailure(String message) {
            super(message);
        }
    }
}
