/**
 * Training one variant: the configuration ({@link org.ecgsiglip.model.train.TrainConfig}, one
 * {@link org.ecgsiglip.model.train.Setting} per option, read and checked by
 * {@link org.ecgsiglip.model.train.ConfigFiles}), the data ({@link org.ecgsiglip.model.train.TrainingDataLoader}),
 * seeded batches, the step, per-epoch validation, atomic checkpoints, resume, and the run folder's logs
 * and provenance ({@link org.ecgsiglip.model.train.Training}). Scoring after training belongs to the
 * predict package.
 */
package org.ecgsiglip.model.train;
