package org.ecgsiglip.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.calibration.LogitCalibration;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.model.folder.ModelFolder;
import org.ecgsiglip.model.folder.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecg calibrate --model RUN [--method platt|temperature]}: fits a post-hoc calibration of the
 * model's probabilities on its validation scores only (the run's {@code validation/scores.csv}), stores
 * it in the model folder as {@code calibration.json} (the manifest is rewritten), and prints F1 at 0.5,
 * the expected calibration error and AUROC on validation before and after — in sample (the fit's own
 * records) and cross-fitted (fitted on one seeded half, measured on the other, both ways), the honest
 * estimate. {@code ecg predict --calibrated} then applies it.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit a post-hoc calibration (Platt per finding, or one shared temperature) on the run's "
                + "validation scores and store it in the model folder.",
        footer = {"", "Examples:",
            "  ecg calibrate --model runs/shared",
            "  ecg calibrate --model runs/shared --method temperature",
            "  ecg predict --model runs/shared --records data/ptb-xl/records100 --calibrated --out scores.csv",
            "A monotone map changes no AUROC; it moves probabilities so that the 0.5 rule and tuned thresholds meet."})
public final class CalibrateCommand implements Callable<Integer> {

    /** Which map: per-finding Platt scaling, or one temperature and bias shared by every finding. */
    public enum Method { PLATT, TEMPERATURE }

    /** What to calibrate. */
    public record Request(Path model, Method method, long seed) {
    }

    /**
     * The fitted calibration and its effect on validation.
     *
     * @param before validation as the model scores it
     * @param inSample validation through the map fitted on all of it
     * @param crossFitted validation through maps fitted on the other half of it
     * @param records validation records the map was fitted on
     */
    public record Result(LogitCalibration calibration, Evaluation before, Evaluation inSample,
                         Evaluation crossFitted, Path file, int records) {
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "RUN_DIR", description = "A finished run folder.")
    Path model;

    @Option(names = "--method", defaultValue = "platt",
            description = "platt (default): a·logit + b per finding; temperature: one shared a, b for all.")
    String method;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the halves of the cross-fit (default 1).")
    long seed;

    @Override
    public Integer call() {
        Method m = ConfigWords.parse(Method.class, "--method", method);
        Result r = run(new Request(model, m, seed));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "calibration (%s) fitted on %d validation records -> %s%n", r.calibration().method().key(),
                r.records(), r.file());
        o.printf(Locale.ROOT, "%-28s %10s %10s %12s%n", "validation", "macro-F1", "macro-ECE", "macro-AUROC");
        line(o, "as trained", r.before());
        line(o, "calibrated (in sample)", r.inSample());
        line(o, "calibrated (cross-fitted)", r.crossFitted());
        o.flush();
        return 0;
    }

    private static void line(PrintWriter o, String name, Evaluation e) {
        o.printf(Locale.ROOT, "%-28s %10.4f %10.4f %12.4f%n", name, e.macroF1(),
                e.calibration().map(c -> c.macroEce()).orElse(Double.NaN), e.macroAuroc());
    }

    /** Fits, stores and measures. */
    public static Result run(Request request) {
        RunDirectory run = ModelFolder.open(request.model(), false).run();
        Path scoresFile = run.validationScores();
        Path truthFile = run.validation().resolve("truth.csv");
        ScoreMatrix scores = MatrixCsv.readScores(scoresFile);
        TruthMatrix truth = MatrixCsv.readTruthFor(scores, scoresFile, truthFile);
        LogitCalibration fit = fit(request.method(), scores, truth);
        ModelFolder.amend(request.model(), Map.of(run.calibration(), () -> fit.write(run.calibration())));
        Thresholds half = Thresholds.fixed(Thresholds.DEFAULT, scores.codes());
        return new Result(fit, Evaluator.evaluate(scores, truth, half),
                Evaluator.evaluate(fit.apply(scores), truth, half),
                Evaluator.evaluate(crossFitted(request.method(), scores, truth, request.seed()), truth, half),
                run.calibration(), scores.records());
    }

    private static LogitCalibration fit(Method m, ScoreMatrix scores, TruthMatrix truth) {
        return m == Method.PLATT ? LogitCalibration.platt(scores, truth) : LogitCalibration.sharedTemperature(scores, truth);
    }

    /** Each record's scores through the map fitted on the other half (a seeded random halving). */
    static ScoreMatrix crossFitted(Method m, ScoreMatrix scores, TruthMatrix truth, long seed) {
        int n = scores.records();
        boolean[] inA = new boolean[n];
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, new java.util.Random(rng.nextLong()));
        for (int i = 0; i < n / 2; i++) {
            inA[order.get(i)] = true;
        }
        double[][] out = new double[n][];
        for (boolean side : new boolean[] {true, false}) {
            LogitCalibration other = fit(m, rows(scores, inA, !side), rows(truth, inA, !side));
            ScoreMatrix mine = other.apply(rows(scores, inA, side));
            int j = 0;
            for (int i = 0; i < n; i++) {
                if (inA[i] == side) {
                    out[i] = mine.values()[j++];
                }
            }
        }
        return new ScoreMatrix(scores.recordIds(), scores.codes(), out);
    }

    private static ScoreMatrix rows(ScoreMatrix s, boolean[] inA, boolean side) {
        List<String> ids = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        for (int i = 0; i < inA.length; i++) {
            if (inA[i] == side) {
                ids.add(s.recordIds().get(i));
                v.add(s.values()[i]);
            }
        }
        return new ScoreMatrix(ids, s.codes(), v.toArray(new double[0][]));
    }

    private static TruthMatrix rows(TruthMatrix t, boolean[] inA, boolean side) {
        List<String> ids = new ArrayList<>();
        List<boolean[]> v = new ArrayList<>();
        for (int i = 0; i < inA.length; i++) {
            if (inA[i] == side) {
                ids.add(t.recordIds().get(i));
                v.add(t.values()[i]);
            }
        }
        return new TruthMatrix(ids, t.codes(), v.toArray(new boolean[0][]));
    }
}
