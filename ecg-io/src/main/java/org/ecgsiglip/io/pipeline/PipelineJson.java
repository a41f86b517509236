package org.ecgsiglip.io.pipeline;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgsiglip.io.EcgException;
import org.ecgsiglip.io.cache.Precision;
import org.ecgsiglip.io.cinc.Cinc;
import org.ecgsiglip.io.preprocess.NanPolicy;
import org.ecgsiglip.io.preprocess.Preprocessing;
import org.ecgsiglip.io.ptbxl.LabelLevel;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.Sha256;

/**
 * {@code pipeline.json}: an {@link InputPipeline} as plain JSON ({@value #FORMAT}), written into every
 * model folder and read by the predictor. Reading checks every field and fails with the file and the
 * field named.
 */
public final class PipelineJson {
    /** The format tag of {@code pipeline.json}. */
    public static final String FORMAT = "ecg-siglip-pipeline/1";

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PipelineJson() {
    }

    /** The pipeline as JSON: format, digest of the spec, the spec, the statistics (or null). */
    public static ObjectNode toJson(InputPipeline p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("format", FORMAT);
        n.set("spec", p.spec().toJson());
        if (p.statistics() == null) {
            n.putNull("lead_statistics");
        } else {
            ObjectNode s = n.putObject("lead_statistics");
            s.set("mean", doubles(p.statistics().mean()));
            s.set("sd", doubles(p.statistics().sd()));
        }
        return n;
    }

    /** Writes {@code pipeline.json} atomically. */
    public static void write(InputPipeline p, Path file) {
        try {
            AtomicFiles.writeString(file, PRETTY.writeValueAsString(toJson(p)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }

    /** Reads {@code pipeline.json}. */
    public static InputPipeline read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new EcgException(file, null, "not valid JSON: " + e.getOriginalMessage(),
                    "the model folder is damaged; retrain or restore it", e);
        } catch (IOException e) {
            throw new EcgException(file, null, "cannot read the input pipeline: " + e.getMessage(),
                    "check that the file exists and is readable", e);
        }
        Reader r = new Reader(file);
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new EcgException(file, "field format", "not an input pipeline of format " + FORMAT,
                    "point at a model folder written by this toolkit");
        }
        JsonNode spec = r.object(root, "spec");
        DataSpec dataSpec = r.guard("spec", () -> new DataSpec(source(r, r.object(spec, "source")), folds(r, spec),
                preprocessing(r, r.object(spec, "preprocessing")),
                r.enumValue(spec, "standardization", Standardization.class), windows(r, r.object(spec, "windows")),
                r.enumValue(spec, "precision", Precision.class)));
        JsonNode stats = root.get("lead_statistics");
        LeadStatistics ls = stats == null || stats.isNull() ? null : r.guard("lead_statistics",
                () -> new LeadStatistics(r.doubles(stats, "mean"), r.doubles(stats, "sd")));
        return r.guard("lead_statistics", () -> new InputPipeline(dataSpec, ls));
    }

    /** The per-record preprocessing as JSON. */
    static ObjectNode preprocessing(Preprocessing p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("rate_hz", p.targetHz());
        n.put("length", p.length());
        putCutOff(n, "band_low_hz", p.bandLowHz());
        putCutOff(n, "band_high_hz", p.bandHighHz());
        n.put("filter_order", p.filterOrder());
        n.put("standardize_each_record", p.standardize());
        ArrayNode leads = n.putArray("leads");
        p.leads().forEach(leads::add);
        n.put("nan_policy", p.nanPolicy().name().toLowerCase(Locale.ROOT));
        return n;
    }

