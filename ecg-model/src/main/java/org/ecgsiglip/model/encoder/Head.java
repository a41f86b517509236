package org.ecgsiglip.model.encoder;

/** What follows the encoder's convolutions: concat pooling, then one of these, to the d-dim embedding. */
public enum Head {
    /** A linear projection. */
    LINEAR,
    /**
     * The PTB-XL benchmark's head (fastai's create_head1d): BN, dropout p/2, linear to {@code hidden},
     * ReLU, BN, dropout p, linear to d.
     */
    MLP
}
