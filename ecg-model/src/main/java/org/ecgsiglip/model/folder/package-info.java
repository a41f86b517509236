/**
 * The model folder as an artifact: its layout ({@link org.ecgsiglip.model.folder.RunDirectory}), the
 * files that describe the network ({@link org.ecgsiglip.model.folder.ModelFiles}), atomic checkpoints
 * ({@link org.ecgsiglip.model.folder.Checkpoints}), and the SHA-256 manifest that makes a folder
 * verifiable ({@link org.ecgsiglip.model.folder.Manifest},
 * {@link org.ecgsiglip.model.folder.ModelFolder}). No training or scoring here.
 */
package org.ecgsiglip.model.folder;
