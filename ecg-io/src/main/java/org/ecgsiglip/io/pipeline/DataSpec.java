package org.ecgsiglip.io.pipeline;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Objects;
import org.ecgsiglip.io.ConfigurationException;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.preprocess.Preprocessing;

/**
 * The whole input pipeline of a run, declared once: which records ({@link DataSource}, {@link Folds}),
 * how each record becomes the array the model reads ({@link Preprocessing}: leads, NaN policy,
 * resampling, filter, stored length; {@link Standardization}; {@link Windows}), and how the stored
 * signals are kept ({@link Precision}). Everything that depends on "which data, which preprocessing"
 * derives from this value: the signal cache's folder ({@link #cacheKey()}), the experiment's data
 * sharing, the model folder's {@code pipeline.json}, the predictor, and the provenance
 * ({@link #digest()}).
 *
 * @param source the dataset and its labels
 * @param folds training, validation and test folds
 * @param preprocessing the per-record transform whose output the cache stores; its standardisation flag
 *     is set from {@code standardization} ({@link Standardization#RECORD} only)
 * @param standardization how leads are scaled
 * @param windows which samples the model reads, at training and at evaluation
 * @param precision how the cache stores values; prediction rounds the same way, so that a model sees
 *     exactly what validation saw
 */
public record DataSpec(DataSource source, Folds folds, Preprocessing preprocessing, Standardization standardization,
                       Windows windows, Precision precision) {

    public DataSpec {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(folds, "folds");
        Objects.requireNonNull(standardization, "standardization");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(precision, "precision");
        preprocessing = preprocessing.withStandardize(standardization == Standardization.RECORD);
        if (windows.length() > preprocessing.length()) {
            throw new ConfigurationException("input-length", "the model's input (" + windows.length()
                    + " samples) is longer than the stored record (" + preprocessing.length() + ")",
                    "use input-length <= record-length");
        }
    }

    /** Stored leads per record. */
    public int leads() {
        return preprocessing.leads().size();
    }

    /** Everything in this value as JSON, in a fixed key order (the digest is taken over it). */
    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("source", source.toJson());
        ObjectNode f = n.putObject("folds");
        f.set("train", ints(folds.train()));
        f.set("validation", ints(folds.validation()));
        f.set("test", ints(folds.test()));
        n.set("preprocessing", PipelineJson.preprocessing(preprocessing));
        n.put("standardization", standardization.name().toLowerCase(Locale.ROOT));
        ObjectNode w = n.putObject("windows");
        w.put("length", windows.length());
        w.put("stride", windows.stride());
        w.put("aggregation", windows.aggregation().name().toLowerCase(Locale.ROOT));
        n.put("precision", precision.name().toLowerCase(Locale.ROOT));
        return n;
    }

    /** SHA-256 of {@link #toJson()}: the pipeline's identity in provenance and in the model folder. */
    public String digest() {
        return PipelineJson.sha256(toJson());
    }

    /**
     * SHA-256 of what shapes the signal cache's content: the source, the training and validation folds
     * (the cached records), the per-record preprocessing and the precision. Windows and dataset
     * standardisation are applied when reading, so runs that differ only there share one cache.
     */
    public String cacheKey() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.set("source", source.toJson());
        n.set("train", ints(folds.train()));
        n.set("validation", ints(folds.validation()));
        n.set("preprocessing", PipelineJson.preprocessing(preprocessing));
        n.put("precision", precision.name());
        return PipelineJson.sha256(n);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode ints(java.util.List<Integer> v) {
        com.fasterxml.jackson.databind.node.ArrayNode a = JsonNodeFactory.instance.arrayNode();
        v.forEach(a::add);
        return a;
    }
}
