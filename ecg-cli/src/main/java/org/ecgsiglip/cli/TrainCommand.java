package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgsiglip.model.folder.RunDirectory;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.Training;
import org.ecgsiglip.model.train.TrainingData;
import org.ecgsiglip.model.train.TrainingDataLoader;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.ecgsiglip.model.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ecg train}: trains one variant and writes a verified run folder (see {@link RunDirectory}).
 * Every option but the data and {@code --out} has a default that gives a good model; the options are
 * the settings of {@link TrainConfig}, one flag each.
 */
@Command(name = "train", mixinStandardHelpOptions = true, modelTransformer = TrainOptions.Flags.class,
        sortOptions = false,
        description = "Train a signal encoder and a findings-text encoder with SigLIP (or the BCE baseline).",
        footer = {"", "Examples:",
            "  ecg train --ptbxl data/ptb-xl --out runs/shared",
            "  ecg train --ptbxl data/ptb-xl --label-matrix diagonal --epochs 10 --out runs/diagonal",
            "  ecg train --ptbxl data/ptb-xl --baseline bce --out runs/bce",
            "  ecg train --config runs/shared/config.json --out runs/shared --resume   (continue a killed run)"})
public final class TrainCommand implements Callable<Integer>, TrainOptions.Holder {

    /** What to train: the resolved configuration, the run folder, and whether to resume it. */
    public record Request(TrainConfig config, Path out, boolean resume) {
    }

    /** The training's result and the run folder. */
    public record Result(TrainingResult training, Path out) {
    }

    @ParentCommand
    EcgCommand parent;

    final TrainOptions options = new TrainOptions();

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "Run folder to write.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Override
    public TrainOptions trainOptions() {
        return options;
    }

    @Override
    public Integer call() {
        boolean quiet = parent != null && parent.quiet;
        run(new Request(options.resolve(), out, resume), new ProgressMonitor(System.out, quiet));
        return 0;
    }

    /** Loads the data, trains, and returns the result. */
    public static Result run(Request request, TrainingMonitor monitor) {
        monitor.onMessage("preparing data (the signal cache is built once, then reused)");
        TrainingData data = TrainingDataLoader.load(request.config(), i -> { });
        TrainingResult result = Training.run(request.config(), data, new RunDirectory(request.out()), request.resume(),
                monitor);
        monitor.onMessage(String.format(Locale.ROOT,
                "best epoch %d: validation macro-F1 %.4f, macro-AUROC %.4f; run folder %s",
                result.state().bestEpoch(), result.validation().macroF1(), result.validation().macroAuroc(),
                request.out()));
        return new Result(result, request.out());
    }
}
