package org.ecgsiglip.eval.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgsiglip.eval.EvalInputException;
import org.ecgsiglip.io.util.AtomicFiles;
import org.ecgsiglip.io.util.JsonFiles;

/** The JSON form of a {@link LogitCalibration}: writing it atomically, reading it with typed errors. */
final class CalibrationJson {
    static final String FORMULA = "p' = sigmoid(a * logit(p) + b)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** A calibration file holds two numbers per finding; anything over 4 MiB is not one. */
    static final long MAX_FILE_BYTES = 4L << 20;
    private static final String FIX = "write the file with LogitCalibration.write, or give {\"method\": \"platt\", "
            + "\"findings\": {\"CODE\": {\"a\": 1.0, \"b\": 0.0, \"status\": \"FITTED\"}}}";

    private CalibrationJson() {
    }

    static ObjectNode toJson(LogitCalibration c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("method", c.method().key());
        root.put("origin", c.origin());
        root.put("formula", FORMULA);
        root.put("logit_clip", LogitMap.EPS);
        c.shared().ifPresent(s -> {
            ObjectNode o = fit(root.putObject("shared"), s);
            o.put("temperature", s.map().temperature());
        });
        ObjectNode findings = root.putObject("findings");
        for (FindingFit f : c.perFinding()) {
            fit(findings.putObject(f.code()), f);
        }
        return root;
    }

    private static ObjectNode fit(ObjectNode o, FindingFit f) {
        o.put("a", f.map().a());
        o.put("b", f.map().b());
        o.put("status", f.status().name());
        o.put("records", f.records());
        o.put("positives", f.positives());
        return o;
    }

    static void write(LogitCalibration c, Path file) {
        try {
            AtomicFiles.writeString(file, JSON.writeValueAsString(toJson(c)) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the calibration as JSON", e);
        }
    }

    static LogitCalibration read(Path file) {
        JsonNode root = JsonFiles.readTree(file, MAX_FILE_BYTES, "calibration file", JSON, "check the path", "", FIX,
                EvalInputException::new);
        if (root == null || !root.isObject()) {
            throw new EvalInputException(file, null, "the file holds no JSON object", FIX);
        }
        LogitCalibration.Method method = method(file, root.get("method"));
        if (!root.path("findings").isObject()) {
            throw new EvalInputException(file, "field findings", "there is no \"findings\" object", FIX);
        }
        List<FindingFit> fits = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : root.get("findings").properties()) {
            fits.add(fit(file, "findings." + e.getKey(), e.getKey(), e.getValue()));
        }
        Optional<FindingFit> shared = Optional.empty();
        if (method == LogitCalibration.Method.SHARED_TEMPERATURE) {
            if (!root.has("shared")) {
                throw new EvalInputException(file, "field shared", "the shared_temperature method has no "
                        + "\"shared\" object", "add {\"shared\": {\"a\": ..., \"b\": ..., \"status\": ...}}");
            }
            shared = Optional.of(fit(file, "shared", Calibration.POOLED, root.get("shared")));
        } else if (root.has("shared")) {
            throw new EvalInputException(file, "field shared", "a platt calibration has a \"shared\" object",
                    "remove it, or set \"method\": \"shared_temperature\"");
        }
        String origin = root.path("origin").isTextual() ? root.get("origin").asText() : "file " + file;
        return new LogitCalibration(method, origin, fits, shared);
    }

    private static LogitCalibration.Method method(Path file, JsonNode v) {
        for (LogitCalibration.Method m : LogitCalibration.Method.values()) {
            if (v != null && v.isTextual() && m.key().equals(v.asText())) {
                return m;
            }
        }
        throw new EvalInputException(file, "field method", "the method is " + quote(v) + ", not \"platt\" or "
                + "\"shared_temperature\"", FIX);
    }

    private static FindingFit fit(Path file, String field, String code, JsonNode o) {
        if (!o.isObject()) {
            throw new EvalInputException(file, "field " + field, "expected an object, found " + quote(o), FIX);
        }
        double a = number(file, field + ".a", o.get("a"));
        double b = number(file, field + ".b", o.get("b"));
        JsonNode s = o.get("status");
        FitStatus status = Arrays.stream(FitStatus.values()).filter(f -> s != null && f.name().equals(s.asText()))
                .findFirst().orElseThrow(() -> new EvalInputException(file, "field " + field + ".status",
                        "the status is " + quote(s) + ", not one of " + Arrays.toString(FitStatus.values()), FIX));
        return new FindingFit(code, new LogitMap(a, b), status, count(file, field + ".records", o.get("records")),
                count(file, field + ".positives", o.get("positives")));
    }

    private static double number(Path file, String field, JsonNode v) {
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw new EvalInputException(file, "field " + field, "the value is " + quote(v)
                    + ", not a finite number", FIX);
        }
        return v.asDouble();
    }

    private static long count(Path file, String field, JsonNode v) {
        if (v == null) {
            return 0;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw new EvalInputException(file, "field " + field, "the value is " + quote(v)
                    + ", not a count", "write a whole number >= 0, or leave the field out");
        }
        return v.asLong();
    }

    /** At most 80 characters of a bad value. */
    private static String quote(JsonNode v) {
        if (v == null) {
            return "missing";
        }
        String s = v.toString();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
