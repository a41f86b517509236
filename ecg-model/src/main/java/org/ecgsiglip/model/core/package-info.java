/**
 * A model at run time, shared by training and prediction: what the network is
 * ({@link org.ecgsiglip.model.core.ModelSpec}), the network on a device with its parameters
 * ({@link org.ecgsiglip.model.core.ModelSession}), the device choice without silent fallback
 * ({@link org.ecgsiglip.model.core.Devices}), the optimizer whose state checkpoints carry, and the one
 * scoring path ({@link org.ecgsiglip.model.core.Scorer}). It knows no run folders and no training loop.
 */
package org.ecgsiglip.model.core;
