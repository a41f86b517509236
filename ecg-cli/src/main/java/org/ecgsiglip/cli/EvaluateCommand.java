package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ecgsiglip.cli.challenge.ChallengeOption;
import org.ecgsiglip.cli.challenge.ChallengeResult;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.EvaluationOptions;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.ZeroDivision;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.eval.report.ReportWriter;
import org.ecgsiglip.io.util.Sha256;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg evaluate --scores S.csv --truth T.csv [--thresholds 0.5 | --thresholds-file F.json |
 * --tune-scores V.csv --tune-truth VT.csv] [--bootstrap B --seed N [--groups G.csv]]
 * [--challenge-weights weights.csv | --metric challenge2021] --out DIR}: per-finding metrics and averages,
 * written as DIR/metrics.json, metrics.csv, averages.csv, report.md and report.html; with a reward
 * table also the PhysioNet/CinC Challenge score of the same decisions (DIR/challenge.json). Exit
 * codes: 0 done, 1 bad input (the message names file, line, column), 2 bad command line.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Per-finding precision, recall, F1, AUROC, AUPRC and their averages, with bootstrap CIs.",
        footer = {"", "Examples:",
            "  ecg evaluate --scores S.csv --truth T.csv --bootstrap 1000 --seed 1 --out eval/",
            "  ecg evaluate --scores S.csv --truth T.csv --tune-scores V.csv --tune-truth VT.csv \\",
            "      --out eval/",
            "  ecg evaluate --scores S.csv --truth T.csv --metric challenge2021 --out e/",
            "  ecg evaluate --scores S.csv --truth T.csv --challenge-weights W.csv --out e/",
            "The Challenge score needs columns named by SNOMED-CT codes (ecg test writes them",
            "for CinC classes)."})
public final class EvaluateCommand implements Callable<Integer> {

    /**
     * What to evaluate; {@link #run(Request)} does it. With {@code challenge}, also the Challenge score
     * of the same decisions (and its interval over the same resamples), written as {@code challenge.json}.
     */
    public record Request(Path scores, Path truth, ThresholdChoice thresholds, boolean atLeastOnePerRecord,
                          Optional<Bootstrap> bootstrap, Optional<Path> groups, ZeroDivision zeroDivision, Path out,
                          Optional<ChallengeOption> challenge) {
        /** Without the Challenge score. */
        public Request(Path scores, Path truth, ThresholdChoice thresholds, boolean atLeastOnePerRecord,
                       Optional<Bootstrap> bootstrap, Optional<Path> groups, ZeroDivision zeroDivision, Path out) {
            this(scores, truth, thresholds, atLeastOnePerRecord, bootstrap, groups, zeroDivision, out, Optional.empty());
        }
    }

    /** Where the thresholds come from: a value, a JSON file, or tuning on validation files. */
    public record ThresholdChoice(Optional<Double> fixed, Optional<Path> file, Optional<Path> tuneScores,
                                  Optional<Path> tuneTruth) {
        public static ThresholdChoice fixed(double t) {
            return new ThresholdChoice(Optional.of(t), Optional.empty(), Optional.empty(), Optional.empty());
        }

        public static ThresholdChoice file(Path f) {
            return new ThresholdChoice(Optional.empty(), Optional.of(f), Optional.empty(), Optional.empty());
        }

        public static ThresholdChoice tuneOn(Path scores, Path truth) {
            return new ThresholdChoice(Optional.empty(), Optional.empty(), Optional.of(scores), Optional.of(truth));
        }
    }

