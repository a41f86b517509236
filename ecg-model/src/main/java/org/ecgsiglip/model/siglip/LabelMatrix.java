package org.ecgsiglip.model.siglip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.BitSet;
import java.util.Locale;
import org.ecgsiglip.io.EcgException;

/**
 * The target matrix of the pairwise sigmoid loss.
 *
 * <p>Row i is an ECG with finding set F_i; column j is a text that stands for the finding set T_j
 * (its report, one of its findings, or one vocabulary entry, see {@link TextStrategy}). With
 * {@code paired} texts (column j was made from sample j), the diagonal is always a positive pair.
 * Findings in the {@code excluded} set are removed from F_i and T_j before comparing
 * off-diagonal pairs (e.g. sinus rhythm, which most records share); two sets that are empty after
 * removal share nothing.
 * <ul>
 *   <li>{@link #DIAGONAL}: y_ij = 1 iff i = j (plain SigLIP; needs paired texts).</li>
 *   <li>{@link #SHARED_FINDING}: y_ij = 1 iff F_i ∩ T_j ≠ ∅ — the collision-aware matrix.</li>
 *   <li>{@link #EXACT_SET}: y_ij = 1 iff F_i = T_j (and not empty).</li>
 *   <li>{@link #JACCARD}: y_ij = |F_i ∩ T_j| / |F_i ∪ T_j| (soft; 0 when the union is empty).</li>
 * </ul>
 * Targets are in [0, 1]; the loss reads them as y, with z = 2y − 1 for the hard matrices.
 */
public enum LabelMatrix {
    DIAGONAL,
    SHARED_FINDING,
    EXACT_SET,
    JACCARD;

    /** Parses {@code diagonal}, {@code shared-finding}, {@code exact-set}, {@code jaccard} (case and - / _ ignored). */
    public static LabelMatrix parse(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (LabelMatrix m : values()) {
            if (m.name().equals(s)) {
                return m;
            }
        }
        throw new EcgException(null, "label matrix", "unknown label matrix '" + text + "'",
                "use one of diagonal, shared-finding, exact-set, jaccard");
    }

    /** The name as the command line writes it, e.g. {@code shared-finding}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The reference computation, in plain Java: y[i][j] for rows {@code rows[i]} (sorted finding
     * indices) against columns {@code cols[j]}.
     */
    public float[][] targets(int[][] rows, int[][] cols, boolean paired, BitSet excluded) {
        requirePairing(paired, rows.length, cols.length);
        float[][] y = new float[rows.length][cols.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < cols.length; j++) {
                y[i][j] = (paired && i == j) ? 1f : offDiagonal(rows[i], cols[j], excluded);
            }
        }
        return y;
    }

    private float offDiagonal(int[] a, int[] b, BitSet excluded) {
        if (this == DIAGONAL) {
            return 0f;
        }
        int inter = 0;
        int sizeA = 0;
        int sizeB = 0;
        for (int x : a) {
            if (!excluded.get(x)) {
                sizeA++;
            }
        }
        for (int x : b) {
            if (!excluded.get(x)) {
                sizeB++;
                for (int y : a) {
                    if (y == x) {
                        inter++;
                        break;
                    }
                }
            }
        }
        return switch (this) {
            case SHARED_FINDING -> inter > 0 ? 1f : 0f;
            case EXACT_SET -> (sizeA > 0 && inter == sizeA && inter == sizeB) ? 1f : 0f;
            case JACCARD -> (sizeA + sizeB - inter) == 0 ? 0f : (float) inter / (sizeA + sizeB - inter);
            case DIAGONAL -> 0f;
        };
    }

    /**
     * The same matrix computed on the device from multi-hot matrices: {@code rowHot} [n, K],
     * {@code colHot} [m, K], {@code keep} [K] (1 for findings that count, 0 for excluded ones).
     * Counts come from a matrix product, which is exact for these small integers in float32.
     */
    public NDArray targets(NDArray rowHot, NDArray colHot, NDArray keep, boolean paired) {
        requirePairing(paired, rowHot.getShape().get(0), colHot.getShape().get(0));
        return block(rowHot, colHot, keep, paired, 0, 0);
    }

    /**
     * One block of a larger matrix: rows {@code rowStart .. rowStart + n − 1} against columns
     * {@code colStart .. colStart + m − 1} of the whole batch's matrix, from the block's multi-hot
     * rows [n, K] and columns [m, K]. With {@code paired} texts the diagonal of the whole matrix
     * (global row index = global column index) is positive, wherever it falls in the block. This is
     * what a device's shard of rows against one chunk of the gathered columns needs; the caller checks
     * that the whole matrix is square when paired.
     */
    public NDArray block(NDArray rowHot, NDArray colHot, NDArray keep, boolean paired, long rowStart, long colStart) {
        requirePairedTexts(paired);
        long n = rowHot.getShape().get(0);
        long m = colHot.getShape().get(0);
        if (this == DIAGONAL) {
            return diagonal(rowHot, n, m, rowStart, colStart).toType(DataType.FLOAT32, false);
        }
        NDArray a = rowHot.mul(keep);
        NDArray b = colHot.mul(keep);
        NDArray inter = a.matMul(b.transpose());
        NDArray sizeA = a.sum(new int[] {1}, true);
        NDArray sizeB = b.sum(new int[] {1}, true).transpose();
        if (this == JACCARD) {
            NDArray y = inter.div(sizeA.add(sizeB).sub(inter).maximum(1f));
            return paired ? y.maximum(diagonal(rowHot, n, m, rowStart, colStart).toType(DataType.FLOAT32, false)) : y;
        }
        NDArray hard = this == SHARED_FINDING ? inter.gt(0.5f)
                : inter.eq(sizeA).logicalAnd(inter.eq(sizeB)).logicalAnd(sizeA.gt(0.5f));
        return (paired ? hard.logicalOr(diagonal(rowHot, n, m, rowStart, colStart)) : hard)
                .toType(DataType.FLOAT32, false);
    }

    /** Boolean [n, m] on {@code like}'s device and in its manager: true where rowStart + i = colStart + j. */
    private static NDArray diagonal(NDArray like, long n, long m, long rowStart, long colStart) {
        NDManager manager = like.getManager();
        NDArray rows = manager.arange(Math.toIntExact(rowStart), Math.toIntExact(rowStart + n), 1, DataType.INT32)
                .toDevice(like.getDevice(), false).reshape(n, 1);
        NDArray cols = manager.arange(Math.toIntExact(colStart), Math.toIntExact(colStart + m), 1, DataType.INT32)
                .toDevice(like.getDevice(), false).reshape(1, m);
        return rows.eq(cols);
    }

    private void requirePairing(boolean paired, long n, long m) {
        requirePairedTexts(paired);
        if (paired && n != m) {
            throw new IllegalArgumentException("paired texts need a square matrix, got " + n + " x " + m);
        }
    }

    void requirePairedTexts(boolean paired) {
        if (this == DIAGONAL && !paired) {
            throw new EcgException(null, "label matrix", "DIAGONAL needs one text per sample, but the texts are not "
                    + "paired with the samples (all-findings texts)", "use shared-finding, exact-set or jaccard with "
                    + "--text all-findings, or --text report / single-finding with diagonal");
        }
    }
}
