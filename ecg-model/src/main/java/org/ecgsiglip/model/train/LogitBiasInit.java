package org.ecgsiglip.model.train;

import java.util.OptionalDouble;
import org.ecgsiglip.io.ConfigurationException;

/**
 * The SigLIP logit bias b at the start of training: {@code auto} (−10 for diagonal targets, as SigLIP;
 * else log(p/(1−p)) of the target matrix's positive rate measured on training batches) or a number.
 *
 * @param value the number, or empty for auto
 */
public record LogitBiasInit(OptionalDouble value) {

    public static final LogitBiasInit AUTO = new LogitBiasInit(OptionalDouble.empty());

    public LogitBiasInit {
        if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
            throw new ConfigurationException("logit-bias-init", "must be finite, got " + value.getAsDouble(),
                    "use auto or e.g. -10");
        }
    }

    /** {@code auto} or a decimal number. */
    public static LogitBiasInit parse(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("auto")) {
            return AUTO;
        }
        if (!t.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
            throw new ConfigurationException("logit-bias-init", "'" + (t.length() > 80 ? t.substring(0, 80) : t)
                    + "' is neither auto nor a number", "use auto or e.g. -10");
        }
        return new LogitBiasInit(OptionalDouble.of(Double.parseDouble(t)));
    }

    @Override
    public String toString() {
        return value.isPresent() ? Double.toString(value.getAsDouble()) : "auto";
    }
}
