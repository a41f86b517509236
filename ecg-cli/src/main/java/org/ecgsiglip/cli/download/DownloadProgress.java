package org.ecgsiglip.cli.download;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Counts of a running download, shared by its threads; reports a line at most every two seconds. */
final class DownloadProgress {
    /** What happened to one file. */
    enum Outcome { DOWNLOADED, RESUMED, PRESENT }

    private static final long REPORT_NANOS = 2_000_000_000L;

    private final Consumer<String> progress;
    private final int total;
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime());
    final AtomicInteger downloaded = new AtomicInteger();
    final AtomicInteger resumed = new AtomicInteger();
    final AtomicInteger present = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicLong bytes = new AtomicLong();

    DownloadProgress(int total, Consumer<String> progress) {
        this.total = total;
        this.progress = progress;
    }

    void add(Outcome o) {
        (o == Outcome.DOWNLOADED ? downloaded : o == Outcome.RESUMED ? resumed : present).incrementAndGet();
        report();
    }

    void failed() {
        failed.incrementAndGet();
        report();
    }

    void report() {
        long now = System.nanoTime();
        long last = lastReport.get();
        if (now - last > REPORT_NANOS && lastReport.compareAndSet(last, now)) {
            progress.accept(line());
        }
    }

    String line() {
        int done = downloaded.get() + resumed.get() + present.get() + failed.get();
        return String.format(Locale.ROOT, "%d/%d files: %d downloaded, %d resumed, %d already present, "
                + "%d failed; %.1f MB received", done, total, downloaded.get(), resumed.get(), present.get(),
                failed.get(), bytes.get() / 1e6);
    }
}
