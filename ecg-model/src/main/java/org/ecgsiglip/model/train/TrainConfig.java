package org.ecgsiglip.model.train;

import static org.ecgsiglip.model.train.Setting.Section.DATA;
import static org.ecgsiglip.model.train.Setting.Section.MODEL;
import static org.ecgsiglip.model.train.Setting.Section.PREPROCESSING;
import static org.ecgsiglip.model.train.Setting.Section.RUN;
import static org.ecgsiglip.model.train.Setting.Section.TRAINING;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.pipeline.Aggregation;
import org.ecgsiglip.io.pipeline.DataSource;
import org.ecgsiglip.io.pipeline.DataSpec;
import org.ecgsiglip.io.pipeline.Folds;
import org.ecgsiglip.io.pipeline.Standardization;
import org.ecgsiglip.io.pipeline.Windows;
import org.ecgsiglip.io.preprocess.NanPolicy;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.model.core.Objective;
import org.ecgsiglip.model.encoder.EncoderSpec;
import org.ecgsiglip.model.encoder.Head;
import org.ecgsiglip.model.siglip.LabelMatrix;
import org.ecgsiglip.model.siglip.TextStrategy;
import org.ecgsiglip.model.text.TextEncoderKind;
import org.ecgsiglip.model.text.TextTower;

/**
 * Everything a training run depends on, resolved: defaults, then a JSON file, then command-line flags
 * ({@link ConfigFiles}). Each component is one option, declared once with its {@link Setting}: the key
 * is both the JSON key and the flag, and help, defaults, types and ranges follow from the declaration
 * ({@link ConfigSchema}). The compact constructor checks what spans several options. What the data and
 * its preprocessing are is {@link #dataSpec()}, from which the cache, the model folder's pipeline and
 * the provenance derive.
 */
