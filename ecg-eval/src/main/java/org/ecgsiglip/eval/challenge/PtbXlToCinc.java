package org.ecgsiglip.eval.challenge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.eval.Decisions;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.Thresholds;
import org.ecgsiglip.eval.TruthMatrix;
import org.ecgsiglip.io.cinc.PtbXlMapping;
import org.ecgsiglip.io.findings.Finding;

/**
 * Carries a PTB-XL model's outputs over to the CinC 2021 scored classes through a
 * {@link PtbXlMapping} (by default the bundled SCP-to-SNOMED table). A class fed by several
 * statements (sinus rhythm from {@code SR} and {@code NORM}) takes the maximum of their scores, and
 * is output when any of them is output ({@code score >= threshold} with each statement's own
 * threshold; with one threshold for all, the same as thresholding the maximum). Classes with no
 * counterpart among the score columns are not in the result: {@link #zeroShot} lists them, for
 * scoring by their texts instead.
 */
public final class PtbXlToCinc {
    private final PtbXlMapping mapping;

    private PtbXlToCinc(PtbXlMapping mapping) {
        this.mapping = mapping;
    }

    /** Through the bundled table. */
    public static PtbXlToCinc bundled() {
        return new PtbXlToCinc(PtbXlMapping.bundled());
    }

    public static PtbXlToCinc of(PtbXlMapping mapping) {
        return new PtbXlToCinc(mapping);
    }

    /**
     * Scores over the scored classes that have a counterpart among {@code ptbxl}'s columns, in the
     * order of {@code cinc2021-scored}, columns named by the classes' canonical codes; each is the
     * maximum over its statements' columns.
     *
     * @throws EvalInputException when no column maps to a scored class
     */
    public ScoreMatrix scores(ScoreMatrix ptbxl) {
        Map<String, List<String>> counterparts = counterparts(ptbxl);
        int[][] columns = columns(counterparts, ptbxl.codes());
        double[][] out = new double[ptbxl.records()][columns.length];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int j : columns[c]) {
                    m = Math.max(m, ptbxl.score(r, j));
                }
                out[r][c] = m;
            }
        }
        return new ScoreMatrix(ptbxl.recordIds(), List.copyOf(counterparts.keySet()), out);
    }

    /**
     * Binary outputs over the same classes as {@link #scores}: a class is output when any of its
     * statements is ({@link Decisions}, {@code score >= threshold}).
     */
    public TruthMatrix outputs(ScoreMatrix ptbxl, Thresholds thresholds) {
        Map<String, List<String>> counterparts = counterparts(ptbxl);
        int[][] columns = columns(counterparts, ptbxl.codes());
        boolean[][] decided = Decisions.predict(ptbxl, thresholds, false);
        boolean[][] out = new boolean[ptbxl.records()][columns.length];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                for (int j : columns[c]) {
                    out[r][c] |= decided[r][j];
                }
            }
        }
        return new TruthMatrix(ptbxl.recordIds(), List.copyOf(counterparts.keySet()), out);
    }

    /** The scored classes none of {@code ptbxlCodes} maps to. */
    public List<Finding> zeroShot(List<String> ptbxlCodes) {
        return mapping.zeroShot(ptbxlCodes);
    }

    /** For each class with a counterpart, its statements among {@code ptbxlCodes}. */
    public Map<String, List<String>> counterparts(List<String> ptbxlCodes) {
        return mapping.counterparts(ptbxlCodes);
    }

    private Map<String, List<String>> counterparts(ScoreMatrix ptbxl) {
        Map<String, List<String>> m = mapping.counterparts(ptbxl.codes());
        if (m.isEmpty()) {
            throw new EvalInputException(null, "findings", "none of the score columns " + abbreviate(ptbxl.codes())
                    + " is a PTB-XL statement of a CinC scored class", "pass PTB-XL scores (e.g. level all or rhythm)");
        }
        return m;
    }

    private static int[][] columns(Map<String, List<String>> counterparts, List<String> codes) {
        List<int[]> out = new ArrayList<>();
        for (List<String> statements : counterparts.values()) {
            out.add(statements.stream().mapToInt(codes::indexOf).toArray());
        }
        return out.toArray(new int[0][]);
    }

    private static String abbreviate(List<String> codes) {
        return codes.size() <= 10 ? codes.toString() : codes.subList(0, 10) + "...";
    }
}
