package org.ecgsiglip.model.predict;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.calibration.LogitCalibration;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.pipeline.InputPipeline;
import org.ecgsiglip.io.pipeline.SignalSource;
import org.ecgsiglip.model.core.Devices;
import org.ecgsiglip.model.core.ModelSession;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.core.Scorer;
import org.ecgsiglip.model.folder.ModelFolder;
import org.ecgsiglip.model.text.TextColumns;
import org.ecgsiglip.model.text.TextFeatures;

/**
 * A trained model ready to answer: for one ECG, the probability of every finding and the set predicted
 * at the thresholds (0.5 unless others are set, e.g. the run's {@code thresholds.json} tuned on
 * validation). A SigLIP model also scores finding texts it never saw, without retraining.
 *
 * <p>The model folder is verified when it is opened ({@link ModelFolder}). Records go through the
 * folder's {@link InputPipeline} — the same preprocessing, rounding, windows and aggregation as
 * validation — and the same {@link Scorer} path, so that a record is scored exactly as validation
 * scored it.
 */
public final class Predictor implements AutoCloseable {
    private final ModelFolder folder;
    private final ModelSession session;
    private final Scorer scorer;
    private final Thresholds thresholds; // 0.5 for every finding
    private final LogitCalibration calibration; // null: probabilities as the model gives them

    /**
     * How to use a model folder.
     *
     * @param allowUnfinished use the best checkpoint of a run that has not finished (still verified)
     * @param calibrated apply the folder's {@code calibration.json} (fitted on validation by
     *     {@code ecg calibrate}) to every probability
     */
    public record Options(boolean allowUnfinished, boolean calibrated) {
        /** A finished model, its probabilities as they are. */
        public static final Options DEFAULT = new Options(false, false);
    }

    private Predictor(ModelFolder folder, ModelSession session, LogitCalibration calibration) {
        this.folder = folder;
        this.session = session;
        this.calibration = calibration;
        this.thresholds = Thresholds.fixed(Thresholds.DEFAULT, folder.vocabulary().codes());
        this.scorer = new Scorer(session, folder.spec().objective(),
                folder.textFeatures() == null ? null : columns(folder.vocabulary().texts()));
    }

    /** Loads the verified best checkpoint of a finished run onto {@code device} ("cpu", "gpu", "gpu:N"). */
    public static Predictor load(Path runDir, String device) {
        return load(runDir, device, false);
    }

    /**
     * As {@link #load(Path, String)}; with {@code allowUnfinished}, a run that has not finished is used
     * with its best checkpoint so far (still verified).
     */
    public static Predictor load(Path runDir, String device, boolean allowUnfinished) {
        return load(runDir, device, new Options(allowUnfinished, false));
    }

    /** As {@link #load(Path, String)}, with {@code options}. */
    public static Predictor load(Path runDir, String device, Options options) {
        ModelFolder folder = ModelFolder.open(runDir, options.allowUnfinished());
        LogitCalibration calibration = null;
        if (options.calibrated()) {
            calibration = LogitCalibration.read(folder.calibration().orElseThrow(() -> new EcgException(runDir, null,
                    "the model has no calibration.json", "fit one on its validation set: ecg calibrate --model "
                            + runDir)));
            if (calibration.shared().isEmpty()) {
                for (String code : folder.vocabulary().codes()) {
                    calibration.map(code); // a per-finding fit must cover every finding
                }
            }
        }
        Device d = Devices.resolve(device);
        return new Predictor(folder, ModelSession.forInference(folder.spec(), d, folder.params()), calibration);
    }

    /** The calibration applied to every probability, if any. */
    public java.util.Optional<LogitCalibration> calibration() {
        return java.util.Optional.ofNullable(calibration);
    }

    /** The thresholds tuned for F1 on the run's validation set, if it wrote them. */
    public Thresholds tunedThresholds() {
        return Thresholds.read(folder.thresholds().orElseThrow(() -> new EcgException(folder.run().root(),
                "thresholds", "this run has no thresholds.json", "use the default 0.5")), vocabulary().codes());
    }

    public FindingsVocabulary vocabulary() {
        return folder.vocabulary();
    }

    /** How records become the model's input. */
    public InputPipeline pipeline() {
        return folder.pipeline();
    }

    /** The verified model folder. */
    public ModelFolder folder() {
        return folder;
    }

    /** Probabilities of every finding and the set predicted at threshold 0.5. */
    public Prediction predict(EcgRecord record) {
        return predict(record, thresholds);
    }

    /** Probabilities of every finding and the set predicted at {@code thresholds} (e.g. {@link #tunedThresholds()}). */
    public Prediction predict(EcgRecord record, Thresholds thresholds) {
        double[] p = calibrated(scorer.score(stored(List.of(pipeline().prepare(record))), new int[] {0},
                pipeline()))[0];
        Map<String, Double> probs = new LinkedHashMap<>();
        Set<String> predicted = new LinkedHashSet<>();
        for (int k = 0; k < p.length; k++) {
            String code = vocabulary().get(k).code();
            probs.put(code, p[k]);
            if (p[k] >= thresholds.of(code)) {
                predicted.add(code);
            }
        }
        return new Prediction(record.recordId(), probs, predicted);
    }

