package org.ecgsiglip.model.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.model.core.Devices;
import org.ecgsiglip.model.core.ModelSession;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.core.Scorer;
import org.ecgsiglip.model.folder.Checkpoints;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.siglip.SiglipBlock;
import org.ecgsiglip.model.siglip.TextStrategy;
import org.ecgsiglip.model.text.TextColumns;
import org.ecgsiglip.model.text.TextEncoderKind;
import org.ecgsiglip.model.text.TextTower;
import org.ecgsiglip.model.text.TextFeatures;
import org.ecgsiglip.model.text.TextTokenizer;

/**
 * Trains one model variant and leaves a self-explaining, verifiable run folder ({@link RunDirectory}).
 *
 * <p>Per epoch: seeded batches from the signal cache (assembled ahead on a background thread), one
 * {@link TrainingStep} each, then zero-shot validation of every finding's text (per-finding F1 at 0.5
 * via ecg-eval), then atomic checkpoints: {@code best/} when the selection metric improved (ties broken
 * by macro-AUROC), and {@code last/} always. {@code resume} continues a killed run from {@code last/}
 * and reaches the same result as an uninterrupted run: batches, augmentations, dropout masks and the
 * learning rate are functions of (seed, epoch, step), and the optimizer's state is checkpointed with
 * the weights. At the end the folder's manifest lists the SHA-256 of every file and marks it finished.
 *
 * <p>A zero-shot run ({@code held-out-findings}, {@code held-out-count}) trains without its held-out findings
 * and selects and tunes on the trained ones only ({@link HeldOutFindings}); they stay in the vocabulary.
 */
public final class Training {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PREFETCH = 3;

    private Training() {
    }

