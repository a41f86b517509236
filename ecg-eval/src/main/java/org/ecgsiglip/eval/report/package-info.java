/**
 * Renders evaluations and paired comparisons: CSV, JSON (Jackson), Markdown, a self-contained
 * HTML page with PNG plots drawn headless by XChart, and Tablesaw tables for notebooks. Every
 * file is written atomically. Nothing here computes a metric; it only shows the values.
 */
package org.ecgsiglip.eval.report;
