package org.ecgsiglip.eval.calibration;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.eval.csv.MatrixCsv;

/** The fixtures written by {@code src/test/resources/org/ecgsiglip/eval/calibration/make_expected.py}. */
final class CalibrationFixtures {
    private CalibrationFixtures() {
    }

    static Path dir(String name) {
        URL url = CalibrationFixtures.class.getResource("/org/ecgsiglip/eval/calibration/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static ScoreMatrix scores(String name) {
        return MatrixCsv.readScores(dir(name).resolve("scores.csv"));
    }

    static TruthMatrix truth(String name) {
        return MatrixCsv.readTruth(dir(name).resolve("truth.csv"));
    }
}
