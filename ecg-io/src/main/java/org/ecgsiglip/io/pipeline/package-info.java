/**
 * The input pipeline, declared once: {@link org.ecgsiglip.io.pipeline.DataSpec} says which records
 * (a {@link org.ecgsiglip.io.pipeline.PtbXlSource}, or a
 * {@link org.ecgsiglip.io.pipeline.CincDataSource} that assigns CinC's missing folds; the
 * {@link org.ecgsiglip.io.pipeline.Folds}) and how each becomes the array a model reads
 * (preprocessing, standardisation, windows, stored precision);
 * {@link org.ecgsiglip.io.pipeline.InputPipeline} adds what is fitted on the training folds and
 * performs the steps; {@link org.ecgsiglip.io.pipeline.PipelineJson} persists it in model folders.
 * Cache keys, data sharing, prediction and provenance all derive from these values. No model code
 * here: the package is usable without native libraries.
 */
package org.ecgsiglip.io.pipeline;
