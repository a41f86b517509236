/**
 * The SigLIP model and its loss: the two-tower block ({@link org.ecgsiglip.model.siglip.SiglipBlock}) and
 * the BCE baseline, the target matrices ({@link org.ecgsiglip.model.siglip.LabelMatrix}), the texts a batch
 * holds ({@link org.ecgsiglip.model.siglip.TextStrategy}), the pairwise sigmoid loss
 * ({@link org.ecgsiglip.model.siglip.SigmoidLoss}) and the same loss over a batch spread across devices
 * or computed in column chunks ({@link org.ecgsiglip.model.siglip.ShardedSigmoidLoss}). It does not
 * train, batch or read data: that is the train package's work, which calls it.
 *
 * <p>A training step on one device or several ({@code --device all-gpus}), optionally chunked
 * ({@code loss-chunk}; 0 = none). Each device embeds its slice of the batch through the trainer, so
 * that it uses that device's parameter copies; one {@link org.ecgsiglip.model.siglip.LossShard} per device
 * (one in all on a single device, where the loss is the plain one):
 * <pre>{@code
 * ShardedSigmoidLoss loss = new ShardedSigmoidLoss(labelMatrix, textStrategy, keep, lossChunk);
 * ShardedLoss result;
 * try (GradientCollector collector = trainer.newGradientCollector()) {
 *     List<LossShard> shards = new ArrayList<>();
 *     for (int k = 0; k < devices.length; k++) {
 *         // slice k of the batch, already on devices[k]: signals, text features, finding sets;
 *         // ALL_FINDINGS: every device gets the K vocabulary texts and the identity as colHot
 *         SiglipBlock.Embeddings e = SiglipBlock.embed(trainer, signals[k], textFeatures[k]);
 *         shards.add(LossShard.of(e, rowHot[k], colHot[k]));
 *     }
 *     result = loss.compute(shards);               // gathers texts and finding sets, per-device losses
 *     result.backward(collector);                  // one backward per device
 * }
 * trainer.step();                                  // (after clipping) DJL sums the devices' gradients
 * float value = result.value();                    // L of the whole batch
 * float positiveRate = result.positiveRate();
 * }</pre>
 * The slices must be contiguous and in device order (row i of the batch is row i − offset_k of slice k)
 * for paired texts, whose diagonal is found by global index. Sum of the shard losses = the loss of the
 * whole batch, normalised by the whole batch's N rows; so are the gradients (see ShardedSigmoidLoss).
 */
package org.ecgsiglip.model.siglip;
