package org.ecgsiglip.model.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.eval.Evaluator;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.model.folder.RunDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which epoch a run keeps: by validation AUROC or F1 at 0.5, ties by AUROC, never none. */
class SelectionRuleTest {
    @TempDir
    java.nio.file.Path tmp;

    /** Two findings, four records; scores chosen so that AUROC and F1@0.5 disagree. */
    private static Evaluation evaluation(double[][] scores) {
        List<String> ids = List.of("r1", "r2", "r3", "r4");
        List<String> codes = List.of("A", "B");
        boolean[][] truth = {{true, false}, {false, true}, {true, true}, {false, false}};
        return Evaluator.evaluate(new ScoreMatrix(ids, codes, scores), new TruthMatrix(ids, codes, truth),
                Thresholds.fixed(0.5));
    }

    @Test
    void aurocAndF1RankTheSameEpochsDifferently() {
        // epoch x: perfect ranking, every probability below 0.5 -> AUROC 1, F1@0.5 0
        Evaluation ranked = evaluation(new double[][] {{0.4, 0.1}, {0.1, 0.4}, {0.4, 0.4}, {0.1, 0.1}});
        // epoch y: every probability 0.6 -> AUROC 0.5 (all tied), F1@0.5 = 2*0.5/(1+0.5) = 2/3 per finding
        Evaluation flat = evaluation(new double[][] {{0.6, 0.6}, {0.6, 0.6}, {0.6, 0.6}, {0.6, 0.6}});
        assertEquals(1.0, SelectBy.MACRO_AUROC.score(ranked), 1e-12);
        assertEquals(0.5, SelectBy.MACRO_AUROC.score(flat), 1e-12);
        assertEquals(0.0, SelectBy.MACRO_F1.score(ranked), 1e-12);
        assertEquals(2.0 / 3, SelectBy.MACRO_F1.score(flat), 1e-12);

        TrainingState afterRanked = after(TrainingState.start(-10.0, 0.3), 1, SelectBy.MACRO_AUROC, ranked);
        assertFalse(afterRanked.improvedBy(SelectBy.MACRO_AUROC.score(flat), flat.macroAuroc()),
                "by AUROC the flat epoch does not replace the ranked one");
        TrainingState byF1 = after(TrainingState.start(-10.0, 0.3), 1, SelectBy.MACRO_F1, ranked);
        assertTrue(byF1.improvedBy(SelectBy.MACRO_F1.score(flat), flat.macroAuroc()),
                "by F1 at 0.5 it does");
    }

    @Test
    void tiesAreBrokenByAurocAndAnUndefinedMetricStillKeepsTheFirstEpoch() {
        TrainingState first = TrainingState.start(-10.0, 0.3);
        assertTrue(first.improvedBy(TrainingState.rank(Double.NaN), TrainingState.rank(Double.NaN)),
                "the first epoch is kept even when its validation AUROC is undefined");
        TrainingState kept = new TrainingState(1, 10, 1, TrainingState.rank(Double.NaN),
                TrainingState.rank(Double.NaN), -10.0, 0.3, List.of());
        assertTrue(kept.improvedBy(0.2, 0.6), "any defined score beats an undefined one");
        TrainingState zeroF1 = new TrainingState(1, 10, 1, 0.0, 0.7, -10.0, 0.3, List.of());
        assertTrue(zeroF1.improvedBy(0.0, 0.8), "equal F1, higher AUROC");
        assertFalse(zeroF1.improvedBy(0.0, 0.7), "equal on both: the earlier epoch stays");
        assertFalse(zeroF1.improvedBy(TrainingState.rank(Double.NaN), 0.9), "undefined never beats defined");
    }

    @Test
    void theDefaultRuleIsAurocAndATrainedRunKeepsTheEpochOfBestValidationAuroc() {
        TrainConfig config = SmallData.config(Map.of("epochs", 3));
        assertEquals(SelectBy.MACRO_AUROC, ConfigFiles.resolve(null, Map.of()).selectBy());
        TrainingResult r = Training.run(config, SmallData.get(), new RunDirectory(tmp.resolve("run")), false,
                TrainingMonitor.SILENT);
        List<EpochSummary> h = r.state().history();
        int best = 0;
        for (int i = 1; i < h.size(); i++) {
            if (h.get(i).valMacroAuroc() > h.get(best).valMacroAuroc()) {
                best = i;
            }
        }
        assertEquals(best + 1, r.state().bestEpoch(), "the kept epoch has the highest validation AUROC");
        assertEquals(h.get(best).valMacroAuroc(), r.validation().macroAuroc(), 1e-12,
                "and the run's validation is that epoch's");
    }

    private static TrainingState after(TrainingState s, int epoch, SelectBy rule, Evaluation e) {
        double score = TrainingState.rank(rule.score(e));
        assertTrue(s.improvedBy(score, e.macroAuroc()));
        return new TrainingState(epoch, epoch * 10, epoch, score, TrainingState.rank(e.macroAuroc()),
                s.logitBiasInit(), s.positiveRateEstimate(), List.of());
    }
}
