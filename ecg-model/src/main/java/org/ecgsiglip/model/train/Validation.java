package org.ecgsiglip.model.train;

import ai.djl.Device;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.EvaluationOptions;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.ScoreCsv;
import org.ecgsiglip.eval.report.ReportWriter;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.model.core.ModelSession;
import org.ecgsiglip.model.core.ModelSpec;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.core.Scorer;
import org.ecgsiglip.model.folder.Checkpoints;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.text.TextColumns;

/**
 * Scores a split with the model and evaluates it with ecg-eval; at the end of a run, writes the best
 * model's validation evaluation, its scores and truth (in the {@code ecg evaluate} CSV layout), and
 * per-finding thresholds tuned for F1 on the validation set. Scoring goes through
 * {@link Scorer#score(org.ecgsiglip.io.pipeline.SignalSource, int[], org.ecgsiglip.io.pipeline.InputPipeline)},
 * the same path {@code ecg predict} takes.
 */
public final class Validation {
    private Validation() {
    }

    /** Scores of {@code indices} as a {@link ScoreMatrix} over the vocabulary's codes. */
    public static ScoreMatrix scores(Scorer scorer, TrainingData data, int[] indices) {
        double[][] values = scorer.score(data.signals(), indices, data.pipeline());
        return new ScoreMatrix(recordIds(data.dataset(), indices), data.dataset().vocabulary().codes(), values);
    }

    /** The truth of {@code indices} as a {@link TruthMatrix}. */
    public static TruthMatrix truth(LabeledDataset dataset, int[] indices) {
        int k = dataset.vocabulary().size();
        boolean[][] v = new boolean[indices.length][k];
        for (int i = 0; i < indices.length; i++) {
            for (int f : dataset.records().get(indices[i]).findings()) {
                v[i][f] = true;
            }
        }
        return new TruthMatrix(recordIds(dataset, indices), dataset.vocabulary().codes(), v);
    }

    /**
     * Per-finding evaluation at threshold 0.5 of the findings {@code selected} (the trained ones: a zero-shot
     * run never selects its epoch on a held-out finding); no bootstrap: this runs every epoch.
     */
    static Evaluation evaluate(Scorer scorer, TrainingData data, int[] indices, List<String> selected) {
        ScoreMatrix s = only(scores(scorer, data, indices), selected);
        return Evaluator.evaluate(s, truth(data.dataset(), indices), Thresholds.fixed(Thresholds.DEFAULT, s.codes()));
    }

    /** The columns {@code codes} of {@code scores}, in that order (the same matrix when they are all of it). */
    static ScoreMatrix only(ScoreMatrix scores, List<String> codes) {
        if (codes.equals(scores.codes())) {
            return scores;
        }
        int[] at = codes.stream().mapToInt(scores.codes()::indexOf).toArray();
        double[][] v = new double[scores.records()][at.length];
        for (int r = 0; r < v.length; r++) {
            for (int k = 0; k < at.length; k++) {
                v[r][k] = scores.score(r, at[k]);
            }
        }
        return new ScoreMatrix(scores.recordIds(), codes, v);
    }

    /**
     * Loads the best checkpoint, scores validation, and writes validation/ (scores and truth of every finding,
     * the evaluation of the {@code selected} ones) and thresholds.json: tuned for F1 on the selected findings;
     * any other (held-out) finding keeps {@value Thresholds#DEFAULT}, since tuning it on validation labels would
     * be training on them.
     */
    static Evaluation writeFinal(RunDirectory run, ModelSpec spec, Device device, TrainingData data, Objective objective,
                                 TextColumns.Columns vocabularyColumns, List<String> selected) {
        Path best = Checkpoints.verified(run.bestCheckpoint()).orElseThrow(() ->
                new IllegalStateException("no best checkpoint in " + run.root()));
        int[] val = data.split().validation();
        try (ModelSession session = ModelSession.forInference(spec, device, best.resolve(RunDirectory.PARAMS))) {
            Scorer scorer = new Scorer(session, objective, vocabularyColumns);
            ScoreMatrix scores = scores(scorer, data, val);
            TruthMatrix truth = truth(data.dataset(), val);
            ScoreCsv.write(scores, run.validationScores());
            ScoreCsv.write(truth, run.validation().resolve("truth.csv"));
            ScoreMatrix trained = only(scores, selected);
            Evaluation eval = Evaluator.evaluate(trained, truth, Thresholds.fixed(Thresholds.DEFAULT, trained.codes()),
                    EvaluationOptions.builder().optInput("scores.csv", scores.sha256())
                            .optInput("truth.csv", truth.sha256()).build());
            ReportWriter.writeAll(eval, run.validation());
            Thresholds tuned = Thresholds.tuneForF1(trained, truth);
            if (!selected.equals(scores.codes())) {
                java.util.Map<String, Double> all = new java.util.LinkedHashMap<>();
                for (String code : scores.codes()) {
                    all.put(code, tuned.perFinding().getOrDefault(code, Thresholds.DEFAULT));
                }
                tuned = Thresholds.perFinding(all, tuned.origin() + "; held-out findings keep " + Thresholds.DEFAULT
                        + " (not tuned: zero-shot)");
            }
            tuned.write(run.thresholds());
            return eval;
        }
    }

    private static List<String> recordIds(LabeledDataset dataset, int[] indices) {
        List<String> ids = new ArrayList<>(indices.length);
        for (int i : indices) {
            ids.add(dataset.records().get(i).recordId());
        }
        return ids;
    }
}
