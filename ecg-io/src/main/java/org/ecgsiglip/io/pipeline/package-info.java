/**
 * The input pipeline, declared once: {@link org.ecgsiglip.io.pipeline.DataSpec} says which records
 * (source: {@link org.ecgsiglip.io.pipeline.PtbXlSource} or {@link org.ecgsiglip.io.pipeline.CincDataSource},
 * whose folds it assigns; folds) and how each becomes the array a model reads (preprocessing, standardisation,
 * windows, stored precision); {@link org.ecgsiglip.io.pipeline.InputPipeline} adds what is fitted on
 * the training folds and performs the steps; {@link org.ecgsiglip.io.pipeline.PipelineJson} persists
 * it in model folders. Cache keys, data sharing, prediction and provenance all derive from these
 * values. No model code here: the package is usable without native libraries.
 */
package org.ecgsiglip.io.pipeline;
