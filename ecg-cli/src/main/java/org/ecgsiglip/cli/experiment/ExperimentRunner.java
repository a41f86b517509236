package org.ecgsiglip.cli.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgsiglip.eval.Bootstrap;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.EvaluationOptions;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.PairedComparison;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;
import org.ecgsiglip.eval.report.ReportWriter;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.Sha256;
import org.ecgsiglip.model.predict.Predictor;
import org.ecgsiglip.model.predict.ScoreCsv;
import org.ecgsiglip.model.train.RunDirectory;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.Training;
import org.ecgsiglip.model.train.TrainingData;
import org.ecgsiglip.model.train.TrainingDataLoader;
import org.ecgsiglip.model.train.TrainingMonitor;

/**
 * Runs an {@link ExperimentPlan}: for each variant and seed, trains (or resumes, or skips) its run
 * folder with {@link Training#run}, scores the best checkpoint on the test folds with
 * {@link Predictor#scoreRecords}, writes the scores and truth in {@code ecg evaluate}'s CSV layout
 * and evaluates them exactly as {@code ecg evaluate --scores S --truth T [--thresholds-file F]
 * --bootstrap B --seed N} does (read back from the CSVs, same inputs recorded); then compares the
 * pairs with ecg-eval's paired bootstrap and writes the summary report.
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
        Evaluation evaluation = evaluate(plan, run, scoresFile, truthFile, bootstrap, testFolder);
        monitor.onMessage(String.format(Locale.ROOT, "%s seed %d on the test folds: macro-F1 %.4f, macro-AUROC %.4f",
                variant.name(), seed, evaluation.macroF1(), evaluation.macroAuroc()));
        return new RunOutcome(variant.name(), seed, folder, status, evaluation, testFolder,
                (System.nanoTime() - t0) / 1e9);
    }

    /** What {@code ecg evaluate} computes on the two files (and the thresholds file when tuned), written to {@code out}. */
    private static Evaluation evaluate(ExperimentPlan plan, RunDirectory run, Path scoresFile, Path truthFile,
                                       Bootstrap bootstrap, Path out) {
        ScoreMatrix scores = MatrixCsv.readScores(scoresFile);
        TruthMatrix truth = MatrixCsv.alignTruth(scores, scoresFile, MatrixCsv.readTruth(truthFile), truthFile);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(scoresFile.getFileName().toString(), Sha256.of(scoresFile));
        inputs.put(truthFile.getFileName().toString(), Sha256.of(truthFile));
        Thresholds thresholds = thresholds(plan, run, inputs);
        EvaluationOptions.Builder options = EvaluationOptions.builder().optBootstrap(bootstrap);
        inputs.forEach(options::optInput);
        Evaluation e = Evaluator.evaluate(scores, truth, thresholds, options.build());
        ReportWriter.writeAll(e, out);
        return e;
    }

    private static Thresholds thresholds(ExperimentPlan plan, RunDirectory run, Map<String, String> inputs) {
        if (plan.thresholds().isTuned()) {
            inputs.put("thresholds " + run.thresholds().getFileName(), Sha256.of(run.thresholds()));
            return Thresholds.read(run.thresholds());
        }
        return Thresholds.fixed(plan.thresholds().fixed().getAsDouble());
    }

    private static ComparisonOutcome compare(ExperimentPlan plan, ExperimentPlan.Comparison pair, long seed,
                                             List<RunOutcome> runs, Bootstrap bootstrap) {
        RunOutcome a = find(runs, pair.a(), seed);
        RunOutcome b = find(runs, pair.b(), seed);
        ScoreMatrix sa = MatrixCsv.readScores(a.scores());
        ScoreMatrix sb = MatrixCsv.readScores(b.scores());
        TruthMatrix truth = MatrixCsv.alignTruth(sa, a.scores(), MatrixCsv.readTruth(a.truth()), a.truth());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put(relative(plan, a.scores()), Sha256.of(a.scores()));
        inputs.put(relative(plan, b.scores()), Sha256.of(b.scores()));
        inputs.put(relative(plan, a.truth()), Sha256.of(a.truth()));
        Thresholds ta = thresholds(plan, new RunDirectory(a.folder()), new LinkedHashMap<>());
        Thresholds tb = thresholds(plan, new RunDirectory(b.folder()), new LinkedHashMap<>());
        EvaluationOptions.Builder options = EvaluationOptions.builder().optBootstrap(bootstrap);
        inputs.forEach(options::optInput);
        PairedComparison c = PairedComparison.compare(new PairedComparison.Candidate(pair.a(), sa, ta),
                new PairedComparison.Candidate(pair.b(), sb, tb), truth, options.build());
        Path folder = plan.comparisonFolder(pair, seed);
        ReportWriter.writeAll(c, folder);
        return new ComparisonOutcome(pair, seed, c, folder);
    }

    private static RunOutcome find(List<RunOutcome> runs, String variant, long seed) {
        return runs.stream().filter(r -> r.variant().equals(variant) && r.seed() == seed).findFirst().orElseThrow();
    }

    private static String relative(ExperimentPlan plan, Path file) {
        return plan.out().toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    /**
     * Runs that read the same preprocessed signals share one loaded {@link TrainingData}. The key is
     * built from what the loader uses, the preprocessing included as a whole, so a new setting that
     * shapes the cache cannot be forgotten here.
     */
    static String dataKey(TrainConfig c) {
        return String.join("|", String.valueOf(c.ptbxl()), c.level(), String.valueOf(c.samplingRate()),
                c.trainFolds().toString(), c.validationFolds().toString(), c.testFolds().toString(),
                TrainingDataLoader.preprocessing(c).toString(), String.valueOf(c.cacheDir()), c.cachePrecision());
    }

    /** Scoring runs on one device: "all-gpus" (data-parallel training) scores on the first GPU. */
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
