package org.ecgsiglip.eval;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The true findings of records: {@code values[record][finding]} is whether the record has the
 * finding. Record ids and finding codes are unique; the matrix is copied in and out.
 */
public record TruthMatrix(List<String> recordIds, List<String> codes, boolean[][] values) {

    public TruthMatrix {
        recordIds = List.copyOf(recordIds);
        codes = List.copyOf(codes);
        boolean[][] v = values;
        Matrices.checkShape(recordIds, codes, v.length, r -> v[r].length);
        boolean[][] copy = new boolean[v.length][];
        for (int r = 0; r < v.length; r++) {
            copy[r] = v[r].clone();
        }
        values = copy;
    }

    /** A deep copy of the values. */
    @Override
    public boolean[][] values() {
        boolean[][] copy = new boolean[values.length][];
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

    public boolean has(int record, int finding) {
        return values[record][finding];
    }

    /** One finding's truth over all records (a fresh array). */
    public boolean[] column(int finding) {
        boolean[] c = new boolean[values.length];
        for (int r = 0; r < values.length; r++) {
            c[r] = values[r][finding];
        }
        return c;
    }

    /**
     * The same truth with records in the order of {@code ids} and findings in the order of
     * {@code findingCodes}. The record sets must be equal and every code present.
     *
     * @throws EvalInputException naming the first record or finding that does not match
     */
    public TruthMatrix alignTo(List<String> ids, List<String> findingCodes) {
        if (ids.equals(recordIds) && findingCodes.equals(codes)) {
            return this;
        }
        if (ids.size() != recordIds.size()) {
            throw new EvalInputException(null, null, "the truth has " + recordIds.size()
                    + " records but the scores have " + ids.size(),
                    "give truth and scores for the same records");
        }
        Map<String, Integer> rowAt = Matrices.positions(recordIds);
        Map<String, Integer> colAt = Matrices.positions(codes);
        int[] cols = new int[findingCodes.size()];
        for (int k = 0; k < cols.length; k++) {
            Integer c = colAt.get(findingCodes.get(k));
            if (c == null) {
                throw new EvalInputException(null, "finding " + findingCodes.get(k),
                        "the truth has no finding '" + findingCodes.get(k) + "'",
                        "give truth and scores for the same findings");
            }
            cols[k] = c;
        }
        boolean[][] v = new boolean[ids.size()][cols.length];
        for (int i = 0; i < ids.size(); i++) {
            Integer r = rowAt.get(ids.get(i));
            if (r == null) {
                throw new EvalInputException(null, "record " + ids.get(i),
                        "the truth has no record '" + ids.get(i) + "'",
                        "give truth and scores for the same records");
            }
            for (int k = 0; k < cols.length; k++) {
                v[i][k] = values[r][cols[k]];
            }
        }
        return new TruthMatrix(ids, findingCodes, v);
    }

    /** SHA-256 of ids, codes and values in order. */
    public String sha256() {
        MessageDigest md = Matrices.header(recordIds, codes);
        for (boolean[] row : values) {
            byte[] b = new byte[row.length];
            for (int k = 0; k < row.length; k++) {
                b[k] = (byte) (row[k] ? 1 : 0);
            }
            md.update(b);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    boolean[][] rows() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TruthMatrix m && recordIds.equals(m.recordIds) && codes.equals(m.codes)
                && Arrays.deepEquals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * recordIds.hashCode() + codes.hashCode();
    }

    @Override
    public String toString() {
        return "TruthMatrix[" + records() + " records x " + findings() + " findings " + codes + "]";
    }
}
