package org.ecgsiglip.model.train;

/**
 * One training batch in host memory, ready to be copied to the device.
 *
 * @param n samples
 * @param leads leads per sample
 * @param length samples per lead
 * @param signals [n, leads, length], row-major
 * @param findings K, the vocabulary size
 * @param rowHot [n, K] multi-hot finding sets of the samples
 * @param m text columns (0 for the supervised baseline)
 * @param textDim features per text
 * @param textFeatures [m, textDim]
 * @param colHot [m, K] finding sets the texts stand for
 * @param texts the m texts themselves, for inspection (empty when not recorded)
 */
public record HostBatch(int n, int leads, int length, float[] signals, int findings, float[] rowHot,
                        int m, int textDim, float[] textFeatures, float[] colHot, java.util.List<String> texts) {

    /** Without the texts. */
    public HostBatch(int n, int leads, int length, float[] signals, int findings, float[] rowHot, int m, int textDim,
                     float[] textFeatures, float[] colHot) {
        this(n, leads, length, signals, findings, rowHot, m, textDim, textFeatures, colHot, java.util.List.of());
    }

    public HostBatch {
        texts = java.util.List.copyOf(texts);
        check(texts.isEmpty() || texts.size() == m, "texts");
        check(signals.length == (long) n * leads * length, "signals");
        check(rowHot.length == (long) n * findings, "rowHot");
        check(textFeatures.length == (long) m * textDim, "textFeatures");
        check(colHot.length == (long) m * findings, "colHot");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("HostBatch: " + what + " has the wrong length");
        }
    }
}
