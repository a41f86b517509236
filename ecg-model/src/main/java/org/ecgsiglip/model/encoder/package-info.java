/**
 * The 1-D CNN signal encoders — resnet1d, the PTB-XL benchmark's resnet1d_wang, xresnet1d and
 * inception1d — as DJL blocks mapping [N, leads, L] to [N, d], each ending in concat pooling and a
 * linear or the benchmark's MLP head ({@link org.ecgsiglip.model.encoder.EncoderSpec}). No training here.
 */
package org.ecgsiglip.model.encoder;
