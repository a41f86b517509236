package org.ecgsiglip.model.encoder;

import java.util.Locale;
import org.ecgsiglip.io.EcgException;

/**
 * Which signal encoder to build and how large.
 *
 * <p>Names: {@code resnet1d} (small residual CNN: stem conv k7/2 + max-pool, {@code depth} residual
 * blocks of {@code width} channels, concat pooling — the design's reference model),
 * {@code resnet1d_wang} (the PTB-XL benchmark's resnet1d_wang: stem k7/1 without pooling, three basic
 * blocks with kernels 5 and 3 at {@code width} = 128), {@code xresnet1d} ({@code depth} 18, 50 or 101;
 * fastai's XResNet made 1-D, ResNet-D shortcuts, base width 64 scaled by {@code width}/64),
 * {@code inception1d} ({@code depth} inception blocks of 4 × {@code width}/4 channels with kernels
 * 39/19/9 and a residual every three blocks, as in the benchmark).
 *
 * @param name one of the names above
 * @param width channel count of the first stage (meaning per name, above)
 * @param depth number of residual/inception blocks, or the xresnet depth
 * @param embeddingDim d, the size of the output embedding
 * @param head what maps the concat-pooled features to d
 * @param headHidden the hidden width of the {@link Head#MLP} head
 * @param headDropout the dropout p of the {@link Head#MLP} head (its first dropout is p/2)
 */
public record EncoderSpec(String name, int width, int depth, int embeddingDim, Head head, int headHidden,
                          double headDropout) {

    public static final String RESNET1D = "resnet1d";
    public static final String RESNET1D_WANG = "resnet1d_wang";
    public static final String XRESNET1D = "xresnet1d";
    public static final String INCEPTION1D = "inception1d";

    /** A linear head. */
    public EncoderSpec(String name, int width, int depth, int embeddingDim) {
        this(name, width, depth, embeddingDim, Head.LINEAR, 128, 0.5);
    }

    public EncoderSpec {
        name = name.toLowerCase(Locale.ROOT);
        java.util.Objects.requireNonNull(head, "head");
        if (headHidden < 1 || !(headDropout >= 0 && headDropout < 1)) {
            throw new EcgException(null, "head", "head-hidden (" + headHidden + ") must be positive and head-dropout ("
                    + headDropout + ") in [0, 1)", "use e.g. head-hidden 128, head-dropout 0.5");
        }
        if (width < 4 || depth < 1 || embeddingDim < 1) {
            throw new EcgException(null, "encoder " + name, "width (" + width + "), depth (" + depth
                    + ") and embedding dimension (" + embeddingDim + ") must be positive (width >= 4)",
                    "use e.g. width 64, depth 3, embedding 128");
        }
        switch (name) {
            case RESNET1D, RESNET1D_WANG, INCEPTION1D -> { }
            case XRESNET1D -> {
                if (depth != 18 && depth != 34 && depth != 50 && depth != 101) {
                    throw new EcgException(null, "encoder xresnet1d", "depth " + depth + " is not one of 18, 34, 50, 101",
                            "pick one of those, e.g. xresnet1d101 or --encoder xresnet1d --depth 50");
                }
            }
            default -> throw new EcgException(null, "encoder", "unknown encoder '" + name + "'",
                    "use one of resnet1d, resnet1d_wang, xresnet1d18, xresnet1d50, xresnet1d101, inception1d");
        }
    }

    /** The design's reference: resnet1d, 64 channels, 3 blocks, d = 128. */
    public static EncoderSpec defaults() {
        return new EncoderSpec(RESNET1D, 64, 3, 128);
    }

    /**
     * Parses a name as users write it: {@code resnet1d}, {@code resnet1d_wang}, {@code xresnet1d50},
     * {@code inception1d}, each with that family's default width and depth.
     */
    public static EncoderSpec parse(String text, int embeddingDim) {
        String s = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (s.startsWith(XRESNET1D)) {
            String digits = s.substring(XRESNET1D.length());
            int depth;
            try {
                depth = digits.isEmpty() ? 50 : Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new EcgException(null, "encoder", "cannot read a depth from '" + text + "'",
                        "write xresnet1d18, xresnet1d50 or xresnet1d101");
            }
            return new EncoderSpec(XRESNET1D, 64, depth, embeddingDim);
        }
        return switch (s) {
            case RESNET1D -> new EncoderSpec(RESNET1D, 64, 3, embeddingDim);
            case RESNET1D_WANG -> new EncoderSpec(RESNET1D_WANG, 128, 3, embeddingDim);
            case INCEPTION1D -> new EncoderSpec(INCEPTION1D, 128, 6, embeddingDim);
            default -> new EncoderSpec(s, 64, 3, embeddingDim); // the constructor names the valid choices
        };
    }

    /** The short name users write, e.g. {@code xresnet1d50}. */
    public String label() {
        return name.equals(XRESNET1D) ? name + depth : name;
    }
}
