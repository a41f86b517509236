package org.ecgsiglip.eval;

import java.util.Map;

/**
 * How to bootstrap: {@code replicates} resamples (B, 1000 by default) drawn with replacement
 * from an explicit {@code seed}, a two-sided confidence {@code level} (0.95 by default), and the
 * unit of resampling: records, or groups of records (patients) when {@code groups} maps every
 * record id to its group id. Resampling by group draws as many groups as there are, with
 * replacement, and takes every record of each drawn group, so records of one patient stay
 * together and a resample may hold more or fewer records than the data.
 */
public record Bootstrap(int replicates, long seed, double level, Map<String, String> groups) {
    public static final int DEFAULT_REPLICATES = 1000;
    public static final double DEFAULT_LEVEL = 0.95;

    public Bootstrap {
        if (replicates < 1) {
            throw new IllegalArgumentException("bootstrap replicates must be at least 1, not " + replicates);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), not " + level);
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
            throw new IllegalArgumentException("resampling by group needs a group for every record");
        }
        return new Bootstrap(replicates, seed, DEFAULT_LEVEL, groupOfRecord);
    }

    /** The same bootstrap at another confidence level. */
    public Bootstrap withLevel(double newLevel) {
        return new Bootstrap(replicates, seed, newLevel, groups);
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
