/**
 * The findings-text side of the model: what a text becomes before the trainable tower
 * ({@link org.ecgsiglip.model.text.TextFeatures}: the n-gram {@link org.ecgsiglip.model.text.TextTokenizer},
 * or a frozen pretrained {@link org.ecgsiglip.model.text.SentenceEncoder}'s cached embeddings,
 * {@link org.ecgsiglip.model.text.SentenceFeatures}, chosen by
 * {@link org.ecgsiglip.model.text.TextEncoderKind}), the tower itself
 * ({@link org.ecgsiglip.model.text.TextEncoders}), and a batch's text columns
 * ({@link org.ecgsiglip.model.text.TextColumns}). Pretrained encoders are optional modules found with
 * {@link java.util.ServiceLoader}; none is bundled here, and nothing here reads the network.
 */
package org.ecgsiglip.model.text;
