/**
 * Collision statistics of a labelled dataset for {@code ecg labels}: how many off-diagonal pairs of
 * a random training batch share a finding, i.e. how many true pairs plain (diagonal) SigLIP marks as
 * negatives. Exact expectations come from counting pairs over the whole dataset; measurements from
 * seeded random batches through ecg-model's {@code LabelMatrix}. No model and no signal is involved.
 */
package org.ecgsiglip.cli.labels;
