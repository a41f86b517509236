package org.ecgsiglip.cli;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ecgsiglip.eval.Evaluation;
import org.ecgsiglip.model.train.EpochSummary;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.ecgsiglip.model.train.TrainingStep;

/**
 * Shows a training run: on a terminal a progress bar per epoch with ETA and the running loss; without
 * a console (CI, batch jobs, pipes) one plain line per update every few seconds, so logs stay
 * readable. After each epoch it prints the validation per-finding table and a summary line.
 */
final class ProgressMonitor implements TrainingMonitor {
    private final PrintStream out;
    private final boolean interactive;
    private final boolean quiet;
    private ProgressBar bar;
    private int epochs;
    private int stepsPerEpoch;
    private double lossSum;
    private int lossCount;

    ProgressMonitor(PrintStream out, boolean quiet) {
        this.out = out;
        this.interactive = System.console() != null;
        this.quiet = quiet;
    }

    @Override
    public void onStart(String description, int firstEpoch, int epochs, int stepsPerEpoch) {
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        if (!quiet) {
            out.printf(Locale.ROOT, "training %s: epochs %d..%d, %d steps each%n", description, firstEpoch, epochs,
                    stepsPerEpoch);
        }
    }

    @Override
    public void onStep(int epoch, int step, TrainingStep.Result result) {
        if (quiet) {
            return;
        }
        if (bar == null) {
            ProgressBarBuilder b = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(stepsPerEpoch)
                    .setStyle(ProgressBarStyle.ASCII);
            if (!interactive) {
                b.setConsumer(new DelegatingProgressBarConsumer(out::println)).setUpdateIntervalMillis(10_000);
            }
            bar = b.build();
            lossSum = 0;
            lossCount = 0;
        }
        lossSum += result.loss();
        lossCount++;
        bar.stepTo(step);
        bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f pos %.3f", lossSum / lossCount,
                result.positiveRate()));
    }

    @Override
    public void onEpoch(EpochSummary s, Evaluation validation) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        if (quiet) {
            return;
        }
        out.println(validation);
        out.printf(Locale.ROOT, "epoch %d/%d: loss %.4f, positive rate %.3f [%.3f, %.3f], val macro-F1 %.4f, "
                        + "macro-AUROC %.4f, %.0f samples/s, data wait %.1f%%%s%n", s.epoch(), epochs, s.trainLoss(),
                s.positiveRateMean(), s.positiveRateMin(), s.positiveRateMax(), s.valMacroF1(), s.valMacroAuroc(),
                s.samplesPerSecond(), 100 * s.dataWaitShare(), s.best() ? "  (best so far)" : "");
    }

    @Override
    public void onMessage(String line) {
        if (!quiet) {
            out.println(line);
        }
    }
}
