package org.ecgsiglip.eval.csv;

import java.util.List;
import org.ecgsiglip.eval.ScoreMatrix;
import org.ecgsiglip.eval.TruthMatrix;
import java.nio.file.Path;
import org.ecgsiglip.io.util.AtomicFiles;

/**
 * Writes score and truth matrices in the CSV layout that {@code ecg evaluate} reads: a header
 * {@code record_id,<code1>,<code2>,...}, one row per record; probabilities with Java's shortest
 * round-tripping decimal form (so reading them back gives the same doubles), truth as 0/1.
 */
public final class ScoreCsv {
    private ScoreCsv() {
    }

    public static void write(ScoreMatrix scores, Path file) {
        StringBuilder sb = header(scores.codes());
        double[][] v = scores.values();
        for (int i = 0; i < v.length; i++) {
            sb.append(scores.recordIds().get(i));
            for (double x : v[i]) {
                sb.append(',').append(x);
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb);
    }

    public static void write(TruthMatrix truth, Path file) {
        StringBuilder sb = header(truth.codes());
        boolean[][] v = truth.values();
        for (int i = 0; i < v.length; i++) {
            sb.append(truth.recordIds().get(i));
            for (boolean x : v[i]) {
                sb.append(',').append(x ? '1' : '0');
            }
            sb.append('\n');
        }
        AtomicFiles.writeString(file, sb);
    }

    private static StringBuilder header(List<String> codes) {
        StringBuilder sb = new StringBuilder("record_id");
        for (String c : codes) {
            sb.append(',').append(c);
        }
        return sb.append('\n');
    }
}