    /**
     * The evaluation, the files written, the tuned thresholds' file when thresholds were tuned, and the
     * Challenge score when it was asked for.
     */
    public record Result(Evaluation evaluation, List<Path> files, Optional<Path> tunedThresholds,
                         Optional<ChallengeResult> challenge) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--scores", required = true, paramLabel = "S.csv",
            description = "Scores: header record_id,<code1>,..., probabilities in [0, 1].")
    Path scores;

    @Option(names = "--truth", required = true, paramLabel = "T.csv", description = "Truth: same header, 0/1 cells.")
    Path truth;

    @Option(names = "--thresholds", paramLabel = "T", description = "One threshold for every finding (default 0.5).")
    Double threshold;

    @Option(names = "--thresholds-file", paramLabel = "F.json", description = "Per-finding thresholds (JSON).")
    Path thresholdsFile;

    @Option(names = "--tune-scores", paramLabel = "V.csv",
            description = "Validation scores to tune F1-maximising thresholds on (with --tune-truth); "
                    + "they are saved as DIR/thresholds.json.")
    Path tuneScores;

    @Option(names = "--tune-truth", paramLabel = "VT.csv", description = "Validation truth for --tune-scores.")
    Path tuneTruth;

    @Option(names = "--at-least-one", description = "Predict the top-scoring finding of records with none above threshold.")
    boolean atLeastOne;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Bootstrap resamples for CIs (needs --seed; "
            + "--seed alone means " + Bootstrap.DEFAULT_REPLICATES + ").")
    Integer bootstrap;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the bootstrap.")
    Long seed;

    @Option(names = "--groups", paramLabel = "G.csv",
            description = "record_id,patient_id: resample patients instead of records.")
    Path groups;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--zero-division", defaultValue = "0", paramLabel = "0|1",
            description = "Value of 0/0 in precision, recall, F1 (scikit-learn's zero_division; default 0).")
    String zeroDivision;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @CommandLine.ArgGroup(exclusive = true)
    ChallengeFlags challenge;

    /** {@code --challenge-weights FILE | --metric challenge2021}, shared by evaluate, compare and test. */
    static final class ChallengeFlags {
        @Option(names = "--challenge-weights", paramLabel = "weights.csv", description = "Also the PhysioNet/CinC "
                + "Challenge score with this reward table (columns must be SNOMED-CT codes), written as challenge.json.")
        Path weights;

        @Option(names = "--metric", paramLabel = "challenge2021", description = "Also the Challenge score with the "
                + "bundled 2021 weights.csv (physionetchallenges/evaluation-2021, BSD-2-Clause).")
        String metric;

        static Optional<ChallengeOption> option(ChallengeFlags f) {
            if (f == null) {
                return Optional.empty();
            }
            return Optional.of(f.weights != null ? ChallengeOption.file(f.weights) : ChallengeOption.preset(f.metric));
        }
    }

    @Override
    public Integer call() {
        Result r = run(request());
        PrintWriter o = spec.commandLine().getOut();
        o.print(r.evaluation());
        r.challenge().ifPresent(o::print);
        r.tunedThresholds().ifPresent(p -> o.println("thresholds tuned on " + tuneScores + ": " + p));
        r.files().forEach(p -> o.println("wrote " + p));
        o.flush();
        return 0;
    }

    /** Reads the inputs, evaluates, writes the reports. */
    public static Result run(Request r) {
        ScoreMatrix s = MatrixCsv.readScores(r.scores());
        TruthMatrix t = MatrixCsv.readTruthFor(s, r.scores(), r.truth());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(r.scores().getFileName().toString(), Sha256.of(r.scores()));
        inputs.put(r.truth().getFileName().toString(), Sha256.of(r.truth()));
        Optional<Path> tunedFile = Optional.empty();
        List<String> codes = s.codes();
        Thresholds thresholds;
        ThresholdChoice c = r.thresholds();
        if (c.tuneScores().isPresent()) {
            Path vs = c.tuneScores().get();
            Path vt = c.tuneTruth().orElseThrow();
            ScoreMatrix validation = MatrixCsv.readScores(vs);
            thresholds = Thresholds.tuneForF1(validation,
                    MatrixCsv.readTruthFor(validation, vs, vt));
            inputs.put("validation " + vs.getFileName(), Sha256.of(vs));
            inputs.put("validation " + vt.getFileName(), Sha256.of(vt));
            tunedFile = Optional.of(r.out().resolve("thresholds.json"));
            thresholds.write(tunedFile.get());
        } else {
            thresholds = thresholds(c, inputs, codes);
        }
        EvaluationOptions options = options(r.atLeastOnePerRecord(), r.bootstrap(), r.groups(), r.zeroDivision(),
                inputs);
        Evaluation e = Evaluator.evaluate(s, t, thresholds, options);
        List<Path> files = new java.util.ArrayList<>(ReportWriter.writeAll(e, r.out()));
        tunedFile.ifPresent(files::add);
        Optional<ChallengeResult> challenge = r.challenge().map(option -> ChallengeResult.of(option, s, r.scores(), t,
                thresholds, r.atLeastOnePerRecord(), options.bootstrap()));
        challenge.ifPresent(result -> files.add(result.write(r.out())));
        return new Result(e, List.copyOf(files), tunedFile, challenge);
    }

    /**
     * Thresholds from a fixed value or a file (recording the file's hash); 0.5 when neither. A value must lie
     * in [0, 1]; a file must name exactly the findings {@code codes} of the scores.
     */
    static Thresholds thresholds(ThresholdChoice c, Map<String, String> inputs, List<String> codes) {
        if (c.file().isPresent()) {
            Path f = c.file().get();
            Thresholds t = Thresholds.read(f, codes);
            inputs.put("thresholds " + f.getFileName(), Sha256.of(f));
            return t;
        }
        return Thresholds.fixedChecked(c.fixed().orElse(Thresholds.DEFAULT), "--thresholds");
    }

    static EvaluationOptions options(boolean atLeastOne, Optional<Bootstrap> bootstrap, Optional<Path> groups,
                                     ZeroDivision zd, Map<String, String> inputs) {
        EvaluationOptions.Builder b = EvaluationOptions.builder().optAtLeastOnePerRecord(atLeastOne)
                .optZeroDivision(zd);
        inputs.forEach(b::optInput);
        bootstrap.ifPresent(spec -> {
            if (groups.isPresent()) {
                Path g = groups.get();
                b.optBootstrap(Bootstrap.byGroup(spec.replicates(), spec.seed(), MatrixCsv.readGroups(g))
                        .withLevel(spec.level()));
                b.optInput("groups " + g.getFileName(), Sha256.of(g));
            } else {
                b.optBootstrap(spec);
            }
        });
        return b.build();
    }

    /** The bootstrap the flags ask for: none without --bootstrap and --seed; --bootstrap needs --seed. */
    static Optional<Bootstrap> bootstrap(CommandSpec spec, Integer replicates, Long seed, double level,
                                         Path groups, boolean required) {
        if (replicates != null && seed == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--bootstrap needs --seed N: intervals must be reproducible");
        }
        if (seed == null) {
            if (required) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--seed N is required");
            }
            if (groups != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--groups needs --bootstrap B --seed N");
            }
            return Optional.empty();
        }
        int b = replicates == null ? Bootstrap.DEFAULT_REPLICATES : replicates;
        if (b < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--bootstrap must be at least 1, not " + b);
        }
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--level must be in (0, 1), not " + level);
        }
        return Optional.of(Bootstrap.byRecord(b, seed).withLevel(level));
    }

    static ZeroDivision zeroDivision(CommandSpec spec, String text) {
        try {
            return ZeroDivision.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--zero-division: " + e.getMessage());
        }
    }

    private Request request() {
        int given = (threshold != null ? 1 : 0) + (thresholdsFile != null ? 1 : 0) + (tuneScores != null ? 1 : 0);
        if (given > 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give at most one of --thresholds, --thresholds-file and --tune-scores");
        }
        if ((tuneScores == null) != (tuneTruth == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tune-scores and --tune-truth go together");
        }
        ThresholdChoice choice = tuneScores != null ? ThresholdChoice.tuneOn(tuneScores, tuneTruth)
                : thresholdsFile != null ? ThresholdChoice.file(thresholdsFile)
                : ThresholdChoice.fixed(threshold == null ? Thresholds.DEFAULT : threshold);
        return new Request(scores, truth, choice, atLeastOne, bootstrap(spec, bootstrap, seed, level, groups, false),
                Optional.ofNullable(groups), zeroDivision(spec, zeroDivision), out, ChallengeFlags.option(challenge));
    }
}
