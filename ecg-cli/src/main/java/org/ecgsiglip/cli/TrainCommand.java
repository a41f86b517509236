package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.RunDirectory;
import org.ecgsiglip.model.train.TrainConfig;
import org.ecgsiglip.model.train.Training;
import org.ecgsiglip.model.train.TrainingData;
import org.ecgsiglip.model.train.TrainingDataLoader;
import org.ecgsiglip.model.train.TrainingMonitor;
import org.ecgsiglip.model.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ecg train}: trains one variant on PTB-XL and writes a run folder (see {@link RunDirectory}).
 * Every option but the data and {@code --out} has a default that gives a good model.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a signal encoder and a findings-text encoder with SigLIP (or the BCE baseline).",
        footer = {"", "Examples:",
            "  ecg train --ptbxl data/ptb-xl --out runs/shared",
            "  ecg train --ptbxl data/ptb-xl --label-matrix diagonal --epochs 10 --out runs/diagonal",
            "  ecg train --ptbxl data/ptb-xl --baseline bce --out runs/bce",
            "  ecg train --config runs/shared/config.json --out runs/shared --resume   (continue a killed run)",
            "Defaults: superdiagnostic, shared-finding targets, report texts, resnet1d, 30 epochs of 128, seed 42, cpu."})
public final class TrainCommand implements Callable<Integer> {

    @ParentCommand
    EcgCommand parent;

    @Mixin
    TrainOptions options;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "Run folder to write.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Override
    public Integer call() {
        boolean quiet = parent != null && parent.quiet;
        run(options.resolve(), out, resume, new ProgressMonitor(System.out, quiet));
        return 0;
    }

    /** Loads the data, trains, and returns the result. */
    public static TrainingResult run(TrainConfig config, Path out, boolean resume, TrainingMonitor monitor) {
        monitor.onMessage("preparing data (the signal cache is built once, then reused)");
        TrainingData data = TrainingDataLoader.load(config, i -> { });
        TrainingResult result = Training.run(config, data, new RunDirectory(out), resume, monitor);
        monitor.onMessage(String.format(java.util.Locale.ROOT,
                "best epoch %d: validation macro-F1 %.4f, macro-AUROC %.4f; run folder %s",
                result.state().bestEpoch(), result.validation().macroF1(), result.validation().macroAuroc(), out));
        return result;
    }

    /**
     * The training options shared by {@code train} and {@code experiment}: one flag per configuration
     * key, with the key's name (see {@code ConfigFiles.defaults()}); flags override {@code --config}.
     */
    public static final class TrainOptions {
        @Option(names = "--config", paramLabel = "FILE.json", description = "Configuration file; flags override it.")
        Path config;

        @Option(names = "--ptbxl", paramLabel = "ROOT", description = "PTB-XL folder (with ptbxl_database.csv).")
        Path ptbxl;

        @Option(names = "--level", description = "all, diagnostic, subdiagnostic, superdiagnostic (default), form, rhythm.")
        String level;

        @Option(names = "--sampling-rate", description = "Which PTB-XL files to read: 100 (default) or 500 Hz.")
        Integer samplingRate;

        @Option(names = "--train-folds", split = ",", paramLabel = "N", description = "Training folds (default 1-8).")
        List<Integer> trainFolds;

        @Option(names = "--validation-folds", split = ",", paramLabel = "N", description = "Validation folds (default 9).")
        List<Integer> validationFolds;

        @Option(names = "--test-folds", split = ",", paramLabel = "N",
                description = "Test folds (default 10), never read while training.")
        List<Integer> testFolds;

        @Option(names = "--baseline", description = "none (default) or bce: the supervised baseline instead of SigLIP.")
        String baseline;

        @Option(names = "--label-matrix", description = "diagonal, shared-finding (default), exact-set, jaccard.")
        String labelMatrix;

        @Option(names = "--text", description = "report (default), single-finding, all-findings.")
        String text;

        @Option(names = "--exclude-from-collisions", split = ",", paramLabel = "CODE",
                description = "Findings that do not make two samples a positive pair (e.g. SR).")
        List<String> exclude;

        @Option(names = "--encoder", description = "resnet1d (default), resnet1d_wang, xresnet1d18/50/101, inception1d.")
        String encoder;

        @Option(names = "--encoder-width", description = "Channels of the encoder's first stage; 0 (default): the "
                + "family's own (resnet1d 64, resnet1d_wang 128, xresnet1d 64, inception1d 128).")
        Integer encoderWidth;

