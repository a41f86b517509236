package org.ecgsiglip.eval.calibration;

/**
 * The fitted map of one finding, how it was obtained, and the data it was fitted on.
 *
 * @param records   the (record, finding) pairs the fit saw
 * @param positives how many of them were positive
 */
public record FindingFit(String code, LogitMap map, FitStatus status, long records, long positives) {
}
