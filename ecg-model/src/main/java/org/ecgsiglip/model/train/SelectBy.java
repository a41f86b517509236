package org.ecgsiglip.model.train;

import org.ecgsiglip.eval.Evaluation;

/**
 * How the best epoch is chosen on the validation folds (ties broken by macro-AUROC). The chosen
 * epoch's weights and batch-norm statistics are what the run keeps.
 */
public enum SelectBy {
    /** Macro-averaged AUROC: threshold-free, the PTB-XL benchmark's selection. */
    MACRO_AUROC,
    /** Macro-averaged F1 at threshold 0.5: the product's decision rule, but a noisier signal. */
    MACRO_F1;

    /** The selection score of a validation evaluation. */
    public double score(Evaluation e) {
        return this == MACRO_AUROC ? e.macroAuroc() : e.macroF1();
    }
}
