package org.ecgsiglip.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A second computation of the PhysioNet/CinC Challenge score for the command tests, written from the
 * metric's definition with nothing of {@code org.ecgsiglip.eval.challenge}: the weights are parsed
 * here (header classes, codes joined by '|', "nan" adds nothing), a column counts for the class
 * holding its code, and for every record with labels L and outputs O (sets of classes)
 * {@code s += Σ_{j∈L} Σ_{k∈O} W[j][k] / max(1, |L ∪ O|)}; the score is
 * {@code (s_observed - s_inactive) / (s_correct - s_inactive)} with O = L for correct and O = {sinus
 * rhythm 426783006} for inactive (0 when the two are equal).
 */
final class ChallengeByHand {
    private ChallengeByHand() {
    }

    /**
     * @param columns the codes of the truth and output columns
     * @param truth {@code [record][column]}
     * @param outputs {@code [record][column]}
     */
    static double score(Path weightsCsv, List<String> columns, boolean[][] truth, boolean[][] outputs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(weightsCsv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",");
        int n = header.length - 1;
        Map<String, Integer> classOf = new HashMap<>();
        for (int c = 0; c < n; c++) {
            for (String code : header[c + 1].split("\\|")) {
                classOf.put(code.strip(), c);
            }
        }
        double[][] w = new double[n][n];
        for (int j = 0; j < n; j++) {
            String[] cells = lines.get(j + 1).split(",");
            for (int k = 0; k < n; k++) {
                String cell = cells[k + 1].strip();
                w[j][k] = cell.equalsIgnoreCase("nan") ? 0 : Double.parseDouble(cell);
            }
        }
        int sinus = classOf.get("426783006");
        double observed = 0;
        double correct = 0;
        double inactive = 0;
        for (int r = 0; r < truth.length; r++) {
            boolean[] l = new boolean[n];
            boolean[] o = new boolean[n];
            for (int c = 0; c < columns.size(); c++) {
                Integer cls = classOf.get(columns.get(c));
                if (cls != null) {
                    l[cls] |= truth[r][c];
                    o[cls] |= outputs[r][c];
                }
            }
            boolean[] sr = new boolean[n];
            sr[sinus] = true;
            observed += record(w, l, o);
            correct += record(w, l, l);
            inactive += record(w, l, sr);
        }
        return correct == inactive ? 0 : (observed - inactive) / (correct - inactive);
    }

    private static double record(double[][] w, boolean[] l, boolean[] o) {
        int union = 0;
        double s = 0;
        for (int j = 0; j < l.length; j++) {
            union += l[j] || o[j] ? 1 : 0;
            for (int k = 0; k < o.length; k++) {
                s += l[j] && o[k] ? w[j][k] : 0;
            }
        }
        return s / Math.max(1, union);
    }
}
