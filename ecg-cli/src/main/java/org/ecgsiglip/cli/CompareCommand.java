package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ecgsiglip.cli.challenge.ChallengeDifference;
import org.ecgsiglip.cli.challenge.ChallengeOption;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.EvaluationOptions;
import org.ecgsiglip.eval.PairedComparison;
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
 * {@code ecg compare --a SA.csv --b SB.csv --truth T.csv [--thresholds 0.5 | --thresholds-file
 * F.json [--b-thresholds-file G.json]] [--bootstrap B] --seed N [--challenge-weights weights.csv |
 * --metric challenge2021] --out DIR}: paired bootstrap comparison of two prediction sets on the same
 * records (differences are B minus A), written as DIR/comparison.json, comparison.csv,
 * comparison-averages.csv, report.md and report.html; with a reward table also the paired difference
 * of their Challenge scores on the same resamples (DIR/challenge.json).
 * B defaults to 1000. Exit codes as for {@link EvaluateCommand}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Paired bootstrap comparison of two prediction sets: per-finding and macro F1 differences, "
                + "CIs, p-values (Holm-corrected across findings).",
        footer = {"", "Examples:",
            "  ecg compare --a diagonal.csv --b shared.csv --truth T.csv --seed 1 --out cmp/",
            "  ecg compare --a ptbxl.csv --b cinc.csv --truth T.csv --metric challenge2021 \\",
            "      --seed 1 --out cmp/"})
public final class CompareCommand implements Callable<Integer> {

    /** What to compare; {@link #run(Request)} does it. */
    public record Request(Path a, Path b, Path truth, EvaluateCommand.ThresholdChoice thresholds,
                          Optional<Path> bThresholdsFile, boolean atLeastOnePerRecord, Bootstrap bootstrap,
                          Optional<Path> groups, ZeroDivision zeroDivision, Path out, Optional<Names> names,
                          Optional<ChallengeOption> challenge) {
        /** Without the Challenge score. */
        public Request(Path a, Path b, Path truth, EvaluateCommand.ThresholdChoice thresholds,
                       Optional<Path> bThresholdsFile, boolean atLeastOnePerRecord, Bootstrap bootstrap,
                       Optional<Path> groups, ZeroDivision zeroDivision, Path out, Optional<Names> names) {
            this(a, b, truth, thresholds, bThresholdsFile, atLeastOnePerRecord, bootstrap, groups, zeroDivision, out,
                    names, Optional.empty());
        }
    }

    /** How the two sides are called in reports (default: their file names). */
    public record Names(String a, String b) {
    }

    /** The comparison, the files written, and the paired Challenge score difference when it was asked for. */
    public record Result(PairedComparison comparison, List<Path> files, Optional<ChallengeDifference> challenge) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--a", required = true, paramLabel = "SA.csv", description = "Scores of model A (the reference).")
    Path a;

    @Option(names = "--b", required = true, paramLabel = "SB.csv", description = "Scores of model B (the candidate).")
    Path b;

    @Option(names = "--truth", required = true, paramLabel = "T.csv", description = "Truth, 0/1.")
    Path truth;

    @Option(names = "--thresholds", paramLabel = "T", description = "One threshold for every finding (default 0.5).")
    Double threshold;

    @Option(names = "--thresholds-file", paramLabel = "F.json", description = "Per-finding thresholds for A (and B).")
    Path thresholdsFile;

    @Option(names = "--b-thresholds-file", paramLabel = "G.json",
            description = "Per-finding thresholds for B when they differ from A's.")
    Path bThresholdsFile;

    @Option(names = "--at-least-one", description = "Predict the top-scoring finding of records with none above threshold.")
    boolean atLeastOne;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Paired resamples (default 1000).")
    Integer bootstrap;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "Seed of the bootstrap.")
    Long seed;

    @Option(names = "--groups", paramLabel = "G.csv", description = "record_id,patient_id: resample patients.")
    Path groups;

    @Option(names = "--level", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
    double level;

    @Option(names = "--zero-division", defaultValue = "0", paramLabel = "0|1", description = "Value of 0/0 (default 0).")
    String zeroDivision;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @CommandLine.ArgGroup(exclusive = true)
    EvaluateCommand.ChallengeFlags challenge;

    @Override
    public Integer call() {
        Result r = run(request());
        PrintWriter o = spec.commandLine().getOut();
        o.print(r.comparison());
        r.challenge().ifPresent(o::print);
        r.files().forEach(p -> o.println("wrote " + p));
        o.flush();
        return 0;
    }

    /** Reads both score tables and the truth, compares, writes the reports. */
    public static Result run(Request r) {
        ScoreMatrix sa = MatrixCsv.readScores(r.a());
        ScoreMatrix sb = MatrixCsv.readScoresLike(sa, r.a(), r.b());
        TruthMatrix t = MatrixCsv.readTruthFor(sa, r.a(), r.truth());
        String nameA = r.names().map(Names::a).orElse(name(r.a(), r.b()));
        String nameB = r.names().map(Names::b).orElse(name(r.b(), r.a()));
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("a " + r.a().getFileName(), Sha256.of(r.a()));
        inputs.put("b " + r.b().getFileName(), Sha256.of(r.b()));
        inputs.put(r.truth().getFileName().toString(), Sha256.of(r.truth()));
        Thresholds ta = EvaluateCommand.thresholds(r.thresholds(), inputs, sa.codes());
        Thresholds tb = ta;
        if (r.bThresholdsFile().isPresent()) {
            tb = EvaluateCommand.thresholds(EvaluateCommand.ThresholdChoice.file(r.bThresholdsFile().get()), inputs,
                    sb.codes());
        }
        EvaluationOptions options = EvaluateCommand.options(r.atLeastOnePerRecord(), Optional.of(r.bootstrap()),
                r.groups(), r.zeroDivision(), inputs);
        PairedComparison c = PairedComparison.compare(new PairedComparison.Candidate(nameA, sa, ta),
                new PairedComparison.Candidate(nameB, sb, tb), t, options);
        List<Path> files = new java.util.ArrayList<>(ReportWriter.writeAll(c, r.out()));
        Thresholds thresholdsB = tb;
        Optional<ChallengeDifference> challenge = r.challenge().map(option -> ChallengeDifference.of(option, nameA, sa,
                r.a(), ta, nameB, sb, r.b(), thresholdsB, t, r.atLeastOnePerRecord(), options.bootstrap().orElseThrow()));
        challenge.ifPresent(d -> files.add(d.write(r.out())));
        return new Result(c, List.copyOf(files), challenge);
    }

    /** The file name, or the whole path when both sides share the file name. */
    private static String name(Path self, Path other) {
        String n = self.getFileName().toString();
        return n.equals(other.getFileName().toString()) ? self.toString() : n;
    }

    private Request request() {
        if (threshold != null && thresholdsFile != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give at most one of --thresholds and --thresholds-file");
        }
        EvaluateCommand.ThresholdChoice choice = thresholdsFile != null
                ? EvaluateCommand.ThresholdChoice.file(thresholdsFile)
                : EvaluateCommand.ThresholdChoice.fixed(threshold == null ? Thresholds.DEFAULT : threshold);
        Bootstrap boot = EvaluateCommand.bootstrap(spec, bootstrap, seed, level, groups, true).orElseThrow();
        return new Request(a, b, truth, choice, Optional.ofNullable(bThresholdsFile), atLeastOne, boot,
                Optional.ofNullable(groups), EvaluateCommand.zeroDivision(spec, zeroDivision), out, Optional.empty(),
                EvaluateCommand.ChallengeFlags.option(challenge));
    }
}
