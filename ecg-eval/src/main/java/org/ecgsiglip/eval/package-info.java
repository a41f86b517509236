/**
 * Multi-label evaluation of ECG findings: per-finding confusion counts and scores (F1, AUROC,
 * average precision, ...), their micro, macro, weighted and sample-wise averages, decision
 * thresholds, percentile bootstrap confidence intervals and paired comparisons of two prediction
 * sets. Results are immutable values that carry their provenance. Reading CSV inputs lives in
 * {@code eval.csv} and rendering reports in {@code eval.report}; nothing here trains or runs a
 * model, and nothing here needs DJL.
 */
package org.ecgsiglip.eval;
