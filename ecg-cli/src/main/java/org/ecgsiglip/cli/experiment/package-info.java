/**
 * The {@code ecg experiment} machinery: reading an experiment file (a base training configuration,
 * named variants, seeds, comparisons), training each variant × seed into its own resumable run
 * folder, scoring every run on the same held-out test folds, and writing the per-run evaluations,
 * the paired comparisons and one summary report. Training, scoring and metrics come from ecg-model
 * and ecg-eval; nothing here computes a metric of its own.
 */
package org.ecgsiglip.cli.experiment;