    public static TrainingResult run(TrainConfig config, TrainingData data, RunDirectory run, boolean resume,
                                     TrainingMonitor monitor) {
        Device[] devices = Devices.resolveAll(config.device());
        Device device = devices[0];
        FindingsVocabulary vocabulary = data.dataset().vocabulary();
        int findings = vocabulary.size();
        BitSet excluded = excluded(config, vocabulary);
        // zero-shot: held-out findings leave every training finding set (so every label and text built from
        // them) and the all-findings columns; records left without a finding leave the training split
        HeldOutFindings heldOut = HeldOutFindings.resolve(config, vocabulary);
        int[][] sets = heldOut.strip(data.findingSets());
        int trainBefore = data.split().train().length;
        data = new TrainingData(data.dataset(), heldOut.trainable(data.split(), sets), data.signals(), data.pipeline(),
                data.provenance());
        // the baseline has no text tower: it never needs a sentence encoder. The n-gram tokenizer's word list is
        // learned from the trained findings' texts only, so a held-out text is as new to it as any unseen text; a
        // frozen sentence encoder's embeddings are a function of the text alone and cover the whole vocabulary
        List<String> trainedTexts = heldOut.trainedCodes(vocabulary).stream()
                .map(c -> vocabulary.get(vocabulary.indexOf(c)).text()).toList();
        TextFeatures tokenizer = config.objective() == Objective.BCE ? TextTokenizer.fromTexts(vocabulary.texts())
                : config.textEncoder().forVocabulary(config.textEncoder() == TextEncoderKind.NGRAM ? trainedTexts
                        : vocabulary.texts());
        Objective objective = config.objective();
        if (objective == Objective.SIGLIP && config.textTower() == TextTower.LOCKED
                && tokenizer.dimension() != config.embeddingDim()) {
            throw new ConfigurationException("embedding-dim", "a locked text tower keeps the " + config.textEncoder().key()
                    + " embedding (" + tokenizer.dimension() + " values) as the text embedding, so the joint space has "
                    + tokenizer.dimension() + " dimensions, not " + config.embeddingDim(),
                    "pass --embedding-dim " + tokenizer.dimension() + " with --text-tower locked");
        }
        TextStrategy strategy = config.text();
        TextColumns texts = objective == Objective.BCE ? null
                : new TextColumns(strategy, vocabulary, tokenizer, excluded, heldOut.indices());
        BatchAssembler assembler = new BatchAssembler(data.signals(), data.pipeline(), sets, findings,
                new Augmentation(config.amplitudeScale(), config.leadDropout()), texts);
        int[] train = data.split().train();
        int[] validation = data.split().validation();
        if (train.length < 2 || validation.length == 0) {
            throw new ConfigurationException("train-folds / validation-folds", "the split has " + train.length
                    + " training and " + validation.length + " validation records", "choose folds that hold records");
        }
        int stepsPerEpoch = EpochPlan.of(train, config.batchSize(), config.seed(), 0).size();
        int totalSteps = stepsPerEpoch * config.epochs();

        RunStart.Resumed resumed = resume ? RunStart.resume(run, config) : null;
        TrainingState state = resume ? resumed.state()
                : RunStart.fresh(run, config, data, sets, texts, excluded, findings);
        ModelSpec spec = new ModelSpec(objective, config.encoderSpec(), data.pipeline().leads(),
                data.pipeline().inputLength(), findings, tokenizer.dimension(), config.textHidden(), (float) Math.log(10),
                state.logitBiasInit() == null ? 0f : state.logitBiasInit().floatValue(), config.textTower());
        if (resume) {
            RunStart.markUnfinished(run);
        } else {
            RunStart.writeDefinition(run, config, data, device, vocabulary, tokenizer, spec, heldOut.isEmpty() ? null
                    : heldOut.describe(vocabulary, train.length, trainBefore - train.length));
        }
        float[] keep = new float[findings];
        for (int f = 0; f < findings; f++) {
            keep[f] = excluded.get(f) ? 0f : 1f;
        }
        WarmupCosine schedule = schedule(config, totalSteps);
        int columns = texts == null ? 0 : texts.trainingColumns(config.batchSize());
        List<String> selected = heldOut.trainedCodes(vocabulary);
        long started = System.nanoTime();
        Path resumeFrom = resumed == null ? null : resumed.checkpoint();
        try (ModelSession session = ModelSession.forTraining(spec, devices, config.seed(), schedule,
                (float) config.weightDecay(), columns,
                resumeFrom == null ? null : resumeFrom.resolve(RunDirectory.PARAMS),
                resumeFrom == null ? null : resumeFrom.resolve(RunDirectory.OPTIMIZER));
             TrainingLog log = new TrainingLog(run, state.globalStep())) {
            if (!session.device().equals(device)) {
                throw new IllegalStateException("asked for " + device + " but DJL placed the model on " + session.device());
            }
            if (resumeFrom != null) {
                resumed.notes().forEach(monitor::onMessage);
                monitor.onMessage("resuming " + run.root() + " after epoch " + state.completedEpochs() + " from "
                        + run.root().relativize(resumeFrom));
            }
            TrainingStep step = new TrainingStep(session.trainer(), objective, config.labelMatrix(), strategy,
                    keep, (float) config.clipNorm(), devices, config.lossChunk());
            Scorer scorer = new Scorer(session, objective, texts == null ? null : texts.vocabularyColumns());
            monitor.onStart(config.variantName() + " on " + (devices.length == 1 ? device.toString()
                    : java.util.Arrays.toString(devices)), state.completedEpochs() + 1, config.epochs(),
                    stepsPerEpoch);
            for (int epoch = state.completedEpochs(); epoch < config.epochs(); epoch++) {
                state = epoch(config, data, run, session, step, scorer, assembler, log, monitor, schedule, state, epoch,
                        selected);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Evaluation validationEval = Validation.writeFinal(run, spec, device, data, objective,
                texts == null ? null : texts.vocabularyColumns(), selected);
        RunProvenance.finish(run.provenance(), seconds, Map.of("best_epoch", state.bestEpoch(),
                "completed_epochs", state.completedEpochs()));
        try {
            RunCurves.write(run);
        } catch (RuntimeException | LinkageError e) {
            // a picture is not worth the run: e.g. a headless machine without fonts; the metrics are written
            monitor.onMessage("warning: the training curves could not be drawn (" + e + "); draw them later with "
                    + "ecg curves --run " + run.root());
        }
        run.writeFinishedManifest();
        return new TrainingResult(run, state, validationEval, device.toString());
    }

    /** One epoch: steps, validation, checkpoints; returns the new state. */
    private static TrainingState epoch(TrainConfig config, TrainingData data, RunDirectory run, ModelSession session,
                                       TrainingStep step, Scorer scorer, BatchAssembler assembler, TrainingLog log,
                                       TrainingMonitor monitor, WarmupCosine schedule, TrainingState state, int epoch,
                                       List<String> selected) {
        EpochPlan plan = EpochPlan.of(data.split().train(), config.batchSize(), config.seed(), epoch);
        EpochStats stats = new EpochStats();
        long t0 = System.nanoTime();
        double waited;
        int globalStep = state.globalStep();
        Engine engine = Engine.getEngine("PyTorch");
        try (BatchStream stream = new BatchStream(plan, assembler, PREFETCH)) {
            for (HostBatch batch = stream.next(); batch != null; batch = stream.next()) {
                // the engine's generator draws dropout masks: a function of (seed, step), so a resume repeats them
                engine.setRandomSeed(stepSeed(config.seed(), globalStep));
                monitor.onBatch(epoch + 1, batch);
                TrainingStep.Result r = step.run(batch);
                globalStep++;
                stats.add(r);
                log.step(globalStep, epoch + 1, r, schedule.getNewValue(globalStep));
                monitor.onStep(epoch + 1, stats.steps, r);
            }
            waited = stream.waitSeconds();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Evaluation eval = Validation.evaluate(scorer, data, data.split().validation(), selected);
        double score = TrainingState.rank(config.selectBy().score(eval));
        double tiebreak = TrainingState.rank(eval.macroAuroc());
        boolean best = state.improvedBy(score, tiebreak);
        Double[] tb = temperatureAndBias(session);
        EpochSummary summary = stats.summary(epoch + 1, schedule.getNewValue(globalStep), eval, tb[0], tb[1],
                seconds, plan.size() * (double) config.batchSize() / seconds, waited / seconds, best);
        List<EpochSummary> history = new ArrayList<>(state.history());
        history.add(summary);
        TrainingState next = new TrainingState(epoch + 1, globalStep, best ? epoch + 1 : state.bestEpoch(),
                best ? score : state.bestScore(), best ? tiebreak : state.bestTiebreak(),
                state.logitBiasInit(), state.positiveRateEstimate(), history);
        log.epochs(history);
        if (best) {
            // with its optimizer state, so that a resume can start here when last/ is lost
            Checkpoints.write(run.bestCheckpoint(), dir -> {
                session.saveParameters(dir.resolve(RunDirectory.PARAMS));
                session.saveOptimizer(dir.resolve(RunDirectory.OPTIMIZER));
                writeState(dir.resolve(RunDirectory.STATE), next);
            });
        }
        Checkpoints.write(run.lastCheckpoint(), dir -> {
            session.saveParameters(dir.resolve(RunDirectory.PARAMS));
            session.saveOptimizer(dir.resolve(RunDirectory.OPTIMIZER));
            writeState(dir.resolve(RunDirectory.STATE), next);
        });
        monitor.onEpoch(summary, eval);
        return next;
    }

    private static WarmupCosine schedule(TrainConfig config, int totalSteps) {
        float lr = (float) config.learningRate();
        return switch (config.schedule()) {
            case CONSTANT -> new WarmupCosine(lr, lr, 0, totalSteps);
            case WARMUP_COSINE -> new WarmupCosine(lr, lr / 100, (int) Math.round(config.warmupFraction() * totalSteps),
                    totalSteps);
        };
    }

    /** A seed for the engine's generator at one step, mixing the run's seed and the step (SplitMix64). */
    static int stepSeed(long seed, int step) {
        long z = seed + 0x9E3779B97F4A7C15L * (step + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) ((z ^ (z >>> 31)) & 0x7fffffff);
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

    private static void writeState(Path file, TrainingState state) throws IOException {
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
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
