package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.csv.ScoreCsv;
import org.ecgsiglip.model.predict.FindingTexts;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.predict.RecordList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecg predict}: the probability of every finding for each record, in the S.csv layout of {@code ecg evaluate}. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Score records with a trained model: one row per record, one probability per finding.",
        footer = {"", "Examples:",
            "  ecg predict --model runs/shared --records data/ptb-xl/records100 --out scores.csv",
            "  ecg predict --model runs/shared --records list.txt --out scores.csv   (one record path per line)",
            "  ecg predict --model runs/shared --records list.txt --findings new.json --out scores.csv",
            "      (a SigLIP model scores the findings of new.json, {\"CODE\": \"text\", ...}, from their texts alone)",
            "Records need no labels. record_id is the record's name (e.g. 00001_lr). The model folder is verified",
            "against its manifest first and never written; records go through the model's own pipeline (pipeline.json)."})
public final class PredictCommand implements Callable<Integer> {

    /**
     * What to score.
     *
     * @param model a model (run) folder
     * @param records a folder of records or a list file
     * @param out the scores file to write
     * @param device cpu, gpu, gpu:N
     * @param options unfinished runs, calibration
     * @param findings a JSON file of code → text to score instead of the model's vocabulary ({@link FindingTexts}),
     *     or null
     */
    public record Request(Path model, Path records, Path out, String device, Predictor.Options options, Path findings) {
        /** Over the model's own vocabulary. */
        public Request(Path model, Path records, Path out, String device, Predictor.Options options) {
            this(model, records, out, device, options, null);
        }

        /** A finished model on the CPU, its probabilities as they are. */
        public static Request of(Path model, Path records, Path out) {
            return new Request(model, records, out, "cpu", Predictor.Options.DEFAULT);
        }

        /** The same request scoring the findings of {@code file} from their texts. */
        public Request withFindings(Path file) {
            return new Request(model, records, out, device, options, file);
        }
    }

    /** What was scored and where it was written. */
    public record Result(ScoreMatrix scores, Path out) {
    }

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

    @Option(names = "--allow-unfinished", description = "Use the best checkpoint of a run that has not finished "
            + "(killed or still training); it is still verified.")
    boolean allowUnfinished;

    @Option(names = "--calibrated", description = "Apply the model's calibration.json (fitted on validation by "
            + "'ecg calibrate') to every probability.")
    boolean calibrated;

    @Option(names = "--findings", paramLabel = "FILE.json", description = "Score these findings instead of the "
            + "model's own: a JSON object of code to text, e.g. {\"LBBB\": \"complete left bundle branch block\"}. "
            + "Codes need not be in the model (new findings); each is scored from its text alone. SigLIP models only.")
    Path findings;

    @Override
    public Integer call() {
        Result r = run(new Request(model, records, out, device, new Predictor.Options(allowUnfinished, calibrated),
                findings));
        if (parent == null || !parent.quiet) {
            System.out.printf("scored %d records over %d findings -> %s%n", r.scores().records(), r.scores().findings(), out);
        }
        return 0;
    }

    /** Scores the records and writes the scores file. */
    public static Result run(Request request) {
        // a bad findings file fails before the model and the records are read
        FindingTexts findings = request.findings() == null ? null : FindingTexts.read(request.findings());
        List<Path> paths = RecordList.resolve(request.records());
        try (Predictor predictor = Predictor.load(request.model(), request.device(), request.options())) {
            ScoreMatrix scores = findings == null ? predictor.scoreRecords(paths)
                    : predictor.scoreRecords(paths, findings);
            ScoreCsv.write(scores, request.out());
            return new Result(scores, request.out());
        }
    }
}
