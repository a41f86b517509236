package org.ecgsiglip.io.cache;

import java.util.List;
import org.ecgsiglip.io.preprocess.Preprocessing;

/**
 * The JSON index beside a cache's data file ({@code index.json}); written last, so its presence
 * marks a complete cache. During a build the same content sits in {@code build.json}.
 *
 * @param format the index format tag
 * @param precision how values are stored
 * @param count number of records
 * @param leads leads per record
 * @param length samples per lead
 * @param preprocessing the configuration every record went through
 * @param datasetName the dataset's name, e.g. {@code ptbxl-superdiagnostic}
 * @param sourceIdentity SHA-256 over every source file's path, size and modification time
 * @param recordIds record ids in cache order (== dataset order)
 * @param toolkitVersion the toolkit version that built it
 */
public record CacheIndex(String format, Precision precision, int count, int leads, int length,
        Preprocessing preprocessing, String datasetName, String sourceIdentity, List<String> recordIds,
        String toolkitVersion) {

    /** The format tag this toolkit writes and reads. */
    public static final String FORMAT = "ecg-siglip-cache/1";

    public CacheIndex {
        recordIds = List.copyOf(recordIds);
    }

    /** Bytes one record takes in the data file. */
    public long recordBytes() {
        return (long) leads * length * precision.bytes();
    }

    /** True when {@code other} describes the same build (everything but the toolkit version). */
    boolean sameBuild(CacheIndex other) {
        return format.equals(other.format) && precision == other.precision && count == other.count
                && leads == other.leads && length == other.length && preprocessing.equals(other.preprocessing)
                && sourceIdentity.equals(other.sourceIdentity) && recordIds.equals(other.recordIds);
    }
}