        @Option(names = "--encoder-depth", description = "Residual/inception blocks, or the xresnet depth; 0 (default): "
                + "the family's own.")
        Integer encoderDepth;

        @Option(names = "--embedding-dim", description = "d, the size of both embeddings (default 128).")
        Integer embeddingDim;

        @Option(names = "--text-hidden", description = "Width of the text encoder (default 256).")
        Integer textHidden;

        @Option(names = "--epochs", description = "Epochs (default 30).")
        Integer epochs;

        @Option(names = "--batch-size", description = "Batch size (default 128).")
        Integer batchSize;

        @Option(names = "--learning-rate", description = "Peak AdamW learning rate (default 1e-3).")
        Double learningRate;

        @Option(names = "--weight-decay", description = "AdamW weight decay of weight matrices (default 0.01).")
        Double weightDecay;

        @Option(names = "--warmup-fraction", description = "Share of steps with linear warm-up (default 0.05).")
        Double warmupFraction;

        @Option(names = "--clip-norm", description = "Global gradient-norm clipping; 0 turns it off (default 1).")
        Double clipNorm;

        @Option(names = "--amplitude-scale", description = "Amplitude augmentation: factor in [1-s, 1+s] (default 0.1).")
        Double amplitudeScale;

        @Option(names = "--lead-dropout", description = "Probability of zeroing each lead in training (default 0.1).")
        Double leadDropout;

        @Option(names = "--record-length", description = "Samples stored per lead at 100 Hz (default 1000 = 10 s).")
        Integer recordLength;

        @Option(names = "--input-length", description = "Samples the model reads; below record-length: random crops (default 1000).")
        Integer inputLength;

        @Option(names = "--band-low", description = "High-pass cut-off in Hz (default 0.5; NaN: none).")
        Double bandLow;

        @Option(names = "--band-high", description = "Low-pass cut-off in Hz (default 40; NaN: none).")
        Double bandHigh;

        @Option(names = "--logit-bias-init", description = "auto (default: -10 for diagonal, else log-odds of the "
                + "measured positive rate) or a number.")
        String logitBiasInit;

        @Option(names = "--select-by", description = "macro_f1 (default) or macro_auroc: how the best epoch is chosen.")
        String selectBy;

        @Option(names = "--seed", description = "Seed of every random choice (default 42).")
        Long seed;

        @Option(names = "--device", description = "cpu (default), gpu, gpu:N, all-gpus.")
        String device;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Signal cache folder (default under ~/.cache/ecg-siglip).")
        Path cacheDir;

        @Option(names = "--cache-precision", description = "float32 (default) or float16.")
        String cachePrecision;

        /** Flag values by configuration key; null where the flag was not given. */
        public Map<String, Object> overrides() {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("ptbxl", ptbxl == null ? null : ptbxl.toAbsolutePath().toString());
            o.put("level", level);
            o.put("sampling-rate", samplingRate);
            o.put("train-folds", trainFolds);
            o.put("validation-folds", validationFolds);
            o.put("test-folds", testFolds);
            o.put("baseline", baseline);
            o.put("label-matrix", labelMatrix);
            o.put("text", text);
            o.put("exclude-from-collisions", exclude);
            o.put("encoder", encoder);
            o.put("encoder-width", encoderWidth);
            o.put("encoder-depth", encoderDepth);
            o.put("embedding-dim", embeddingDim);
            o.put("text-hidden", textHidden);
            o.put("epochs", epochs);
            o.put("batch-size", batchSize);
            o.put("learning-rate", learningRate);
            o.put("weight-decay", weightDecay);
            o.put("warmup-fraction", warmupFraction);
            o.put("clip-norm", clipNorm);
            o.put("amplitude-scale", amplitudeScale);
            o.put("lead-dropout", leadDropout);
            o.put("record-length", recordLength);
            o.put("input-length", inputLength);
            o.put("band-low", bandLow);
            o.put("band-high", bandHigh);
            o.put("logit-bias-init", logitBiasInit);
            o.put("select-by", selectBy);
            o.put("seed", seed);
            o.put("device", device);
            o.put("cache-dir", cacheDir == null ? null : cacheDir.toAbsolutePath().toString());
            o.put("cache-precision", cachePrecision);
            return o;
        }

        /** Defaults ← --config ← flags. */
        public TrainConfig resolve() {
            return ConfigFiles.resolve(config, overrides());
        }
    }
}
