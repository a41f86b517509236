package org.ecgsiglip.eval.calibration;

import java.util.List;
import java.util.Locale;

/**
 * How probabilities are grouped into bins for a reliability curve and the expected calibration
 * error: {@code bins} bins of equal width on [0, 1] ({@link Strategy#UNIFORM}) or of equal mass
 * at the sample's quantiles ({@link Strategy#QUANTILE}), exactly as scikit-learn's
 * {@code calibration_curve(strategy=...)} draws them (see {@link BinEdges}).
 *
 * <p>The headline binning of every report is {@link #HEADLINE}, 10 equal-width bins: its edges do
 * not move with the data, so two runs are compared bin by bin, and the decision rule's 0.5 is an
 * edge, so the bins left of it hold the records the σ ≥ 0.5 rule calls negative and those right
 * of it the ones it calls positive. {@link #STANDARD} adds 15 equal-width bins (the usual choice
 * in the deep-learning literature) and 10 and 15 equal-mass bins, which keep every bin populated
 * when most probabilities sit near 0, as they do for rare findings.
 */
public record Binning(Strategy strategy, int bins) {
    /** 10 equal-width bins. */
    public static final Binning HEADLINE = new Binning(Strategy.UNIFORM, 10);
    /** Equal-width and equal-mass, 10 and 15 bins, the headline first. */
    public static final List<Binning> STANDARD = List.of(HEADLINE, new Binning(Strategy.UNIFORM, 15),
            new Binning(Strategy.QUANTILE, 10), new Binning(Strategy.QUANTILE, 15));

    /** Equal-width bins on [0, 1], or equal-mass bins at the sample's quantiles. */
    public enum Strategy {
        UNIFORM("uniform", "equal-width"),
        QUANTILE("quantile", "equal-mass");

        private final String key;
        private final String words;

        Strategy(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** scikit-learn's name: {@code uniform} or {@code quantile}. */
        public String key() {
            return key;
        }
    }

    public Binning {
        if (strategy == null) {
            throw new IllegalArgumentException("strategy must be given");
        }
        if (bins < 1 || bins > 1000) {
            throw new IllegalArgumentException("bins must be between 1 and 1000, not " + bins);
        }
    }

    public static Binning uniform(int bins) {
        return new Binning(Strategy.UNIFORM, bins);
    }

    public static Binning quantile(int bins) {
        return new Binning(Strategy.QUANTILE, bins);
    }

    /** The name used in JSON fields and CSV columns, e.g. {@code uniform_10}. */
    public String key() {
        return strategy.key + "_" + bins;
    }

    /** The binning whose {@link #key()} is {@code key}, e.g. {@code quantile_15}. */
    public static Binning ofKey(String key) {
        int cut = key.lastIndexOf('_');
        if (cut > 0) {
            for (Strategy s : Strategy.values()) {
                if (s.key.equals(key.substring(0, cut)) && key.substring(cut + 1).matches("[0-9]{1,4}")) {
                    return new Binning(s, Integer.parseInt(key.substring(cut + 1)));
                }
            }
        }
        throw new IllegalArgumentException("no binning '" + key + "'; write uniform_N or quantile_N");
    }

    /** In words, e.g. {@code 10 equal-width bins}. */
    public String words() {
        return String.format(Locale.ROOT, "%d %s bins", bins, strategy.words);
    }

    /** The {@code bins + 1} edges of these bins for the probabilities {@code p}. */
    public double[] edges(double[] p) {
        return strategy == Strategy.UNIFORM ? BinEdges.uniform(bins) : BinEdges.quantile(p, bins);
    }

    @Override
    public String toString() {
        return key();
    }
}
