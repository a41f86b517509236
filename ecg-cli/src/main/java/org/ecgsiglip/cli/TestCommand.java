package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.ecgsiglip.cli.challenge.ChallengeOption;
import org.ecgsiglip.cli.testset.FindingBridge;
import org.ecgsiglip.cli.testset.HeldOutRecords;
import org.ecgsiglip.cli.testset.RecordScoring;
import org.ecgsiglip.cli.testset.TestSummary;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.ZeroDivision;
import org.ecgsiglip.eval.csv.ScoreCsv;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.DataSource;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.predict.Predictor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg test --model RUN (--ptbxl ROOT | --cinc ROOT) [--folds N,...] [...] --out DIR}: scores a
 * labelled dataset's records with a trained model and evaluates them, in one step. When the model's
 * findings are not the dataset's, they are carried over ({@link FindingBridge}: PTB-XL statements to
 * the CinC classes by the maximum of their scores, the other classes zero-shot from their text by a
 * SigLIP model; a CinC model on PTB-XL against the statements of its classes), and the output says
 * which. Writes DIR/scores.csv and truth.csv (what {@code ecg evaluate} reads), the evaluation's
 * reports, for CinC classes the Challenge score (challenge.json), and test.json.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Score a labelled dataset with a trained model and evaluate it (per-finding F1, AUROC, "
                + "calibration; for CinC classes the Challenge score), mapping the model's findings when needed.",
        footer = {"", "Examples:",
            "  ecg test --model runs/cinc --cinc data/cinc2021 --seed 1 --out runs/cinc/test",
            "  ecg test --model runs/ptbxl --cinc data/georgia --out g/   (PTB-XL on CinC)",
            "  ecg test --model runs/ptbxl --ptbxl data/ptb-xl --tuned-thresholds --out t/",
            "The model's own dataset: its test folds by default; another: every record, or",
            "--folds (CinC folds as the model assigned them, or --cinc-folds/--split-file).",
            "--seed N adds bootstrap CIs (1000 resamples unless --bootstrap B)."})
public final class TestCommand implements Callable<Integer> {

    /**
     * What to test.
     *
     * @param model a run folder
     * @param data the dataset, folds and loading options
     * @param thresholds a fixed threshold or a thresholds file over the scored codes
     * @param tunedThresholds use the model's validation-tuned thresholds.json instead (same vocabulary only)
     * @param bootstrap the resamples of the intervals, if any
     * @param challenge the reward table; empty for the bundled 2021 table when the findings are CinC classes
     * @param out the output folder
     * @param device cpu, gpu, gpu:N
     * @param allowUnfinished use the best checkpoint of a run that has not finished
     */
    public record Request(Path model, HeldOutRecords.Choice data, EvaluateCommand.ThresholdChoice thresholds,
                          boolean tunedThresholds, Optional<Bootstrap> bootstrap, Optional<ChallengeOption> challenge,
                          Path out, String device, boolean allowUnfinished) {
    }

    /** What was scored, how, and the evaluation (with the Challenge score when the findings are CinC classes). */
    public record Result(TestSummary summary, EvaluateCommand.Result evaluation, List<Path> files) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A run folder written by 'ecg train'.")
    Path model;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
    Dataset dataset;

    static final class Dataset {
        @Option(names = "--ptbxl", paramLabel = "ROOT", description = "PTB-XL folder (ptbxl_database.csv).")
        Path ptbxl;

        @Option(names = "--cinc", paramLabel = "ROOT", description = "CinC 2020/2021 folder (.hea/.mat with #Dx).")
        Path cinc;
    }

    @Option(names = "--folds", split = ",", paramLabel = "N", description = "Folds to score (default: the model's "
            + "test folds on its own dataset, every record of another).")
    List<Integer> folds;

    @Option(names = "--cinc-folds", paramLabel = "K", description = "CinC: assign K folds instead of the model's "
            + "assignment (a PTB-XL model's default: 10, seed 1, as 'ecg train --cinc').")
    Integer cincFolds;

    @Option(names = "--cinc-fold-seed", paramLabel = "S", description = "CinC: the seed of that assignment "
            + "(default 1).")
    Long cincFoldSeed;

    @Option(names = "--split-file", paramLabel = "FILE.csv", description = "CinC: folds from a record_id,fold file.")
    Path splitFile;

    @Option(names = "--sampling-rate", paramLabel = "HZ", description = "PTB-XL: records100 (100) or records500 "
            + "(500); default the model's, else 100.")
    Integer samplingRate;

    @Option(names = "--ignore-unknown-codes", description = "Skip (and count) codes the dataset's tables do not know.")
    boolean ignoreUnknownCodes;

    @Option(names = "--thresholds", paramLabel = "T", description = "One threshold for every finding (default 0.5).")
    Double threshold;

    @Option(names = "--thresholds-file", paramLabel = "F.json", description = "Per-finding thresholds over the "
            + "scored codes (JSON).")
    Path thresholdsFile;

    @Option(names = "--tuned-thresholds", description = "The model's thresholds tuned on its validation folds "
            + "(only when the model's findings are the dataset's).")
    boolean tuned;

    @CommandLine.ArgGroup(exclusive = true)
    EvaluateCommand.ChallengeFlags challenge;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples for CIs (needs --seed; "
            + "--seed alone means " + Bootstrap.DEFAULT_REPLICATES + ").")
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the bootstrap.")
    Long seed;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--device", description = "cpu (default), gpu, gpu:N.")
    String device = "cpu";

