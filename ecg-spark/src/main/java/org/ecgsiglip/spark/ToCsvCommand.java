package org.ecgsiglip.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecg spark to-csv}: a scores folder as the S.csv that {@code ecg evaluate --scores} reads. */
@Command(name = "to-csv", mixinStandardHelpOptions = true,
        description = {"Write the scores of 'ecg spark score' in the CSV layout of 'ecg predict' and 'ecg evaluate --scores'",
            "(record_id,<code1>,...), in manifest order; error rows are left out and counted."},
        footer = {"", "Examples:",
            "  ecg spark to-csv --scores scores.parquet --out scores.csv",
            "  ecg evaluate --scores scores.csv --truth truth.csv --out eval/"})
public final class ToCsvCommand implements Callable<Integer> {

    @ParentCommand
    SparkCli parent;

    @Option(names = "--scores", required = true, paramLabel = "SCORES.parquet", description = "The --out of 'ecg spark score'.")
    Path scores;

    @Option(names = "--out", required = true, paramLabel = "S.csv", description = "The CSV file to write.")
    Path out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, repeatable.")
    List<String> conf = new ArrayList<>();

    @Override
    public Integer call() {
        try (SparkSessions.Session session = SparkSessions.start("ecg spark to-csv", master, conf)) {
            ScoresCsv.Result r = ScoresCsv.write(session.spark(), scores, out);
            if (parent == null || !parent.quiet) {
                System.out.printf(Locale.ROOT, "wrote %d records over %d findings to %s", r.records(), r.codes().size(),
                        r.csv());
                System.out.println(r.errorRowsSkipped() == 0 ? ""
                        : String.format(Locale.ROOT, " (%d error rows left out)", r.errorRowsSkipped()));
            }
        }
        return 0;
    }
}
