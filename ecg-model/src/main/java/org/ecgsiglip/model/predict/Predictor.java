package org.ecgsiglip.model.predict;

import ai.djl.Device;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.EcgRecord;
import org.ecgsiglip.io.RecordReader;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.model.text.TextTokenizer;
import org.ecgsiglip.model.train.Augmentation;
import org.ecgsiglip.model.train.Checkpoints;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.Devices;
import org.ecgsiglip.model.train.ModelFiles;
import org.ecgsiglip.model.train.ModelSession;
import org.ecgsiglip.model.train.ModelSpec;
import org.ecgsiglip.model.train.Objective;
import org.ecgsiglip.model.train.RunDirectory;
import org.ecgsiglip.model.train.Scorer;
import org.ecgsiglip.model.train.TextColumns;
import org.ecgsiglip.model.train.TrainingDataLoader;

/**
 * A trained model ready to answer: for one ECG, the probability of every finding and the set predicted
 * at the thresholds (0.5 unless others are set, e.g. the run's {@code thresholds.json} tuned on
 * validation). A SigLIP model also scores finding texts it never saw, without retraining.
 *
 * <p>Records go through the same preprocessing as training (from the run's configuration) and, when
 * the model reads shorter windows than the stored records, the same centre window as validation.
 */
public final class Predictor implements AutoCloseable {
    private static final int BATCH = 64;

    private final ModelSession session;
    private final FindingsVocabulary vocabulary;
    private final TextTokenizer tokenizer;
    private final Preprocessing preprocessing;
    private final Scorer scorer;
    private final Thresholds thresholds; // 0.5 for every finding
    private final Path tunedThresholds;

    private Predictor(ModelSession session, FindingsVocabulary vocabulary, TextTokenizer tokenizer,
                      Preprocessing preprocessing, Thresholds thresholds, Path tunedThresholds) {
        this.session = session;
        this.vocabulary = vocabulary;
        this.tokenizer = tokenizer;
        this.preprocessing = preprocessing;
        this.thresholds = thresholds;
        this.tunedThresholds = tunedThresholds;
        this.scorer = new Scorer(session, session.spec().objective(), tokenizer == null ? null : columns(vocabulary.texts()));
    }

    /** Loads the best checkpoint of a run folder onto {@code device} ("cpu", "gpu", "gpu:N"). */
    public static Predictor load(Path runDir, String device) {
        RunDirectory run = new RunDirectory(runDir);
        if (!Files.isRegularFile(run.model())) {
            throw new EcgException(runDir, null, "not a run folder (no model.json)", "point at a folder written by 'ecg train'");
        }
        Path best = Checkpoints.find(run.bestCheckpoint()).orElseThrow(() -> new EcgException(runDir, null,
                "the run has no best checkpoint yet", "let the run finish at least one epoch (or --resume it)"));
        ModelSpec spec = ModelFiles.readSpec(run.model());
        FindingsVocabulary vocabulary = FindingsVocabulary.read(run.vocabulary());
        TextTokenizer tokenizer = spec.objective() == Objective.SIGLIP ? ModelFiles.readTokenizer(run.tokenizer()) : null;
        Preprocessing prep = TrainingDataLoader.preprocessing(ConfigFiles.read(run.config()));
        Device d = Devices.resolve(device);
        ModelSession session = ModelSession.forInference(spec, d, best.resolve(RunDirectory.PARAMS));
        return new Predictor(session, vocabulary, tokenizer, prep, Thresholds.fixed(Thresholds.DEFAULT,
                vocabulary.codes()), Files.isRegularFile(run.thresholds()) ? run.thresholds() : null);
    }

    /** The thresholds tuned for F1 on the run's validation set, if it wrote them. */
    public Thresholds tunedThresholds() {
        if (tunedThresholds == null) {
            throw new EcgException(null, "thresholds", "this run has no thresholds.json", "use the default 0.5");
        }
        return Thresholds.read(tunedThresholds);
    }

    public FindingsVocabulary vocabulary() {
        return vocabulary;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    /** Probabilities of every finding and the set predicted at threshold 0.5. */
    public Prediction predict(EcgRecord record) {
        return predict(record, thresholds);
    }

    /** Probabilities of every finding and the set predicted at {@code thresholds} (e.g. {@link #tunedThresholds()}). */
    public Prediction predict(EcgRecord record, Thresholds thresholds) {
        double[] p = scorer.score(input(record), 1, perRecord())[0];
        Map<String, Double> probs = new LinkedHashMap<>();
        Set<String> predicted = new LinkedHashSet<>();
        for (int k = 0; k < p.length; k++) {
            String code = vocabulary.get(k).code();
            probs.put(code, p[k]);
            if (p[k] >= thresholds.of(code)) {
                predicted.add(code);
            }
        }
        return new Prediction(record.recordId(), probs, predicted);
    }

    /** Reads, preprocesses and scores records (paths with or without .hea); ids are the records' names. */
    public ScoreMatrix scoreRecords(List<Path> records) {
        List<String> ids = new ArrayList<>();
        double[][] values = new double[records.size()][];
        int per = perRecord();
        for (int start = 0; start < records.size(); start += BATCH) {
            int n = Math.min(BATCH, records.size() - start);
            float[] signals = new float[n * per];
            for (int b = 0; b < n; b++) {
                EcgRecord r = RecordReader.read(records.get(start + b));
                ids.add(r.recordId());
                System.arraycopy(input(r), 0, signals, b * per, per);
            }
            double[][] part = scorer.score(signals, n, per);
            System.arraycopy(part, 0, values, start, n);
        }
        return new ScoreMatrix(ids, vocabulary.codes(), values);
    }

    /** σ(logit) of one record against arbitrary finding texts: new findings scored without retraining. */
    public double[] scoreTexts(EcgRecord record, List<String> texts) {
        if (tokenizer == null) {
            throw new EcgException(null, "--model", "the supervised baseline has no text encoder",
                    "score new finding texts with a SigLIP run");
        }
        Scorer custom = new Scorer(session, Objective.SIGLIP, columns(texts));
        return custom.score(input(record), 1, perRecord())[0];
    }

    private TextColumns.Columns columns(List<String> texts) {
        int dim = tokenizer.dimension();
        float[] features = new float[texts.size() * dim];
        for (int j = 0; j < texts.size(); j++) {
            tokenizer.addFeatures(texts.get(j), features, j * dim);
        }
        return new TextColumns.Columns(texts.size(), dim, features, new float[texts.size() * vocabulary.size()]);
    }

    private int perRecord() {
        return session.spec().leads() * session.spec().length();
    }

    /** Preprocessed as in training, centre window of the model's input length, [leads × length] lead-major. */
    private float[] input(EcgRecord record) {
        float[][] leads = preprocessing.apply(record);
        int length = session.spec().length();
        int start = Augmentation.cropOffset(leads[0].length, length, null);
        float[] out = new float[leads.length * length];
        for (int k = 0; k < leads.length; k++) {
            System.arraycopy(leads[k], start, out, k * length, length);
        }
        return out;
    }

    @Override
    public void close() {
        session.close();
    }
}
