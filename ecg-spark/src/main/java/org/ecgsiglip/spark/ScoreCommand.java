package org.ecgsiglip.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecg spark score}: every record of a manifest scored on Spark, as Parquet (and optionally the S.csv of ecg evaluate). */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = {"Score the records of a manifest with a trained model on Spark: one Parquet row per record",
            "(row, record_id, path, error, one float column per finding), provenance in _provenance.json inside it.",
            "A record that cannot be read gets an error row; the job goes on. A rerun replaces the output whole."},
        footer = {"", "Examples:",
            "  ecg spark score --model runs/shared --records data/ptb-xl --out scores.parquet --master local[2]",
            "  ecg spark score --model runs/shared --records data/cinc2021 --out cinc.parquet --csv cinc.csv",
            "  ecg spark score --model runs/shared --records list.txt --out s.parquet --master spark://head:7077 \\",
            "      --conf spark.executor.memory=4g",
            "MANIFEST: a PTB-XL root (ptbxl_database.csv), any folder (every .hea below it, e.g. a CinC root),",
            "or a text file with one record path per line. Every executor must see the same paths."})
public final class ScoreCommand implements Callable<Integer> {

    @ParentCommand
    SparkCli parent;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A run folder written by 'ecg train'.")
    Path model;

    @Option(names = "--records", required = true, paramLabel = "MANIFEST",
            description = "A PTB-XL root, a folder searched for .hea files, or a text file listing record paths.")
    Path records;

    @Option(names = "--out", required = true, paramLabel = "SCORES.parquet",
            description = "The scores folder to write (replaced whole if it is one from an earlier run).")
    Path out;

    @Option(names = "--csv", paramLabel = "S.csv",
            description = "Also write the scores in the CSV layout of 'ecg evaluate --scores' (same as 'ecg spark to-csv').")
    Path csv;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N], local[*], spark://HOST:7077, ... (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, repeatable.")
    List<String> conf = new ArrayList<>();

    @Option(names = "--device", description = "cpu (default), gpu, gpu:N (on every executor).")
    String device = "cpu";

    @Option(names = "--sampling-rate", paramLabel = "HZ", description = "PTB-XL manifests: 100 (default) or 500 Hz files.")
    int samplingRate = 100;

    @Option(names = "--records-per-partition", paramLabel = "N", description = "Target partition size (default 1000).")
    int recordsPerPartition = 1000;

    @Override
    public Integer call() {
        ScoreJob.Request request = new ScoreJob.Request(model, records, out, device, samplingRate, recordsPerPartition);
        try (SparkSessions.Session session = SparkSessions.start("ecg spark score", master, conf)) {
            ScoreJob.Result r = ScoreJob.run(session.spark(), request);
            ScoresCsv.Result c = csv == null ? null : ScoresCsv.write(session.spark(), r.out(), csv);
            if (parent == null || !parent.quiet) {
                ScoreProvenance p = r.provenance();
                System.out.printf(Locale.ROOT, "scored %d of %d records over %d findings on %s in %.1f s (%.1f records/s)"
                        + " -> %s%n", r.scored(), r.rows(), p.vocabulary().size(), p.master(), p.seconds(),
                        r.rows() / Math.max(p.seconds(), 1e-9), r.out());
                if (r.errors() > 0) {
                    System.out.printf(Locale.ROOT, "%d records could not be scored: their rows in %s carry the reason "
                            + "in the column 'error'%n", r.errors(), r.out());
                }
                if (c != null) {
                    System.out.printf(Locale.ROOT, "wrote %d records to %s%n", c.records(), c.csv());
                }
            }
        }
        return 0;
    }
}
