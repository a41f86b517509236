package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.ecgsiglip.cli.download.DownloadException;
import org.ecgsiglip.cli.download.Downloader;
import org.ecgsiglip.io.ConfigurationException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecg download ptb-xl --out DIR [--base-url URL] [--include GLOB]... [--parallel N]}: fetches a
 * dataset from PhysioNet (or a mirror), resumably and verified against its SHA256SUMS.txt (see
 * {@link Downloader}). The only command of the toolkit that uses the network.
 */
@Command(name = "download", mixinStandardHelpOptions = true,
        description = "Download a dataset (PTB-XL) from PhysioNet, resumable, every file checked against SHA256SUMS.txt.",
        footer = {"", "Examples:",
            "  ecg download ptb-xl --out data/ptb-xl",
            "  ecg download ptb-xl --out data/ptb-xl --include 'records100/**' --include '*.csv' --include LICENSE.txt",
            "  ecg download ptb-xl --out data/ptb-xl --base-url https://mirror.example.org/ptb-xl/1.0.3/",
            "Run it again after an interruption: verified files are skipped and partial ones (.part) resumed.",
            "The whole of PTB-XL 1.0.3 is about 3 GB; records100/ with the tables about 0.5 GB."})
public final class DownloadCommand implements Callable<Integer> {
    /** Datasets this command knows, and where they are published. */
    public static final Map<String, URI> DATASETS = Map.of("ptb-xl", URI.create("https://physionet.org/files/ptb-xl/1.0.3/"));

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "ptb-xl")
    String dataset;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to download into.")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", description = "Where the dataset's files and SHA256SUMS.txt are "
            + "(default for ptb-xl: https://physionet.org/files/ptb-xl/1.0.3/).")
    URI baseUrl;

    @Option(names = "--include", paramLabel = "GLOB", description = "Only files whose relative path matches (repeatable).")
    List<String> include;

    @Option(names = "--parallel", defaultValue = "4", description = "Simultaneous downloads (default ${DEFAULT-VALUE}).")
    int parallel;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        Downloader.Result r = run(dataset, baseUrl, out, include == null ? List.of() : include, parallel, line -> {
            o.println(line);
            o.flush();
        });
        o.printf(Locale.ROOT, "%s: %d of %d listed files verified in %s (%d downloaded, %d resumed, %d already "
                + "present)%n", dataset, r.selected(), r.listed(), r.out(), r.downloaded(), r.resumed(), r.present());
        o.flush();
        return 0;
    }

    /** Downloads {@code dataset} (from {@code baseUrl} when given) into {@code out}. */
    public static Downloader.Result run(String dataset, URI baseUrl, Path out, List<String> include, int parallel,
                                        Consumer<String> progress) {
        URI known = DATASETS.get(dataset);
        if (known == null) {
            throw new ConfigurationException("DATASET", "unknown dataset '" + dataset + "'", "use one of "
                    + String.join(", ", DATASETS.keySet()));
        }
        URI base = baseUrl == null ? known : baseUrl;
        if (!"http".equalsIgnoreCase(base.getScheme()) && !"https".equalsIgnoreCase(base.getScheme())) {
            throw new DownloadException(null, "--base-url", "'" + base + "' is not an http(s) URL",
                    "e.g. " + known);
        }
        if (parallel < 1 || parallel > 32) {
            throw new ConfigurationException("--parallel", "must be between 1 and 32, not " + parallel, "e.g. 4");
        }
        return new Downloader(progress).run(new Downloader.Options(base, out, include, parallel, 3,
                java.time.Duration.ofSeconds(60)));
    }
}
