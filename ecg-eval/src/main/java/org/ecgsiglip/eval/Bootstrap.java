package org.ecgsiglip.eval;

import java.util.Map;

/**
 * How to bootstrap: {@code replicates} resamples (B, 1000 by default) drawn with replacement
 * from an explicit {@code seed}, a two-sided confidence {@code level} (0.95 by default), and the
 * unit of resampling: records, or groups of records (patients) when {@code groups} maps every
 * record id to its group id. Resampling by group draws as many groups as there are, with
 * replacement, and takes every record of each drawn group, so records of one patient stay
 * together and a resample may hold more or fewer records than the data.
 *
 * <p><b>Bounds.</b> B is at most {@value #MAX_REPLICATES}. Every resample's metrics are kept until the
 * percentiles are taken: {@link #bytesNeeded} = B · (E · (8 · (M·K + A) + 24) + 16) bytes for K
 * findings, M metrics per finding and A averages (11 and 14 today) and E engines (1 for an
 * evaluation, 2 for a paired comparison): 0.64 GB at B = 10<sup>5</sup>, K = 71, E = 1. More
 * resamples would not help either: the Monte Carlo error of a percentile bound shrinks as 1/√B, and
 * at B = 10<sup>4</sup> it is already a small fraction of the interval's width. {@link
 * #requireMemory} checks B against the heap for a given K and E.
 */
public record Bootstrap(int replicates, long seed, double level, Map<String, String> groups) {
    public static final int DEFAULT_REPLICATES = 1000;
    public static final double DEFAULT_LEVEL = 0.95;
    /** Most resamples a bootstrap may draw; see the class comment. */
    public static final int MAX_REPLICATES = 100_000;

    /**
     * @throws EvalInputException when B is outside [1, {@value #MAX_REPLICATES}] or the level outside (0, 1)
     */
    public Bootstrap {
        if (replicates < 1 || replicates > MAX_REPLICATES) {
            throw new EvalInputException(null, "bootstrap replicates", "B = " + replicates + " resamples is outside"
                    + " [1, " + MAX_REPLICATES + "]: every resample's metrics are kept in memory (about 6.4 kB each for"
                    + " 71 findings), and beyond 10^4 resamples the intervals no longer change visibly",
                    "use --bootstrap " + DEFAULT_REPLICATES + " (the default) or up to " + MAX_REPLICATES);
        }
        if (!(level > 0 && level < 1)) {
            throw new EvalInputException(null, "confidence level", "the level is " + level + ", not in (0, 1)",
                    "give a two-sided level such as 0.95");
        }
        groups = Map.copyOf(groups);
    }

    /** Resampling records, at the default level. */
    public static Bootstrap byRecord(int replicates, long seed) {
        return new Bootstrap(replicates, seed, DEFAULT_LEVEL, Map.of());
    }

    /** Resampling groups (e.g. patients); {@code groupOfRecord} maps record id to group id. */
    public static Bootstrap byGroup(int replicates, long seed, Map<String, String> groupOfRecord) {
        if (groupOfRecord.isEmpty()) {
            throw new EvalInputException(null, "bootstrap groups", "resampling by group needs a group for every"
                    + " record, and none was given", "give a groups table with a line per record");
        }
        return new Bootstrap(replicates, seed, DEFAULT_LEVEL, groupOfRecord);
    }

    /** The same bootstrap at another confidence level. */
    public Bootstrap withLevel(double newLevel) {
        return new Bootstrap(replicates, seed, newLevel, groups);
    }

    /**
     * Bytes the resamples' metrics take for {@code findings} findings and {@code engines} prediction
     * sets (1 for an evaluation, 2 for a paired comparison): per resample, one array of {@code M·K + A}
     * doubles per engine (plus its header and reference), its seed and its slot in a percentile column.
     */
    public long bytesNeeded(int findings, int engines) {
        long perEngine = 8L * Replicate.size(findings) + 24;
        return (long) replicates * (engines * perEngine + 16);
    }

    /**
     * Refuses a bootstrap whose resamples would take more than half the heap this JVM may use
     * ({@link Runtime#maxMemory()}), naming the largest B that fits.
     *
     * @throws EvalInputException when B resamples of {@code findings} findings do not fit
     */
    public void requireMemory(int findings, int engines) {
        long budget = Runtime.getRuntime().maxMemory() / 2;
        long need = bytesNeeded(findings, engines);
        if (need > budget) {
            long fits = budget / Math.max(1, need / replicates);
            throw new EvalInputException(null, "bootstrap replicates", "B = " + replicates + " resamples of "
                    + findings + " findings need " + (need >> 20) + " MiB for their metrics, more than half of the "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB this JVM may use",
                    "use at most --bootstrap " + fits + ", or give Java more memory (-Xmx)");
        }
    }

    public boolean isByGroup() {
        return !groups.isEmpty();
    }

    /** {@code record} or {@code group}. */
    public String unit() {
        return isByGroup() ? "group" : "record";
    }

    @Override
    public String toString() {
        return "Bootstrap[B=" + replicates + ", seed=" + seed + ", level=" + level + ", by " + unit()
                + (isByGroup() ? " (" + groups.size() + " records mapped)" : "") + "]";
    }
}
