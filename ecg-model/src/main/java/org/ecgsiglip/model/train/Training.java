package org.ecgsiglip.model.train;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.SiglipBlock;
import org.ecgsiglip.model.siglip.TextStrategy;
import org.ecgsiglip.model.text.TextTokenizer;

/**
 * Trains one model variant and leaves a self-explaining run folder ({@link RunDirectory}).
 *
 * <p>Per epoch: seeded batches from the signal cache (assembled ahead on a background thread), one
 * {@link TrainingStep} each, then zero-shot validation of every finding's text (per-finding F1 at 0.5
 * via ecg-eval), then atomic checkpoints: {@code best/} when the selection metric improved (ties broken
 * by macro-AUROC), and {@code last/} always. {@code resume} continues a killed run from {@code last/}
 * and reaches the same result as an uninterrupted run: batches, augmentations and the learning rate
 * are functions of (seed, epoch, step), and the optimizer's state is checkpointed with the weights.
 */
public final class Training {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int PREFETCH = 3;
    private static final int SCORE_BATCH = 256;

    private Training() {
    }

    public static TrainingResult run(TrainConfig config, TrainingData data, RunDirectory run, boolean resume,
                                     TrainingMonitor monitor) {
        Device device = Devices.resolve(config.device());
        FindingsVocabulary vocabulary = data.dataset().vocabulary();
        int findings = vocabulary.size();
        BitSet excluded = excluded(config, vocabulary);
        TextTokenizer tokenizer = TextTokenizer.fromTexts(vocabulary.texts());
        Objective objective = config.objective();
        TextStrategy strategy = config.textStrategy();
        LabelMatrix matrix = config.labelMatrixValue();
        TextColumns texts = objective == Objective.BCE ? null
                : new TextColumns(strategy, vocabulary, tokenizer, excluded);
        int[][] sets = data.findingSets();
        BatchAssembler assembler = new BatchAssembler(data.signals(), sets, findings, config.inputLength(),
                new Augmentation(config.amplitudeScale(), config.leadDropout()), texts);
        int[] train = data.split().train();
        int[] validation = data.split().validation();
        if (train.length < 2 || validation.length == 0) {
            throw new ConfigurationException("train-folds / validation-folds", "the split has " + train.length
                    + " training and " + validation.length + " validation records", "choose folds that hold records");
        }
        int stepsPerEpoch = EpochPlan.of(train, config.batchSize(), config.seed(), 0).size();
        int totalSteps = stepsPerEpoch * config.epochs();
        int warmup = (int) Math.round(config.warmupFraction() * totalSteps);

        TrainingState state = resume ? resumeState(run, config) : freshState(run, config, data, sets, texts, matrix,
                excluded, findings);
        ModelSpec spec = new ModelSpec(objective, config.encoderSpec(), data.signals().leads(), config.inputLength(),
                findings, tokenizer.dimension(), config.textHidden(), (float) Math.log(10),
                state.logitBiasInit() == null ? 0f : state.logitBiasInit().floatValue());
        if (!resume) {
            writeDefinition(run, config, data, device, vocabulary, tokenizer, spec);
        }
        float[] keep = new float[findings];
        for (int f = 0; f < findings; f++) {
            keep[f] = excluded.get(f) ? 0f : 1f;
        }
        WarmupCosine schedule = new WarmupCosine((float) config.learningRate(), (float) config.learningRate() / 100,
                warmup, totalSteps);
        int columns = texts == null ? 0 : (strategy == TextStrategy.ALL_FINDINGS ? findings : config.batchSize());
        long started = System.nanoTime();
        Path resumeFrom = state.completedEpochs() > 0 ? Checkpoints.find(run.lastCheckpoint()).orElseThrow() : null;
        try (ModelSession session = ModelSession.forTraining(spec, device, config.seed(), schedule,
                (float) config.weightDecay(), columns, resumeFrom);
             TrainingLog log = new TrainingLog(run, state.globalStep())) {
            if (!session.device().equals(device)) {
                throw new IllegalStateException("asked for " + device + " but DJL placed the model on " + session.device());
            }
            if (resumeFrom != null) {
                monitor.onMessage("resuming " + run.root() + " after epoch " + state.completedEpochs());
            }
            TrainingStep step = new TrainingStep(session.trainer(), objective, matrix, strategy.paired(), keep,
                    (float) config.clipNorm());
            Scorer scorer = new Scorer(session, objective, texts == null ? null : texts.vocabularyColumns());
            monitor.onStart(config.variantName() + " on " + device, state.completedEpochs() + 1, config.epochs(),
                    stepsPerEpoch);
            for (int epoch = state.completedEpochs(); epoch < config.epochs(); epoch++) {
                EpochPlan plan = EpochPlan.of(train, config.batchSize(), config.seed(), epoch);
                EpochStats stats = new EpochStats();
                long t0 = System.nanoTime();
                double waited;
                int globalStep = state.globalStep();
                try (BatchStream stream = new BatchStream(plan, assembler, PREFETCH)) {
                    for (HostBatch batch = stream.next(); batch != null; batch = stream.next()) {
                        TrainingStep.Result r = step.run(batch);
                        globalStep++;
                        stats.add(r);
                        log.step(globalStep, epoch + 1, r, schedule.getNewValue(globalStep));
                        monitor.onStep(epoch + 1, stats.steps, r);
                    }
                    waited = stream.waitSeconds();
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                Evaluation eval = Validation.evaluate(scorer, assembler, data, validation, SCORE_BATCH);
                double score = config.selectBy().equals("macro_auroc") ? eval.macroAuroc() : eval.macroF1();
                boolean best = state.improvedBy(score, eval.macroAuroc());
                Double[] tb = temperatureAndBias(session);
                EpochSummary summary = stats.summary(epoch + 1, schedule.getNewValue(globalStep), eval, tb[0], tb[1],
                        seconds, plan.size() * (double) config.batchSize() / seconds, waited / seconds, best);
                List<EpochSummary> history = new ArrayList<>(state.history());
                history.add(summary);
                state = new TrainingState(epoch + 1, globalStep, best ? epoch + 1 : state.bestEpoch(),
                        best ? score : state.bestScore(), best ? eval.macroAuroc() : state.bestTiebreak(),
                        state.logitBiasInit(), state.positiveRateEstimate(), history);
                TrainingState snapshot = state;
                log.epochs(history);
                if (best) {
                    Checkpoints.write(run.bestCheckpoint(), dir -> {
                        session.saveParameters(dir.resolve(RunDirectory.PARAMS));
                        writeState(dir.resolve(RunDirectory.STATE), snapshot);
                    });
                }
                Checkpoints.write(run.lastCheckpoint(), dir -> {
                    session.saveParameters(dir.resolve(RunDirectory.PARAMS));
                    session.saveOptimizer(dir.resolve(RunDirectory.OPTIMIZER));
                    writeState(dir.resolve(RunDirectory.STATE), snapshot);
                });
                monitor.onEpoch(summary, eval);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Evaluation validationEval = Validation.writeFinal(run, spec, device, data, objective,
                texts == null ? null : texts.vocabularyColumns(), assembler, SCORE_BATCH);
        RunProvenance.finish(run.provenance(), seconds, Map.of("best_epoch", state.bestEpoch(),
                "completed_epochs", state.completedEpochs()));
        return new TrainingResult(run, state, validationEval, device.toString());
    }

    private static Double[] temperatureAndBias(ModelSession session) {
        if (session.block() instanceof SiglipBlock s) {
            float[] tb = s.temperatureAndBias();
            return new Double[] {(double) tb[0], (double) tb[1]};
        }
        return new Double[] {null, null};
    }

    static BitSet excluded(TrainConfig config, FindingsVocabulary vocabulary) {
        BitSet excluded = new BitSet();
        for (String code : config.excludeFromCollisions()) {
            excluded.set(vocabulary.indexOf(code));
        }
        return excluded;
    }

    private static TrainingState freshState(RunDirectory run, TrainConfig config, TrainingData data, int[][] sets,
                                            TextColumns texts, LabelMatrix matrix, BitSet excluded, int findings) {
        if (Checkpoints.find(run.lastCheckpoint()).isPresent()) {
            throw new EcgException(run.root(), null, "this folder already holds a training run",
                    "pass --resume to continue it, or choose another --out");
        }
        if (config.objective() == Objective.BCE) {
            return TrainingState.start(null, null);
        }
        EpochPlan first = EpochPlan.of(data.split().train(), config.batchSize(), config.seed(), 0);
        double p = TargetStatistics.positiveRate(first, sets, texts, matrix, config.textStrategy().paired(), excluded,
                findings, 20, config.seed());
        double bias;
        if (!config.logitBiasInit().equals("auto")) {
            bias = Double.parseDouble(config.logitBiasInit());
        } else {
            bias = matrix == LabelMatrix.DIAGONAL ? -10.0 : TargetStatistics.logOdds(p);
        }
        return TrainingState.start(bias, p);
    }

    private static TrainingState resumeState(RunDirectory run, TrainConfig config) {
        Optional<Path> last = Checkpoints.find(run.lastCheckpoint());
        if (last.isEmpty() || !Files.exists(run.config())) {
            throw new EcgException(run.root(), null, "no checkpoint to resume from", "start the run without --resume");
        }
        ObjectNode saved = ConfigFiles.toTree(ConfigFiles.read(run.config()));
        ObjectNode now = ConfigFiles.toTree(config);
        for (String free : List.of("device", "cache-dir", "epochs")) {
            saved.remove(free);
            now.remove(free);
        }
        if (!saved.equals(now)) {
            throw new EcgException(run.config(), null, "the run was started with another configuration than this "
                    + "resume asks for", "resume with --config " + run.config() + " (only device, cache-dir and epochs "
                    + "may change)");
        }
        try {
            return JSON.readValue(last.get().resolve(RunDirectory.STATE).toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new EcgException(last.get().resolve(RunDirectory.STATE), null, "unreadable training state: "
                    + e.getMessage(), "delete the checkpoint folder and train again", e);
        }
    }

    private static void writeDefinition(RunDirectory run, TrainConfig config, TrainingData data, Device device,
                                        FindingsVocabulary vocabulary, TextTokenizer tokenizer, ModelSpec spec) {
        try {
            Files.createDirectories(run.root());
            ConfigFiles.write(config, run.config());
            vocabulary.write(run.vocabulary());
            AtomicFiles.writeString(run.tokenizer(), JSON.writeValueAsString(tokenizer));
            ModelFiles.writeSpec(spec, run.model());
            RunProvenance.write(RunProvenance.collect(config, data, device), run.provenance());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the run definition into " + run.root(), e);
        }
    }

    private static void writeState(Path file, TrainingState state) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(state));
    }

    /** Running means of one epoch's steps. */
    private static final class EpochStats {
        int steps;
        double loss;
        double rate;
        double rateMin = Double.POSITIVE_INFINITY;
        double rateMax = Double.NEGATIVE_INFINITY;
        double norm;

        void add(TrainingStep.Result r) {
            steps++;
            loss += r.loss();
            rate += r.positiveRate();
            rateMin = Math.min(rateMin, r.positiveRate());
            rateMax = Math.max(rateMax, r.positiveRate());
            norm += Float.isFinite(r.gradNorm()) ? r.gradNorm() : 0;
        }

        EpochSummary summary(int epoch, double lr, Evaluation eval, Double temperature, Double bias, double seconds,
                             double samplesPerSecond, double waitShare, boolean best) {
            int n = Math.max(1, steps);
            return new EpochSummary(epoch, loss / n, rate / n, rateMin, rateMax, norm / n, lr, eval.macroF1(),
                    eval.microF1(), eval.macroAuroc(), eval.macroAuprc(), temperature, bias, seconds,
                    samplesPerSecond, waitShare, best);
        }
    }

}