public record TrainConfig(
        @Setting(key = "ptbxl", value = "none", nullable = true, relativeToFile = true, label = "ROOT", section = DATA,
                help = "PTB-XL folder (with ptbxl_database.csv).")
        Path ptbxl,
        @Setting(key = "level", value = "superdiagnostic", section = DATA,
                help = "PTB-XL label level (PTB-XL only: refused with cinc unless left at its default).")
        LabelLevel level,
        @Setting(key = "sampling-rate", value = "100", min = 100, max = 500, section = DATA,
                help = "Which PTB-XL files to read: 100 (records100) or 500 Hz (records500); PTB-XL only.")
        int samplingRate,
        @Setting(key = "ignore-unknown-codes", value = "false", section = DATA,
                help = "Skip (and count) codes missing from the dataset's tables (PTB-XL scp_statements.csv, "
                        + "CinC dx_mapping_*.csv) instead of failing.")
        boolean ignoreUnknownCodes,
        @Setting(key = "cinc", value = "none", nullable = true, relativeToFile = true, label = "ROOT", section = DATA,
                help = "PhysioNet/CinC 2020/2021 folder (.hea/.mat records with #Dx codes), instead of ptbxl.")
        Path cinc,
        @Setting(key = "cinc-unscored", value = "drop", section = DATA,
                help = "CinC: codes of dx_mapping_unscored.csv are left out (the 26 scored classes are the findings), "
                        + "included as findings, or fail.")
        Cinc.Unscored cincUnscored,
        @Setting(key = "cinc-folds", value = "10", min = 2, section = DATA,
                help = "CinC has no folds: assign this many, stratified by finding and source database.")
        int cincFolds,
        @Setting(key = "cinc-fold-seed", value = "1", section = DATA,
                help = "CinC: seed of the fold assignment, apart from seed so that the split stays when the "
                        + "training seed changes.")
        long cincFoldSeed,
        @Setting(key = "split-file", value = "none", nullable = true, relativeToFile = true, label = "FILE.csv",
                section = DATA, help = "CinC: folds from a record_id,fold file instead of cinc-folds and cinc-fold-seed.")
        Path splitFile,
        @Setting(key = "train-folds", value = "1,2,3,4,5,6,7,8", section = DATA, help = "Training folds.")
        List<Integer> trainFolds,
        @Setting(key = "validation-folds", value = "9", section = DATA,
                help = "Validation folds: model selection and threshold tuning.")
        List<Integer> validationFolds,
        @Setting(key = "test-folds", value = "10", section = DATA, help = "Test folds, never read while training.")
        List<Integer> testFolds,

        @Setting(key = "leads", value = "I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6", section = PREPROCESSING,
                help = "Leads the model reads, in order (any spelling: AVR is aVR).")
        List<String> leads,
        @Setting(key = "nan-policy", value = "interpolate", section = PREPROCESSING,
                help = "What to do with invalid (NaN) samples.")
        NanPolicy nanPolicy,
        @Setting(key = "input-rate", value = "100", min = 1, max = 10000, section = PREPROCESSING,
                help = "Sampling rate the model reads, in Hz; records are resampled to it.")
        int inputRate,
        @Setting(key = "record-length", value = "1000", min = 1, section = PREPROCESSING,
                help = "Samples stored per lead (1000 = 10 s at 100 Hz); shorter records are padded with zeros.")
        int recordLength,
        @Setting(key = "band-low", value = "none", nullable = true, min = 0, minExclusive = true, section = PREPROCESSING,
                help = "High-pass cut-off in Hz, or none.")
        Double bandLow,
        @Setting(key = "band-high", value = "none", nullable = true, min = 0, minExclusive = true, section = PREPROCESSING,
                help = "Low-pass cut-off in Hz, or none.")
        Double bandHigh,
        @Setting(key = "filter-order", value = "2", min = 1, max = 8, section = PREPROCESSING,
                help = "Butterworth order of the zero-phase filter (a band-pass doubles it).")
        int filterOrder,
        @Setting(key = "standardize", value = "dataset", section = PREPROCESSING,
                help = "Lead scaling: each record on its own, with the training folds' statistics, or none.")
        Standardization standardize,
        @Setting(key = "input-length", value = "250", min = 1, section = PREPROCESSING,
                help = "Samples the model reads (250 = 2.5 s at 100 Hz, the PTB-XL benchmark's crops); below "
                        + "record-length, training reads a random crop of each record. record-length reads whole records.")
        int inputLength,
        @Setting(key = "eval-stride", value = "125", min = 0, section = PREPROCESSING,
                help = "Validation and prediction: N > 0 reads sliding windows every N samples (the last one aligned "
                        + "with the record's end) combined by eval-aggregate; 0 reads the centre window only.")
        int evalStride,
        @Setting(key = "eval-aggregate", value = "mean", section = PREPROCESSING,
                help = "How sliding windows' probabilities combine.")
        Aggregation evalAggregate,
        @Setting(key = "cache-dir", value = "none", nullable = true, relativeToFile = true, label = "DIR",
                section = PREPROCESSING, help = "Signal cache folder (none: under $ECG_SIGLIP_CACHE or ~/.cache/ecg-siglip).")
        Path cacheDir,
        @Setting(key = "cache-precision", value = "float32", section = PREPROCESSING,
                help = "How the cache stores signals; prediction rounds records the same way.")
        Precision cachePrecision,

        @Setting(key = "baseline", value = "none", section = MODEL,
                help = "none: SigLIP; bce: the supervised baseline (linear head + binary cross-entropy).")
        Baseline baseline,
        @Setting(key = "label-matrix", value = "shared-finding", section = MODEL,
                help = "SigLIP targets: diagonal (plain SigLIP), shared-finding (collision-aware), exact-set, jaccard.")
        LabelMatrix labelMatrix,
        @Setting(key = "text", value = "report", section = MODEL,
                help = "Text per sample: report (its findings joined), single-finding, all-findings (every finding a column).")
        TextStrategy text,
        @Setting(key = "exclude-from-collisions", value = "", label = "CODE,...", section = MODEL,
                help = "Findings that do not make two samples a positive pair (e.g. NORM).")
        List<String> excludeFromCollisions,
        @Setting(key = "encoder", value = "resnet1d", section = MODEL,
                help = "resnet1d, resnet1d_wang, xresnet1d18/34/50/101, inception1d.")
        String encoder,
        @Setting(key = "encoder-width", value = "0", min = 0, section = MODEL,
                help = "Channels of the encoder's first stage; 0: the family's own (resnet1d 64, resnet1d_wang 128, "
                        + "xresnet1d 64, inception1d 128).")
        int encoderWidth,
        @Setting(key = "encoder-depth", value = "0", min = 0, section = MODEL,
                help = "Residual/inception blocks, or the xresnet depth; 0: the family's own.")
        int encoderDepth,
        @Setting(key = "head", value = "linear", section = MODEL,
                help = "After concat pooling: linear (one linear map to d), or mlp (BN, dropout, linear, ReLU, BN, "
                        + "dropout, linear: the PyTorch reference's head).")
        Head head,
        @Setting(key = "head-hidden", value = "128", min = 1, section = MODEL, help = "Width of the mlp head.")
        int headHidden,
        @Setting(key = "head-dropout", value = "0.5", min = 0, max = 1, maxExclusive = true, section = MODEL,
                help = "Dropout p of the mlp head (its first dropout is p/2).")
        double headDropout,
        @Setting(key = "embedding-dim", value = "128", min = 1, section = MODEL, help = "d, the size of both embeddings.")
        int embeddingDim,
        @Setting(key = "text-hidden", value = "256", min = 1, section = MODEL, help = "Width of the text encoder.")
        int textHidden,
        @Setting(key = "text-encoder", value = "ngram", section = MODEL,
                help = "What the text encoder reads: ngram (word and character n-gram embeddings learned from the "
                        + "vocabulary), or minilm (frozen all-MiniLM-L6-v2 sentence embeddings; needs the ecg-text-minilm "
                        + "module on the class path).")
        TextEncoderKind textEncoder,
        @Setting(key = "text-tower", value = "mlp", section = MODEL,
                help = "Above the text features: mlp (trainable, text-hidden wide), or locked (nothing trainable: the "
                        + "frozen sentence embedding is the text embedding and d must be its dimension, 384 for "
                        + "minilm; for zero-shot findings).")
        TextTower textTower,

        @Setting(key = "epochs", value = "30", min = 1, section = TRAINING, help = "Epochs.")
        int epochs,
        @Setting(key = "batch-size", value = "128", min = 2, section = TRAINING,
                help = "Batch size (a pairwise loss needs at least 2).")
        int batchSize,
        @Setting(key = "learning-rate", value = "1e-3", min = 0, minExclusive = true, section = TRAINING,
                help = "Peak AdamW learning rate.")
        double learningRate,
        @Setting(key = "weight-decay", value = "0.01", min = 0, section = TRAINING,
                help = "AdamW weight decay of weight matrices.")
        double weightDecay,
        @Setting(key = "schedule", value = "constant", section = TRAINING, help = "Learning-rate schedule.")
        Schedule schedule,
        @Setting(key = "warmup-fraction", value = "0.05", min = 0, max = 1, maxExclusive = true, section = TRAINING,
                help = "Share of steps with linear warm-up (warmup-cosine).")
        double warmupFraction,
        @Setting(key = "clip-norm", value = "0", min = 0, section = TRAINING,
                help = "Global gradient-norm clipping; 0 turns it off.")
        double clipNorm,
        @Setting(key = "amplitude-scale", value = "0", min = 0, max = 1, maxExclusive = true, section = TRAINING,
                help = "Amplitude augmentation: each record scaled by a factor in [1-s, 1+s]; 0 turns it off.")
        double amplitudeScale,
        @Setting(key = "lead-dropout", value = "0", min = 0, max = 1, maxExclusive = true, section = TRAINING,
                help = "Probability of zeroing each lead in training; 0 turns it off.")
        double leadDropout,
        @Setting(key = "loss-chunk", value = "0", min = 0, section = TRAINING,
                help = "Compute the loss in blocks of this many columns (memory n x chunk instead of n x n); 0: at once.")
        int lossChunk,
        @Setting(key = "logit-bias-init", value = "-10", section = TRAINING,
                help = "auto (-10 for diagonal, else the log-odds of the measured positive rate) or a number.")
        LogitBiasInit logitBiasInit,
        @Setting(key = "select-by", value = "macro-auroc", section = TRAINING,
                help = "How the best epoch is chosen on validation.")
        SelectBy selectBy,
        @Setting(key = "held-out-findings", value = "", label = "CODE,...", section = TRAINING,
                help = "Zero-shot: findings removed from every training label set and text (and from model selection "
                        + "and threshold tuning) but kept in the vocabulary, so the model scores them from their text "
                        + "alone. SigLIP only.")
        List<String> heldOutFindings,
        @Setting(key = "held-out-count", value = "0", min = 0, section = TRAINING,
                help = "Zero-shot: hold out this many findings drawn at random with held-out-seed (instead of "
                        + "held-out-findings).")
        int heldOutCount,
        @Setting(key = "held-out-seed", value = "1", section = TRAINING,
                help = "Seed of the held-out-count draw, apart from seed so that every training seed holds out the "
                        + "same findings.")
        long heldOutSeed,

        @Setting(key = "seed", value = "42", section = RUN, help = "Seed of every random choice.")
        long seed,
        @Setting(key = "device", value = "cpu", section = RUN, help = "cpu, gpu, gpu:N or all-gpus.")
        String device) {

    private static final Pattern DEVICE = Pattern.compile("cpu|gpu|gpu:\\d{1,3}|all-gpus");

    public TrainConfig {
        trainFolds = List.copyOf(trainFolds);
        validationFolds = List.copyOf(validationFolds);
        testFolds = List.copyOf(testFolds);
        leads = List.copyOf(leads);
        excludeFromCollisions = List.copyOf(excludeFromCollisions);
        heldOutFindings = List.copyOf(heldOutFindings);
        if (!heldOutFindings.isEmpty() && heldOutCount > 0) {
            throw new ConfigurationException("held-out-findings / held-out-count", "both name the held-out findings "
                    + "(" + heldOutFindings + " and a draw of " + heldOutCount + ")",
                    "give either the list held-out-findings or the count held-out-count");
        }
        if (heldOutFindings.size() != new java.util.HashSet<>(heldOutFindings).size()) {
            throw new ConfigurationException("held-out-findings", "a finding is listed twice in " + heldOutFindings,
                    "list each held-out finding once");
        }
        if (baseline == Baseline.BCE && (!heldOutFindings.isEmpty() || heldOutCount > 0)) {
            throw new ConfigurationException(heldOutFindings.isEmpty() ? "held-out-count" : "held-out-findings",
                    "the bce baseline cannot score a finding it was not trained on: its head has one output per "
                            + "finding and nothing but that finding's labels trains it (only a SigLIP model scores a "
                            + "finding from its text)", "hold out findings with a SigLIP variant (baseline none), or "
                            + "remove held-out-findings and held-out-count from the bce variant");
        }
        if (textTower == TextTower.LOCKED && baseline != Baseline.BCE && textEncoder == TextEncoderKind.NGRAM) {
            throw new ConfigurationException("text-tower", "a locked text tower needs pretrained text features: n-gram "
                    + "features are learned by the tower itself, so locked would leave them random",
                    "use --text-encoder minilm with --text-tower locked, or --text-tower mlp");
        }
        if (samplingRate != 100 && samplingRate != 500) {
            throw new ConfigurationException("sampling-rate", "PTB-XL records exist at 100 and 500 Hz, not "
                    + samplingRate, "use 100 or 500");
        }
        if (!DEVICE.matcher(device).matches()) {
            throw new ConfigurationException("device", "unknown device '" + device + "'", "use cpu, gpu, gpu:N or all-gpus");
        }
        DataSources.check(ptbxl, level, samplingRate, cinc, cincUnscored, cincFolds, cincFoldSeed, splitFile);
        dataSpec(trainFolds, validationFolds, testFolds, leads, nanPolicy, inputRate, recordLength, bandLow, bandHigh,
                filterOrder, standardize, inputLength, evalStride, evalAggregate, cachePrecision,
                DataSources.source(ptbxl, level, samplingRate, ignoreUnknownCodes, cinc, cincUnscored, cincFolds,
                        cincFoldSeed, null));
        encoderSpec(encoder, encoderWidth, encoderDepth, embeddingDim, head, headHidden, headDropout);
    }

    public Objective objective() {
        return baseline.objective();
    }

    /** The encoder by name, with {@code encoder-width} / {@code encoder-depth} replacing the family's defaults when > 0. */
    public EncoderSpec encoderSpec() {
        return encoderSpec(encoder, encoderWidth, encoderDepth, embeddingDim, head, headHidden, headDropout);
    }

    /**
     * The input pipeline this configuration declares. Needs the dataset ({@code ptbxl} or {@code cinc});
     * throws a typed error naming the option when it is missing. A split file is read and hashed here.
     */
    public DataSpec dataSpec() {
        if (ptbxl == null && cinc == null) {
            throw new ConfigurationException("ptbxl", "no dataset given", "pass --ptbxl PATH (the folder with "
                    + "ptbxl_database.csv) or --cinc PATH (a folder of CinC .hea/.mat records), or set \"ptbxl\" or "
                    + "\"cinc\" in the configuration file");
        }
        return dataSpec(trainFolds, validationFolds, testFolds, leads, nanPolicy, inputRate, recordLength, bandLow,
                bandHigh, filterOrder, standardize, inputLength, evalStride, evalAggregate, cachePrecision,
                DataSources.source(ptbxl, level, samplingRate, ignoreUnknownCodes, cinc, cincUnscored, cincFolds,
                        cincFoldSeed, splitFile));
    }

    /** Whether this run holds findings out of training (zero-shot). */
    public boolean holdsOut() {
        return !heldOutFindings.isEmpty() || heldOutCount > 0;
    }

    /** A short name for reports: {@code siglip/shared-finding/report}, {@code bce}. */
    public String variantName() {
        return baseline == Baseline.BCE ? "bce"
                : "siglip/" + ConfigValue.name(labelMatrix) + "/" + ConfigValue.name(text);
    }

    private static DataSpec dataSpec(List<Integer> train, List<Integer> validation, List<Integer> test,
                                     List<String> leads, NanPolicy nan, int rate, int recordLength, Double low,
                                     Double high, int order, Standardization standardize, int inputLength, int stride,
                                     Aggregation aggregate, Precision precision, DataSource source) {
        Preprocessing prep = new Preprocessing(rate, recordLength, low == null ? Double.NaN : low,
                high == null ? Double.NaN : high, order, false, leads, nan);
        return new DataSpec(source, new Folds(train, validation, test), prep, standardize,
                new Windows(inputLength, stride, aggregate), precision);
    }

    private static EncoderSpec encoderSpec(String name, int width, int depth, int dim, Head head, int hidden,
                                           double dropout) {
        EncoderSpec base = EncoderSpec.parse(name, dim);
        return new EncoderSpec(base.name(), width > 0 ? width : base.width(), depth > 0 ? depth : base.depth(), dim,
                head, hidden, dropout);
    }
}
