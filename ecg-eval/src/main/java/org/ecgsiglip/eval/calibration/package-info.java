/**
 * Calibration of the σ ≥ 0.5 rule: how far the scores can be read as probabilities, and maps that
 * make them so. {@link org.ecgsiglip.eval.calibration.Calibration} holds, per finding and pooled,
 * the Brier score, the expected calibration error and the reliability curves (scikit-learn's
 * {@code brier_score_loss} and {@code calibration_curve}, bin for bin); every
 * {@link org.ecgsiglip.eval.Evaluation} of probabilities carries one. Binning: the headline ECE
 * uses 10 equal-width bins; 15 equal-width and 10 and 15 equal-mass (quantile) bins are computed
 * too (see {@link org.ecgsiglip.eval.calibration.Binning} for why, and
 * {@link org.ecgsiglip.eval.calibration.BinEdges} for the exact edge and tie conventions). Macro
 * values are means over the findings, findings without positives included, as scikit-learn
 * includes them in its macro averages. {@link org.ecgsiglip.eval.calibration.LogitCalibration}
 * fits Platt scaling per finding or one shared temperature and bias on a validation set, applies
 * it to a {@link org.ecgsiglip.eval.ScoreMatrix} and saves it as JSON. Nothing here draws a
 * picture (see {@code eval.report}) or touches test data on its own.
 */
package org.ecgsiglip.eval.calibration;
