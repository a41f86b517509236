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
import org.ecgsiglip.eval.report.ReportWriter;
import org.ecgsiglip.io.dataset.LabeledDataset;
import org.ecgsiglip.model.predict.ScoreCsv;

/**
 * Scores a split with the model and evaluates it with ecg-eval; at the end of a run, writes the best
 * model's validation evaluation, its scores and truth (in the {@code ecg evaluate} CSV layout), and
 * per-finding thresholds tuned for F1 on the validation set.
 */
public final class Validation {
    private Validation() {
    }

    /** Scores of {@code indices} as a {@link ScoreMatrix} over the vocabulary's codes. */
    public static ScoreMatrix scores(Scorer scorer, BatchAssembler assembler, LabeledDataset dataset, int[] indices,
                                     int batchSize) {
        double[][] values = scorer.score(assembler, indices, batchSize);
        return new ScoreMatrix(recordIds(dataset, indices), dataset.vocabulary().codes(), values);
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

    /** Per-finding evaluation at threshold 0.5 (no bootstrap: this runs every epoch). */
    static Evaluation evaluate(Scorer scorer, BatchAssembler assembler, TrainingData data, int[] indices, int batchSize) {
        ScoreMatrix s = scores(scorer, assembler, data.dataset(), indices, batchSize);
        return Evaluator.evaluate(s, truth(data.dataset(), indices), Thresholds.fixed(Thresholds.DEFAULT, s.codes()));
    }

    /** Loads the best checkpoint, scores validation, and writes validation/, thresholds.json. */
    static Evaluation writeFinal(RunDirectory run, ModelSpec spec, Device device, TrainingData data, Objective objective,
                                 TextColumns.Columns vocabularyColumns, BatchAssembler assembler, int batchSize) {
        Path best = Checkpoints.find(run.bestCheckpoint()).orElseThrow(() ->
                new IllegalStateException("no best checkpoint in " + run.root()));
        int[] val = data.split().validation();
        try (ModelSession session = ModelSession.forInference(spec, device, best.resolve(RunDirectory.PARAMS))) {
            Scorer scorer = new Scorer(session, objective, vocabularyColumns);
            ScoreMatrix scores = scores(scorer, assembler, data.dataset(), val, batchSize);
            TruthMatrix truth = truth(data.dataset(), val);
            ScoreCsv.write(scores, run.validationScores());
            ScoreCsv.write(truth, run.validation().resolve("truth.csv"));
            Evaluation eval = Evaluator.evaluate(scores, truth, Thresholds.fixed(Thresholds.DEFAULT, scores.codes()),
                    EvaluationOptions.builder().optInput("scores.csv", scores.sha256())
                            .optInput("truth.csv", truth.sha256()).build());
            ReportWriter.writeAll(eval, run.validation());
            Thresholds.tuneForF1(scores, truth).write(run.thresholds());
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
