/**
 * Using a trained model: {@link org.ecgsiglip.model.predict.Predictor} opens a verified model folder and
 * scores records through the folder's own input pipeline, exactly as validation scored them; new finding
 * texts are scored without retraining. {@link org.ecgsiglip.model.predict.RecordList} resolves what
 * {@code ecg predict --records} names. Depends on the model's runtime and folder packages, never on
 * training.
 */
package org.ecgsiglip.model.predict;
