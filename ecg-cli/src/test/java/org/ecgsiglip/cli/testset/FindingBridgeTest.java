package org.ecgsiglip.cli.testset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.cli.challenge.ChallengeOption;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.cinc.CincVocabularies;
import org.ecgsiglip.io.findings.FindingsVocabulary;
import org.ecgsiglip.io.pipeline.CincDataSource;
import org.ecgsiglip.io.pipeline.PtbXlSource;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.ptbxl.PtbXlVocabularies;
import org.junit.jupiter.api.Test;

/** Which findings are scored across vocabularies, from where, and what is left out. */
class FindingBridgeTest {
    private static final PtbXlSource PTBXL = new PtbXlSource(Path.of("ptb-xl"), LabelLevel.SUPERDIAGNOSTIC, 100, false);
    private static final CincDataSource CINC = CincDataSource.scored(Path.of("cinc"), 10, 1);

    @Test
    void aBaselineCannotScoreWhatItHasNoCounterpartForAndTheChallengeTableShrinksToWhatItScores() {
        FindingsVocabulary superdiagnostic = PtbXlVocabularies.frozen(LabelLevel.SUPERDIAGNOSTIC);
        FindingBridge bce = FindingBridge.of(superdiagnostic, false, PTBXL, CINC, CincVocabularies.frozen(false));
        assertEquals(List.of("426783006"), bce.codes(), "only sinus rhythm has a counterpart (NORM)");
        assertEquals(List.of("NORM"), bce.columns().get(0).modelCodes());
        assertEquals(25, bce.leftOut().size());
        assertTrue(bce.leftOut().get(0).reason().contains("no text encoder"), bce.leftOut().get(0).reason());
        ChallengeOption restricted = ChallengeOption.challenge2021().restrictedTo(bce.codes());
        assertEquals(1, restricted.weights().size());
        assertEquals(25, restricted.left().size());

        FindingBridge siglip = FindingBridge.of(superdiagnostic, true, PTBXL, CINC, CincVocabularies.frozen(false));
        assertEquals(CincVocabularies.frozen(false).codes(), siglip.codes());
        assertEquals(25, siglip.zeroShotTexts().size());
        assertEquals("atrial fibrillation", siglip.zeroShotTexts().get(0));
        assertEquals(0, siglip.leftOut().size());

        FindingBridge form = FindingBridge.of(PtbXlVocabularies.frozen(LabelLevel.FORM), false, PTBXL, CINC,
                CincVocabularies.frozen(false));
        assertTrue(form.codes().stream().noneMatch("426783006"::equals), form.codes().toString());
        EvalInputException noSinus = assertThrows(EvalInputException.class,
                () -> ChallengeOption.challenge2021().restrictedTo(form.codes()));
        assertTrue(noSinus.getMessage().contains("sinus rhythm"), noSinus.getMessage());
    }

    @Test
    void carriedScoresAreTheMaximumOverStatementsAndZeroShotColumnsComeFromTheTexts() {
        FindingsVocabulary all = PtbXlVocabularies.frozen(LabelLevel.ALL);
        FindingBridge b = FindingBridge.of(all, true, PTBXL, CINC, CincVocabularies.frozen(false));
        // the five classes PTB-XL has no statement for, at any level (see the mapping table)
        assertEquals(List.of("6374002", "426627000", "39732003", "365413008", "47665007"), b.zeroShotCodes());
        int k = all.size();
        double[][] v = new double[2][k];
        for (int j = 0; j < k; j++) {
            v[0][j] = (j + 1.0) / (k + 1);
            v[1][j] = 1 - v[0][j];
        }
        ScoreMatrix model = new ScoreMatrix(List.of("r1", "r2"), all.codes(), v);
        double[][] z = {{0.11, 0.12, 0.13, 0.14, 0.15}, {0.21, 0.22, 0.23, 0.24, 0.25}};
        ScoreMatrix zero = new ScoreMatrix(List.of("r1", "r2"), b.zeroShotCodes(), z);
        ScoreMatrix s = b.scores(model, zero);
        int twa = s.codes().indexOf("164934002");
        for (int r = 0; r < 2; r++) {
            double max = Math.max(model.score(r, all.indexOf("NDT")), Math.max(model.score(r, all.indexOf("NT_")),
                    model.score(r, all.indexOf("TAB_"))));
            assertEquals(max, s.score(r, twa), 0, "T wave abnormality: max of NDT, NT_, TAB_");
            assertEquals(Math.max(model.score(r, all.indexOf("SR")), model.score(r, all.indexOf("NORM"))),
                    s.score(r, s.codes().indexOf("426783006")), 0);
            assertEquals(z[r][1], s.score(r, s.codes().indexOf("426627000")), 0, "bradycardia zero-shot");
        }
    }

    @Test
    void aCincModelOnPtbXlKeepsItsScoredClassesThatHaveStatements() {
        CincDataSource withUnscored = new CincDataSource(Path.of("cinc"), Cinc.Unscored.INCLUDE, false,
                new CincDataSource.Stratified(10, 1));
        FindingsVocabulary model = CincVocabularies.frozen(true);
        PtbXlSource data = new PtbXlSource(Path.of("ptb-xl"), LabelLevel.ALL, 100, false);
        FindingBridge b = FindingBridge.of(model, true, withUnscored, data, PtbXlVocabularies.frozen(LabelLevel.ALL));
        assertEquals(21, b.codes().size());
        FindingBridge.Column sr = b.columns().get(b.codes().indexOf("426783006"));
        assertEquals(List.of("SR", "NORM"), sr.truthCodes().stream().sorted((x, y) -> y.compareTo(x)).toList());
        assertEquals(FindingBridge.From.MODEL, sr.from());
        assertEquals(model.size() - 21, b.leftOut().size());
        assertTrue(b.leftOut().stream().anyMatch(l -> l.reason().startsWith("not a scored class")));
        EvalInputException other = assertThrows(EvalInputException.class, () -> FindingBridge.of(
                PtbXlVocabularies.frozen(LabelLevel.RHYTHM), true, PTBXL, PTBXL,
                PtbXlVocabularies.frozen(LabelLevel.SUPERDIAGNOSTIC)));
        assertTrue(other.getMessage().contains("differ from the dataset's"), other.getMessage());
    }
}
