package org.ecgsiglip.model.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.ecgsiglip.eval.report.TrainingCurves;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.model.folder.RunDirectory;

/**
 * A run's training curves — training loss, validation macro-AUROC and macro-F1 at 0.5, the target
 * matrix's positive rate, the temperature t = exp(t') and the bias b per epoch, the chosen epoch marked
 * — as {@code curves.png} and a one-file {@code curves.html}, from the run's {@code metrics.jsonl}.
 * Written at the end of training, and on demand for a finished run ({@code ecg curves}).
 */
public final class RunCurves {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunCurves() {
    }

    /** The epochs of {@code metrics.jsonl}. */
    public static List<EpochSummary> epochs(RunDirectory run) {
        Path file = run.metrics();
        if (!Files.isRegularFile(file)) {
            throw new EcgException(file, null, "the run has no per-epoch metrics", "train (or resume) the run first");
        }
        List<EpochSummary> out = new ArrayList<>();
        try {
            int line = 0;
            for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                line++;
                if (!l.isBlank()) {
                    try {
                        out.add(JSON.readValue(l, EpochSummary.class));
                    } catch (IOException e) {
                        throw new EcgException(file, "line " + line, "not an epoch summary: " + e.getMessage(),
                                "the run folder is damaged; retrain it", e);
                    }
                }
            }
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read: " + e.getMessage(), "check permissions", e);
        }
        return out;
    }

    /**
     * The curves of {@code epochs}, one series each; a series with no finite value (e.g. macro-AUROC on a
     * validation set that lacks a finding's positives) is left out rather than drawn empty.
     */
    public static List<TrainingCurves.Series> series(List<EpochSummary> epochs) {
        int[] x = epochs.stream().mapToInt(EpochSummary::epoch).toArray();
        List<TrainingCurves.Series> out = new ArrayList<>();
        out.add(series("training loss", x, epochs, EpochSummary::trainLoss));
        out.add(series("validation macro-AUROC", x, epochs, EpochSummary::valMacroAuroc));
        out.add(series("validation macro-F1 at 0.5", x, epochs, EpochSummary::valMacroF1));
        out.add(series("target positive rate (mean per batch)", x, epochs, EpochSummary::positiveRateMean));
        if (epochs.stream().anyMatch(e -> e.temperature() != null)) {
            out.add(series("temperature t = exp(t')", x, epochs, e -> e.temperature() == null ? Double.NaN
                    : e.temperature()));
            out.add(series("logit bias b", x, epochs, e -> e.bias() == null ? Double.NaN : e.bias()));
        }
        out.removeIf(c -> java.util.Arrays.stream(c.values()).noneMatch(Double::isFinite));
        return out;
    }

    /** The chosen (best) epoch: the last one marked best, or null before any. */
    public static Integer chosenEpoch(List<EpochSummary> epochs) {
        Integer best = null;
        for (EpochSummary e : epochs) {
            if (e.best()) {
                best = e.epoch();
            }
        }
        return best;
    }

    /** Writes {@code curves.png} and {@code curves.html} into the run folder; returns them. */
    public static List<Path> write(RunDirectory run) {
        List<EpochSummary> epochs = epochs(run);
        List<TrainingCurves.Series> series = series(epochs);
        Integer chosen = chosenEpoch(epochs);
        TrainingCurves.writePng(series, chosen, run.curvesPng());
        TrainingCurves.writeHtml("Training curves of " + run.root().getFileName() + (chosen == null ? ""
                : " (chosen epoch " + chosen + ")"), series, chosen, run.curvesHtml());
        return List.of(run.curvesPng(), run.curvesHtml());
    }

    private static TrainingCurves.Series series(String name, int[] x, List<EpochSummary> epochs,
                                                ToDoubleFunction<EpochSummary> value) {
        return new TrainingCurves.Series(name, x, epochs.stream().mapToDouble(value).toArray());
    }
}
