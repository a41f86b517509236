package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.predict.RecordList;
import org.ecgsiglip.model.predict.ScoreCsv;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecg predict}: the probability of every finding for each record, in the S.csv layout of {@code ecg evaluate}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score records with a trained model: one row per record, one probability per finding.",
        footer = {"", "Examples:",
            "  ecg predict --model runs/shared --records data/ptb-xl/records100 --out scores.csv",
            "  ecg predict --model runs/shared --records list.txt --out scores.csv   (one record path per line)",
            "Records need no labels. record_id is the record's name (e.g. 00001_lr)."})
public final class PredictCommand implements Callable<Integer> {

    @ParentCommand
    EcgCommand parent;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A run folder written by 'ecg train'.")
    Path model;

    @Option(names = "--records", required = true, paramLabel = "PATH",
            description = "A folder searched recursively for .hea files, or a text file listing record paths.")
    Path records;

    @Option(names = "--out", required = true, paramLabel = "SCORES.csv", description = "Where to write the scores.")
    Path out;

    @Option(names = "--device", description = "cpu (default), gpu, gpu:N.")
    String device = "cpu";

    @Override
    public Integer call() {
        Result r = run(model, records, out, device);
        if (parent == null || !parent.quiet) {
            System.out.printf("scored %d records over %d findings -> %s%n", r.scores().records(), r.scores().findings(), out);
        }
        return 0;
    }

    /** What was scored and where it was written. */
    public record Result(ScoreMatrix scores, Path out) {
    }

    public static Result run(Path model, Path records, Path out, String device) {
        List<Path> paths = RecordList.resolve(records);
        try (Predictor predictor = Predictor.load(model, device)) {
            ScoreMatrix scores = predictor.scoreRecords(paths);
            ScoreCsv.write(scores, out);
            return new Result(scores, out);
        }
    }
}