    @Option(names = "--allow-unfinished", description = "Use the best checkpoint of a run that has not finished.")
    boolean allowUnfinished;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() {
        Result r = run(request());
        PrintWriter o = spec.commandLine().getOut();
        o.print(r.summary().header());
        o.print(r.evaluation().evaluation());
        r.evaluation().challenge().ifPresent(o::print);
        r.files().forEach(p -> o.println("wrote " + p));
        o.flush();
        return 0;
    }

    /** Loads the model and the records, scores, maps, writes and evaluates. */
    public static Result run(Request r) {
        try (Predictor predictor = Predictor.load(r.model(), r.device(), r.allowUnfinished())) {
            DataSource trainedOn = predictor.pipeline().spec().source();
            HeldOutRecords records = HeldOutRecords.load(r.data(), trainedOn, predictor.pipeline().spec().folds());
            boolean siglip = predictor.folder().spec().objective() == Objective.SIGLIP;
            FindingBridge bridge = FindingBridge.of(predictor.vocabulary(), siglip, trainedOn, records.source(),
                    records.dataset().vocabulary());
            RecordScoring scored = RecordScoring.of(predictor, records.dataset(), bridge.zeroShotTexts(),
                    bridge.zeroShotCodes());
            ScoreMatrix scores = bridge.scores(scored.model(), scored.texts());
            TruthMatrix truth = bridge.truth(records.dataset());
            Path scoresFile = r.out().resolve("scores.csv");
            Path truthFile = r.out().resolve("truth.csv");
            ScoreCsv.write(scores, scoresFile);
            ScoreCsv.write(truth, truthFile);
            EvaluateCommand.ThresholdChoice thresholds = thresholds(r, predictor, bridge);
            boolean cincClasses = trainedOn instanceof CincDataSource || records.source() instanceof CincDataSource;
            Optional<ChallengeOption> challenge = r.challenge().or(() -> cincClasses
                    ? Optional.of(ChallengeOption.challenge2021()) : Optional.empty());
            if (!bridge.leftOut().isEmpty()) {
                challenge = challenge.map(c -> c.restrictedTo(bridge.codes()));
            }
            EvaluateCommand.Result evaluation = EvaluateCommand.run(new EvaluateCommand.Request(scoresFile, truthFile,
                    thresholds, false, r.bootstrap(), Optional.empty(), ZeroDivision.ZERO, r.out(), challenge));
            TestSummary summary = new TestSummary(r.model(), siglip ? "siglip" : "bce", trainedOn, records, bridge,
                    describe(thresholds, r.tunedThresholds()));
            List<Path> files = new ArrayList<>(List.of(scoresFile, truthFile));
            files.addAll(evaluation.files());
            files.add(summary.write(r.out(), evaluation.evaluation(), evaluation.challenge(), files));
            return new Result(summary, evaluation, List.copyOf(files));
        }
    }

    private static EvaluateCommand.ThresholdChoice thresholds(Request r, Predictor predictor, FindingBridge bridge) {
        if (!r.tunedThresholds()) {
            return r.thresholds();
        }
        boolean same = bridge.columns().stream().allMatch(c -> c.from() == FindingBridge.From.MODEL)
                && bridge.codes().equals(predictor.vocabulary().codes());
        if (!same) {
            throw new ConfigurationException("--tuned-thresholds", "the model's thresholds are tuned for its own "
                    + "findings, and these records are scored over others (mapped or zero-shot)",
                    "use --thresholds T or --thresholds-file F.json over the codes of scores.csv");
        }
        return EvaluateCommand.ThresholdChoice.file(predictor.folder().thresholds().orElseThrow(() ->
                new ConfigurationException("--tuned-thresholds", "the model folder " + r.model()
                        + " has no thresholds.json", "use --thresholds T")));
    }

    private static String describe(EvaluateCommand.ThresholdChoice c, boolean tuned) {
        if (c.file().isPresent()) {
            return (tuned ? "the model's validation-tuned thresholds " : "per-finding thresholds ") + c.file().get();
        }
        return "threshold " + c.fixed().orElse(Thresholds.DEFAULT) + " for every finding";
    }

    private Request request() {
        int given = (threshold != null ? 1 : 0) + (thresholdsFile != null ? 1 : 0) + (tuned ? 1 : 0);
        if (given > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give at most one of --thresholds, --thresholds-file and --tuned-thresholds");
        }
        if (splitFile != null && (cincFolds != null || cincFoldSeed != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--split-file gives the folds: drop --cinc-folds and --cinc-fold-seed");
        }
        Optional<CincDataSource.Assignment> assignment = Optional.empty();
        if (splitFile != null) {
            assignment = Optional.of(CincDataSource.SplitFile.of(splitFile));
        } else if (cincFolds != null || cincFoldSeed != null) {
            CincDataSource.Stratified d = (CincDataSource.Stratified) HeldOutRecords.defaultAssignment();
            assignment = Optional.of(new CincDataSource.Stratified(cincFolds == null ? d.k() : cincFolds,
                    cincFoldSeed == null ? d.seed() : cincFoldSeed));
        }
        HeldOutRecords.Choice data = new HeldOutRecords.Choice(Optional.ofNullable(dataset.ptbxl),
                Optional.ofNullable(dataset.cinc), Optional.ofNullable(folds), assignment,
                samplingRate == null ? OptionalInt.empty() : OptionalInt.of(samplingRate), ignoreUnknownCodes);
        EvaluateCommand.ThresholdChoice choice = thresholdsFile != null
                ? EvaluateCommand.ThresholdChoice.file(thresholdsFile)
                : EvaluateCommand.ThresholdChoice.fixed(threshold == null ? Thresholds.DEFAULT : threshold);
        return new Request(model, data, choice, tuned, EvaluateCommand.bootstrap(spec, bootstrap, seed, level, null,
                false), EvaluateCommand.ChallengeFlags.option(challenge), out, device, allowUnfinished);
    }
}
