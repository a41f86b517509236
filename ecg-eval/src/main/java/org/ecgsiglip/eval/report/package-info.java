/**
 * Renders evaluations and paired comparisons: CSV, JSON (Jackson), Markdown, a self-contained
 * HTML page (one file, every picture an inline {@code data:} URI) with PNG plots drawn headless by
 * XChart (or Java2D where XChart cannot draw an asymmetric interval), and Tablesaw tables for
 * notebooks. It also draws pictures from plain numbers for other reports: reliability diagrams
 * ({@link org.ecgsiglip.eval.report.ReliabilityDiagram}), training curves
 * ({@link org.ecgsiglip.eval.report.TrainingCurves}), forest plots of paired differences
 * ({@link org.ecgsiglip.eval.report.ForestPlot}) and bars with confidence intervals
 * ({@link org.ecgsiglip.eval.report.F1Bars}). Every file is written atomically. Nothing here
 * computes a metric; it only shows the values.
 */
package org.ecgsiglip.eval.report;
