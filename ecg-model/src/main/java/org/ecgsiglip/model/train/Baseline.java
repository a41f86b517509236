package org.ecgsiglip.model.train;

import org.ecgsiglip.model.core.Objective;

/** Whether a run trains SigLIP ({@link #NONE}: no baseline) or the supervised BCE baseline. */
public enum Baseline {
    NONE,
    /** The same signal encoder with a linear multi-label head and binary cross-entropy. */
    BCE;

    public Objective objective() {
        return this == BCE ? Objective.BCE : Objective.SIGLIP;
    }
}
