package org.ecgsiglip.eval.calibration;

/** How a {@link LogitMap} was obtained for a finding (or for the pooled pairs). */
public enum FitStatus {
    /** Maximum likelihood on the labels. */
    FITTED("maximum likelihood"),
    /**
     * The labels are separable by the score (every positive at or above every negative, or the
     * reverse), so the likelihood has no maximum; fitted instead to Platt's smoothed targets
     * {@code (N+ + 1) / (N+ + 2)} for positives and {@code 1 / (N- + 2)} for negatives.
     */
    SEPARABLE_SMOOTHED("separable: fitted to Platt's smoothed targets"),
    /**
     * The best slope is not positive: on validation the score does not rank this finding (its AUROC is
     * at or below 0.5). A calibration must keep the order, so the slope is held at
     * {@link LogisticFit#FLAT_SLOPE} (the maximum on {@code a > 0} lies at its boundary) and {@code b}
     * moves the mean score to the observed rate.
     */
    FLAT_SLOPE("best slope not positive: a held at 1e-6 (order kept), b moves it to the observed rate"),
    /** No positives: nothing to fit, the identity is kept. */
    NO_POSITIVES("no positives: identity kept"),
    /** No negatives: nothing to fit, the identity is kept. */
    NO_NEGATIVES("no negatives: identity kept"),
    /**
     * Every score the same (after clipping), so the slope is not identified: {@code a = 1} is
     * kept and {@code b} moves the score to the observed rate.
     */
    CONSTANT_SCORES("constant score: a = 1, b moves it to the observed rate");

    private final String words;

    FitStatus(String words) {
        this.words = words;
    }

    /** In words, for reports. */
    public String words() {
        return words;
    }
}
