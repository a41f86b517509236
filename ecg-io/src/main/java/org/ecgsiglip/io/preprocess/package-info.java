/**
 * Preprocessing of ECG records into fixed-size arrays: lead selection and order, NaN handling,
 * anti-aliased polyphase resampling, zero-phase Butterworth filtering, crop/pad, per-lead
 * standardisation. Each numeric step mirrors a SciPy function so tests can check it against SciPy.
 * Augmentation for training is not here.
 */
package org.ecgsiglip.io.preprocess;
