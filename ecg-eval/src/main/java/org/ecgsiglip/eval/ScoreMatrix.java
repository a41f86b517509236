package org.ecgsiglip.eval;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Scores of records x findings, usually probabilities: {@code values[record][finding]}. Record ids
 * and finding codes are unique; every value is finite (NaN and infinities are refused). The
 * matrix is copied in and out, so it never changes after construction; {@link #score(int, int)}
 * and {@link #column(int)} read without copying the whole.
 */
public record ScoreMatrix(List<String> recordIds, List<String> codes, double[][] values) {

    public ScoreMatrix {
        recordIds = List.copyOf(recordIds);
        codes = List.copyOf(codes);
        double[][] v = values;
        Matrices.checkShape(recordIds, codes, v.length, r -> v[r].length);
        double[][] copy = new double[v.length][];
        for (int r = 0; r < v.length; r++) {
            copy[r] = v[r].clone();
            for (int k = 0; k < copy[r].length; k++) {
                if (!Double.isFinite(copy[r][k])) {
                    throw new IllegalArgumentException("score of record " + recordIds.get(r) + ", finding "
                            + codes.get(k) + " is " + copy[r][k] + "; scores must be finite");
                }
            }
        }
        values = copy;
    }

    /** A deep copy of the values. */
    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    public int records() {
        return recordIds.size();
    }

    public int findings() {
        return codes.size();
    }

    public double score(int record, int finding) {
        return values[record][finding];
    }

    /** One finding's scores over all records (a fresh array). */
    public double[] column(int finding) {
        double[] c = new double[values.length];
        for (int r = 0; r < values.length; r++) {
            c[r] = values[r][finding];
        }
        return c;
    }

    /** The same scores with the records in the order of {@code ids} (each must be present). */
    public ScoreMatrix reorder(List<String> ids) {
        if (ids.equals(recordIds)) {
            return this;
        }
        Map<String, Integer> at = Matrices.positions(recordIds);
        double[][] v = new double[ids.size()][];
        for (int i = 0; i < ids.size(); i++) {
            Integer r = at.get(ids.get(i));
            if (r == null) {
                throw new EvalInputException(null, "record " + ids.get(i),
                        "the scores have no record '" + ids.get(i) + "'",
                        "score the same records as the truth");
            }
            v[i] = values[r];
        }
        return new ScoreMatrix(ids, codes, v);
    }

    /** SHA-256 of ids, codes and values in order: identifies the content in a provenance record. */
    public String sha256() {
        MessageDigest md = Matrices.header(recordIds, codes);
        for (double[] row : values) {
            Matrices.update(md, row);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    double[][] rows() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreMatrix m && recordIds.equals(m.recordIds) && codes.equals(m.codes)
                && Arrays.deepEquals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * recordIds.hashCode() + codes.hashCode();
    }

    @Override
    public String toString() {
        return "ScoreMatrix[" + records() + " records x " + findings() + " findings " + codes + "]";
    }
}
