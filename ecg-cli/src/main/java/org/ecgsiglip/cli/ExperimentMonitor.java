package org.ecgsiglip.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.model.train.EpochSummary;
import org.ecgsiglip.model.train.TrainingMonitor;

/**
 * The default progress of {@code ecg experiment}: one line when a run starts and one per epoch
 * (loss, positive rate of the targets, validation macro-F1 and AUROC, throughput), without the
 * per-epoch validation tables of {@code ecg train}; several runs stay readable in one log.
 * {@code --verbose} uses {@link ProgressMonitor} instead.
 */
final class ExperimentMonitor implements TrainingMonitor {
    private final PrintStream out;
    private String description = "";
    private int epochs;

    ExperimentMonitor(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onStart(String description, int firstEpoch, int epochs, int stepsPerEpoch) {
        this.description = description;
        this.epochs = epochs;
        out.printf(Locale.ROOT, "  training %s: epochs %d..%d, %d steps each%n", description, firstEpoch, epochs,
                stepsPerEpoch);
    }

    @Override
    public void onEpoch(EpochSummary s, Evaluation validation) {
        out.printf(Locale.ROOT, "  epoch %d/%d: loss %.4f, positive rate %.3f, validation macro-F1 %.4f, "
                        + "macro-AUROC %.4f, %.0f samples/s%s%n", s.epoch(), epochs, s.trainLoss(), s.positiveRateMean(),
                s.valMacroF1(), s.valMacroAuroc(), s.samplesPerSecond(), s.best() ? " (best so far)" : "");
    }

    @Override
    public void onMessage(String line) {
        out.println(line.startsWith("[") || description.isEmpty() ? line : "  " + line);
    }
}
