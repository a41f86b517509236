package org.ecgsiglip.model.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.List;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.TextStrategy;

/**
 * Everything a training run depends on, resolved: defaults, then a JSON file, then command-line flags
 * (see {@link ConfigFiles}). JSON keys are the command-line flag names, so that every option is also a
 * flag and a resolved {@code config.json} can be passed back with {@code --config}.
 *
 * <p>Defaults give a good model with no other option than the data: collision-aware SigLIP
 * ({@code shared-finding} targets, {@code report} texts), resnet1d with d = 128, 30 epochs of 128,
 * AdamW 1e-3 with 5 % warm-up and cosine decay, global gradient-norm clipping at 1, amplitude
 * scaling ±10 % and lead dropout 10 %, 100 Hz, 1000 samples (10 s) stored and fed whole, band-pass
 * 0.5–40 Hz, per-lead standardisation. With {@code input-length} below {@code record-length}, training
 * reads a random window of each record (random crop) and validation and prediction the centre window.
 */
@JsonPropertyOrder(alphabetic = false)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record TrainConfig(
        @JsonProperty("ptbxl") Path ptbxl,
        @JsonProperty("level") String level,
        @JsonProperty("sampling-rate") int samplingRate,
        @JsonProperty("train-folds") List<Integer> trainFolds,
        @JsonProperty("validation-folds") List<Integer> validationFolds,
        @JsonProperty("test-folds") List<Integer> testFolds,
        @JsonProperty("baseline") String baseline,
        @JsonProperty("label-matrix") String labelMatrix,
        @JsonProperty("text") String text,
        @JsonProperty("exclude-from-collisions") List<String> excludeFromCollisions,
        @JsonProperty("encoder") String encoder,
        @JsonProperty("encoder-width") int encoderWidth,
        @JsonProperty("encoder-depth") int encoderDepth,
        @JsonProperty("embedding-dim") int embeddingDim,
        @JsonProperty("text-hidden") int textHidden,
        @JsonProperty("epochs") int epochs,
        @JsonProperty("batch-size") int batchSize,
        @JsonProperty("learning-rate") double learningRate,
        @JsonProperty("weight-decay") double weightDecay,
        @JsonProperty("warmup-fraction") double warmupFraction,
        @JsonProperty("clip-norm") double clipNorm,
        @JsonProperty("amplitude-scale") double amplitudeScale,
        @JsonProperty("lead-dropout") double leadDropout,
        @JsonProperty("record-length") int recordLength,
        @JsonProperty("input-length") int inputLength,
        @JsonProperty("band-low") double bandLow,
        @JsonProperty("band-high") double bandHigh,
        @JsonProperty("logit-bias-init") String logitBiasInit,
        @JsonProperty("select-by") String selectBy,
        @JsonProperty("seed") long seed,
        @JsonProperty("device") String device,
        @JsonProperty("cache-dir") Path cacheDir,
        @JsonProperty("cache-precision") String cachePrecision) {

    public TrainConfig {
        trainFolds = List.copyOf(trainFolds);
        validationFolds = List.copyOf(validationFolds);
        testFolds = List.copyOf(testFolds);
        excludeFromCollisions = List.copyOf(excludeFromCollisions);
        positive("epochs", epochs);
        positive("batch-size", batchSize);
        positive("embedding-dim", embeddingDim);
        positive("text-hidden", textHidden);
        positive("record-length", recordLength);
        positive("input-length", inputLength);
        if (inputLength > recordLength) {
            throw new ConfigurationException("input-length", "the model's input (" + inputLength + " samples) is longer "
                    + "than the stored record (" + recordLength + ")", "use input-length <= record-length");
        }
        if (batchSize < 2) {
            throw new ConfigurationException("batch-size", "a pairwise loss needs at least 2 samples per batch", "use 32 or more");
        }
        if (!(learningRate > 0) || weightDecay < 0 || warmupFraction < 0 || warmupFraction >= 1) {
            throw new ConfigurationException("learning-rate / weight-decay / warmup-fraction",
                    "need learning-rate > 0, weight-decay >= 0 and 0 <= warmup-fraction < 1", "e.g. 1e-3, 0.01, 0.05");
        }
        if (amplitudeScale < 0 || amplitudeScale >= 1 || leadDropout < 0 || leadDropout >= 1) {
            throw new ConfigurationException("amplitude-scale / lead-dropout", "must lie in [0, 1)", "e.g. 0.1 and 0.1");
        }
        if (!baseline.equals("none") && !baseline.equals("bce")) {
            throw new ConfigurationException("baseline", "unknown baseline '" + baseline + "'", "use none or bce");
        }
        if (!selectBy.equals("macro_f1") && !selectBy.equals("macro_auroc")) {
            throw new ConfigurationException("select-by", "unknown selection metric '" + selectBy + "'",
                    "use macro_f1 or macro_auroc");
        }
        if (!cachePrecision.equals("float32") && !cachePrecision.equals("float16")) {
            throw new ConfigurationException("cache-precision", "unknown precision '" + cachePrecision + "'",
                    "use float32 or float16");
        }
        if (!logitBiasInit.equals("auto")) {
            try {
                Double.parseDouble(logitBiasInit);
            } catch (NumberFormatException e) {
                throw new ConfigurationException("logit-bias-init", "'" + logitBiasInit + "' is neither auto nor a number",
                        "use auto or e.g. -10");
            }
        }
        // parse the enums now, so that a bad value fails before any data is read
        labelMatrixValue(labelMatrix);
        TextStrategy.parse(text);
        if (encoderWidth < 0 || encoderDepth < 0) {
            throw new ConfigurationException("encoder-width / encoder-depth", "must be >= 0 (0: the family's default)",
                    "e.g. encoder-width 64, encoder-depth 3");
        }
        encoderSpec(encoder, encoderWidth, encoderDepth, embeddingDim);
    }

    private static void positive(String name, long v) {
        if (v < 1) {
            throw new ConfigurationException(name, "must be at least 1, got " + v, "use a positive number");
        }
    }

    private static LabelMatrix labelMatrixValue(String s) {
        return LabelMatrix.parse(s);
    }

    public Objective objective() {
        return baseline.equals("bce") ? Objective.BCE : Objective.SIGLIP;
    }

    public LabelMatrix labelMatrixValue() {
        return LabelMatrix.parse(labelMatrix);
    }

    public TextStrategy textStrategy() {
        return TextStrategy.parse(text);
    }

    /** The encoder by name, with {@code encoder-width} / {@code encoder-depth} replacing the family's defaults when > 0. */
    public EncoderSpec encoderSpec() {
        return encoderSpec(encoder, encoderWidth, encoderDepth, embeddingDim);
    }

    private static EncoderSpec encoderSpec(String name, int width, int depth, int dim) {
        EncoderSpec base = EncoderSpec.parse(name, dim);
        return new EncoderSpec(base.name(), width > 0 ? width : base.width(), depth > 0 ? depth : base.depth(), dim);
    }

    /** A short name for reports: {@code siglip/shared-finding/report}, {@code bce}. */
    public String variantName() {
        return objective() == Objective.BCE ? "bce" : "siglip/" + labelMatrix + "/" + text;
    }
}