    /** SHA-256 of a JSON tree's compact serialisation. */
    static String sha256(JsonNode tree) {
        try {
            return Sha256.of(JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree is always serialisable", e);
        }
    }

    private static DataSource source(Reader r, JsonNode n) {
        String kind = r.text(n, "kind");
        if (kind.equals("ptb-xl")) {
            return new PtbXlSource(Path.of(r.text(n, "root")), LabelLevel.parse(r.text(n, "level")),
                    r.integer(n, "sampling_rate"), r.bool(n, "ignore_unknown_codes"));
        }
        if (kind.equals("cinc")) {
            return new CincDataSource(Path.of(r.text(n, "root")), r.enumValue(n, "unscored", Cinc.Unscored.class),
                    r.bool(n, "ignore_unknown_codes"), assignment(r, r.object(n, "split")));
        }
        throw new EcgException(r.file, "field spec.source.kind", "unknown data source '" + kind + "'",
                "this toolkit reads ptb-xl and cinc sources; update the toolkit");
    }

    private static CincDataSource.Assignment assignment(Reader r, JsonNode n) {
        String kind = r.text(n, "kind");
        if (kind.equals("stratified")) {
            return new CincDataSource.Stratified(r.integer(n, "folds"), r.longInteger(n, "seed"));
        }
        if (kind.equals("file")) {
            return new CincDataSource.SplitFile(Path.of(r.text(n, "file")), r.text(n, "sha256"));
        }
        throw new EcgException(r.file, "field spec.source.split.kind", "unknown fold assignment '" + kind + "'",
                "the model folder is damaged or from another toolkit version; retrain it");
    }

    private static Folds folds(Reader r, JsonNode spec) {
        JsonNode f = r.object(spec, "folds");
        return new Folds(r.ints(f, "train"), r.ints(f, "validation"), r.ints(f, "test"));
    }

    private static Preprocessing preprocessing(Reader r, JsonNode n) {
        List<String> leads = new ArrayList<>();
        r.array(n, "leads").forEach(x -> leads.add(x.asText()));
        return new Preprocessing(r.number(n, "rate_hz"), r.integer(n, "length"), cutOff(n, "band_low_hz"),
                cutOff(n, "band_high_hz"), r.integer(n, "filter_order"), r.bool(n, "standardize_each_record"), leads,
                r.enumValue(n, "nan_policy", NanPolicy.class));
    }

    private static Windows windows(Reader r, JsonNode n) {
        return new Windows(r.integer(n, "length"), r.integer(n, "stride"),
                r.enumValue(n, "aggregation", Aggregation.class));
    }

    private static void putCutOff(ObjectNode n, String key, double hz) {
        if (Double.isNaN(hz)) {
            n.putNull(key);
        } else {
            n.put(key, hz);
        }
    }

    private static double cutOff(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? Double.NaN : v.asDouble();
    }

    private static ArrayNode doubles(double[] v) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    /** Typed field access with errors that name the file and the field. */
    private static final class Reader {
        final Path file;

        Reader(Path file) {
            this.file = file;
        }

        JsonNode object(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isObject()) {
                throw missing(key, "an object");
            }
            return v;
        }

        JsonNode array(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isArray()) {
                throw missing(key, "a list");
            }
            return v;
        }

        String text(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isTextual()) {
                throw missing(key, "a string");
            }
            return v.asText();
        }

        int integer(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isInt()) {
                throw missing(key, "a whole number");
            }
            return v.asInt();
        }

        long longInteger(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
                throw missing(key, "a whole number");
            }
            return v.asLong();
        }

        double number(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isNumber()) {
                throw missing(key, "a number");
            }
            return v.asDouble();
        }

        boolean bool(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isBoolean()) {
                throw missing(key, "true or false");
            }
            return v.asBoolean();
        }

        List<Integer> ints(JsonNode n, String key) {
            List<Integer> out = new ArrayList<>();
            for (JsonNode x : array(n, key)) {
                if (!x.isInt()) {
                    throw missing(key, "a list of whole numbers");
                }
                out.add(x.asInt());
            }
            return out;
        }

        double[] doubles(JsonNode n, String key) {
            JsonNode a = array(n, key);
            double[] out = new double[a.size()];
            for (int i = 0; i < out.length; i++) {
                if (!a.get(i).isNumber()) {
                    throw missing(key, "a list of numbers");
                }
                out[i] = a.get(i).asDouble();
            }
            return out;
        }

        <E extends Enum<E>> E enumValue(JsonNode n, String key, Class<E> type) {
            String s = text(n, key);
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.replace('-', '_'))) {
                    return e;
                }
            }
            throw new EcgException(file, "field " + key, "unknown value '" + s + "'",
                    "the model folder is damaged or from another toolkit version; retrain it");
        }

        <T> T guard(String key, java.util.function.Supplier<T> make) {
            try {
                return make.get();
            } catch (EcgException e) {
                if (e.file() != null && e.file().equals(file)) {
                    throw e;
                }
                throw new EcgException(file, "field " + key, e.problem(), "the model folder is damaged; retrain it", e);
            }
        }

        EcgException missing(String key, String what) {
            return new EcgException(file, "field " + key, "missing or not " + what,
                    "the model folder is damaged or from another toolkit version; retrain it");
        }
    }
}