    /** Reads, prepares and scores records (paths with or without .hea); ids are the records' names. */
    public ScoreMatrix scoreRecords(List<Path> records) {
        return scoreRecords(records, scorer, vocabulary().codes(), this::calibrated);
    }

    /**
     * Reads, prepares and scores records against findings given as texts ({@link FindingTexts}): one column per
     * given code, in the file's order, each scored from its given text alone — new findings without retraining,
     * and a vocabulary finding under another wording. Nothing in the model folder is read beyond what
     * {@link #load} verified, and nothing is written to it. A shared-temperature calibration applies to every
     * column; a per-finding calibration has no map for a text it never saw and is refused.
     */
    public ScoreMatrix scoreRecords(List<Path> records, FindingTexts findings) {
        if (folder.textFeatures() == null) {
            throw new EcgException(folder.run().root(), "--findings", "the supervised baseline has no text encoder: it "
                    + "scores only the findings it was trained on", "score findings given as texts with a SigLIP run");
        }
        if (calibration != null && calibration.shared().isEmpty()) {
            throw new EcgException(folder.calibration().orElse(null), "--findings", "this model's calibration is fitted "
                    + "per finding, and has no map for a text it never saw", "leave out --calibrated, or fit a shared "
                    + "calibration (ecg calibrate) for findings given as texts");
        }
        Scorer custom = new Scorer(session, Objective.SIGLIP, columns(findings.textList()));
        return scoreRecords(records, custom, findings.codes(), p -> {
            if (calibration != null) {
                var map = calibration.shared().get().map();
                for (double[] row : p) {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = map.apply(row[k]);
                    }
                }
            }
            return p;
        });
    }

    private ScoreMatrix scoreRecords(List<Path> records, Scorer with, List<String> codes,
                                     java.util.function.UnaryOperator<double[][]> calibrate) {
        List<String> ids = new ArrayList<>(records.size());
        double[][] values = new double[records.size()][];
        for (int start = 0; start < records.size(); start += Scorer.BATCH) {
            int n = Math.min(Scorer.BATCH, records.size() - start);
            List<float[]> prepared = new ArrayList<>(n);
            for (int b = 0; b < n; b++) {
                EcgRecord r = RecordReader.read(records.get(start + b));
                ids.add(r.recordId());
                prepared.add(pipeline().prepare(r));
            }
            int[] all = new int[n];
            java.util.Arrays.setAll(all, i -> i);
            double[][] part = calibrate.apply(with.score(stored(prepared), all, pipeline()));
            System.arraycopy(part, 0, values, start, n);
        }
        return new ScoreMatrix(ids, codes, values);
    }

    /**
     * Scores records already in the pipeline's stored form ({@link InputPipeline#prepare}), e.g. prepared
     * in parallel elsewhere: record {@code i} of {@code stored} for {@code i < count}.
     */
    public double[][] scoreStored(SignalSource stored, int count) {
        int[] all = new int[count];
        java.util.Arrays.setAll(all, i -> i);
        return calibrated(scorer.score(stored, all, pipeline()));
    }

    /** The probabilities through the calibration, finding by finding (unchanged without one). */
    private double[][] calibrated(double[][] p) {
        if (calibration == null) {
            return p;
        }
        List<String> codes = vocabulary().codes();
        for (int k = 0; k < codes.size(); k++) {
            var map = calibration.map(codes.get(k));
            for (double[] row : p) {
                row[k] = map.apply(row[k]);
            }
        }
        return p;
    }

    /**
     * σ(logit) of one record against arbitrary finding texts: new findings scored without retraining. With
     * a shared-temperature calibration, the shared map applies to new texts too; a per-finding calibration
     * has no map for a text it never saw, so those probabilities stay uncalibrated. With a {@code minilm}
     * model, a text outside the model's vocabulary is embedded by the sentence encoder, which must then be on
     * the class path (module {@value org.ecgsiglip.model.text.TextEncoderKind#MINILM_MODULE}).
     */
    public double[] scoreTexts(EcgRecord record, List<String> texts) {
        if (folder.textFeatures() == null) {
            throw new EcgException(null, "--model", "the supervised baseline has no text encoder",
                    "score new finding texts with a SigLIP run");
        }
        Scorer custom = new Scorer(session, Objective.SIGLIP, columns(texts));
        double[] p = custom.score(stored(List.of(pipeline().prepare(record))), new int[] {0}, pipeline())[0];
        if (calibration != null && calibration.shared().isPresent()) {
            var map = calibration.shared().get().map();
            for (int k = 0; k < p.length; k++) {
                p[k] = map.apply(p[k]);
            }
        }
        return p;
    }

    private SignalSource stored(List<float[]> prepared) {
        return SignalSource.inMemory(prepared.toArray(new float[0][]), pipeline().leads(), pipeline().storedLength());
    }

    private TextColumns.Columns columns(List<String> texts) {
        TextFeatures tokenizer = folder.textFeatures();
        int dim = tokenizer.dimension();
        float[] features = new float[texts.size() * dim];
        for (int j = 0; j < texts.size(); j++) {
            tokenizer.addFeatures(texts.get(j), features, j * dim);
        }
        return new TextColumns.Columns(texts.size(), dim, features, new float[texts.size() * vocabulary().size()],
                texts);
    }

    @Override
    public void close() {
        session.close();
    }
}
