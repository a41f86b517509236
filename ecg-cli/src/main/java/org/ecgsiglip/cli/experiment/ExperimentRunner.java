package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ecgsiglip.cli.CompareCommand;
import org.ecgsiglip.cli.challenge.ChallengeOption;
import org.ecgsiglip.cli.EvaluateCommand;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.ZeroDivision;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.eval.csv.ScoreCsv;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.Training;
import org.ecgsiglip.model.train.TrainingData;
import org.ecgsiglip.model.train.TrainingDataLoader;
import org.ecgsiglip.model.train.TrainingMonitor;

/**
 * Runs an {@link ExperimentPlan}: for each variant and seed, trains (or resumes, or skips) its run
 * folder with {@link Training#run}, scores the best checkpoint on the test folds with
 * {@link Predictor#scoreRecords}, writes the scores and truth in {@code ecg evaluate}'s CSV layout
 * and evaluates them with {@link EvaluateCommand#run} (what {@code ecg evaluate --scores S --truth T
 * [--thresholds-file F] --bootstrap B --seed N} does, inputs and their SHA-256 recorded); then compares
 * the pairs with {@link CompareCommand#run} and writes the summary report. On CinC data both also give
 * the Challenge score (the bundled 2021 weights) and its paired difference.
 */
public final class ExperimentRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ExperimentRunner() {
    }

    public static ExperimentResult run(ExperimentPlan plan, TrainingMonitor monitor) {
        AtomicFiles.writeString(plan.out().resolve("experiment.json"), json(plan.toJson()));
        TestSplit test = TestSplit.load(plan.dataConfig(), plan.file());
        Path truthFile = plan.out().resolve("test").resolve("truth.csv");
        ScoreCsv.write(test.truth(), truthFile);
        monitor.onMessage(String.format(Locale.ROOT, "experiment '%s': %d variants x %d seeds, test folds %s "
                        + "(%d records) -> %s", plan.name(), plan.variants().size(), plan.seeds().size(), test.folds(),
                test.size(), plan.out()));
        Bootstrap bootstrap = Bootstrap.byRecord(plan.bootstrap(), plan.bootstrapSeed()).withLevel(plan.level());
        Map<String, TrainingData> data = new HashMap<>();
        List<RunOutcome> runs = new ArrayList<>();
        int total = plan.variants().size() * plan.seeds().size();
        for (ExperimentPlan.Variant v : plan.variants()) {
            for (long seed : plan.seeds()) {
                monitor.onMessage(String.format(Locale.ROOT, "[%d/%d] %s, seed %d", runs.size() + 1, total, v.name(),
                        seed));
                runs.add(runOne(plan, v, seed, test, bootstrap, data, monitor));
            }
        }
        List<ComparisonOutcome> comparisons = new ArrayList<>();
        for (ExperimentPlan.Comparison c : plan.comparisons()) {
            for (long seed : plan.seeds()) {
                comparisons.add(compare(plan, c, seed, runs, bootstrap));
            }
        }
        ExperimentReport report = new ExperimentReport(plan, test, runs, comparisons);
        List<Path> files = report.write();
        return new ExperimentResult(plan, test, runs, comparisons, files, report.table());
    }

    private static RunOutcome runOne(ExperimentPlan plan, ExperimentPlan.Variant variant, long seed, TestSplit test,
                                     Bootstrap bootstrap, Map<String, TrainingData> data, TrainingMonitor monitor) {
        long t0 = System.nanoTime();
        TrainConfig config = variant.config(seed);
        Path folder = plan.runFolder(variant, seed);
        RunDirectory run = new RunDirectory(folder);
        RunFolders.Action action = RunFolders.decide(run, config);
        RunOutcome.Status status;
        if (action == RunFolders.Action.SKIP) {
            monitor.onMessage("finished earlier, not trained again: " + folder);
            status = RunOutcome.Status.SKIPPED;
        } else {
            TrainingData d = data.computeIfAbsent(dataKey(config), k -> TrainingDataLoader.load(config, i -> { }));
            boolean resume = action == RunFolders.Action.RESUME;
            Training.run(config, d, run, resume, monitor);
            status = resume ? RunOutcome.Status.RESUMED : RunOutcome.Status.TRAINED;
        }
        Path testFolder = folder.resolve("test");
        Path scoresFile = testFolder.resolve("scores.csv");
        Path truthFile = testFolder.resolve("truth.csv");
        try (Predictor predictor = Predictor.load(folder, predictionDevice(config.device()))) {
            if (!predictor.vocabulary().codes().equals(test.truth().codes())) {
                throw new ExperimentException(run.vocabulary(), null, "the run's findings " + predictor.vocabulary()
                        .codes() + " differ from the test split's " + test.truth().codes(),
                        "delete the run folder to train it again on this dataset");
            }
            ScoreCsv.write(predictor.scoreRecords(test.records()), scoresFile);
        }
        ScoreCsv.write(test.truth(), truthFile);
        EvaluateCommand.Result result = EvaluateCommand.run(new EvaluateCommand.Request(scoresFile, truthFile,
                thresholds(plan, run), false, Optional.of(bootstrap), Optional.empty(), ZeroDivision.ZERO, testFolder,
                challenge(config)));
        Evaluation evaluation = result.evaluation();
        monitor.onMessage(String.format(Locale.ROOT, "%s seed %d on the test folds: macro-F1 %.4f, macro-AUROC %.4f%s",
                variant.name(), seed, evaluation.macroF1(), evaluation.macroAuroc(), result.challenge()
                        .map(c -> String.format(Locale.ROOT, ", Challenge score %.4f", c.normalized())).orElse("")));
        return new RunOutcome(variant.name(), seed, folder, status, evaluation, testFolder,
                (System.nanoTime() - t0) / 1e9, result.challenge());
    }

    /** The Challenge score with the bundled 2021 weights, for an experiment on CinC data. */
    static Optional<ChallengeOption> challenge(TrainConfig config) {
        return config.dataSpec().source() instanceof CincDataSource ? Optional.of(ChallengeOption.challenge2021())
                : Optional.empty();
    }

    /** The experiment's decision rule as {@code ecg evaluate} takes it: a fixed value or the run's tuned file. */
    private static EvaluateCommand.ThresholdChoice thresholds(ExperimentPlan plan, RunDirectory run) {
        return plan.thresholds().isTuned() ? EvaluateCommand.ThresholdChoice.file(run.thresholds())
                : EvaluateCommand.ThresholdChoice.fixed(plan.thresholds().fixed().getAsDouble());
    }

    /** What {@code ecg compare} computes on the two runs' test scores, with each run's own thresholds. */
    private static ComparisonOutcome compare(ExperimentPlan plan, ExperimentPlan.Comparison pair, long seed,
                                             List<RunOutcome> runs, Bootstrap bootstrap) {
        RunOutcome a = find(runs, pair.a(), seed);
        RunOutcome b = find(runs, pair.b(), seed);
        EvaluateCommand.ThresholdChoice ta = thresholds(plan, new RunDirectory(a.folder()));
        Optional<Path> tb = plan.thresholds().isTuned() ? Optional.of(new RunDirectory(b.folder()).thresholds())
                : Optional.empty();
        Path folder = plan.comparisonFolder(pair, seed);
        CompareCommand.Result c = CompareCommand.run(new CompareCommand.Request(a.scores(), b.scores(), a.truth(), ta,
                tb, false, bootstrap, Optional.empty(), ZeroDivision.ZERO, folder,
                Optional.of(new CompareCommand.Names(pair.a(), pair.b())), challenge(plan.dataConfig())));
        return new ComparisonOutcome(pair, seed, c.comparison(), folder, c.challenge());
    }

    private static RunOutcome find(List<RunOutcome> runs, String variant, long seed) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.seed() == seed).findFirst().orElseThrow();
    }

    /**
     * Runs with the same input pipeline share one loaded {@link TrainingData}: the key is the data spec's
     * digest (everything that shapes the data) and the cache folder, so a setting that shapes the data
     * cannot be forgotten here. (Runs whose pipelines differ only in windows or standardisation still
     * share one cache on disk: its folder is named by {@code DataSpec.cacheKey()}.)
     */
    static String dataKey(TrainConfig c) {
        return c.dataSpec().digest() + "|" + c.cacheDir();
    }

    /** Scoring runs on one device: a run trained with "all-gpus" scores on the first GPU. */
    private static String predictionDevice(String device) {
        return device.equals("all-gpus") ? "gpu" : device;
    }

    static String json(Object tree) {
        try {
            return JSON.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }
}
