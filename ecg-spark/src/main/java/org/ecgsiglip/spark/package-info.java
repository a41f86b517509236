/**
 * Scoring many records with a trained model on Apache Spark ({@code ecg spark score}): a manifest of
 * record paths becomes a DataFrame cut into contiguous partitions, each partition is read,
 * preprocessed and scored with ecg-io and the model's {@code Predictor} (one per executor JVM), and
 * the scores are written as Parquet with the run's provenance, committed by one rename so that a rerun
 * never duplicates rows. {@code ecg spark to-csv} turns the Parquet into the CSV that
 * {@code ecg evaluate --scores} reads. Spark is used as it is; this package does not train, and it
 * reads records through the file system (a path every executor can see), not through Hadoop.
 */
package org.ecgsiglip.spark;
