package org.ecgsiglip.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The value of every {@link Average} (see {@link Averaging} for how findings enter each). */
public record Averages(Map<Average, Double> values) {

    public Averages {
        EnumMap<Average, Double> copy = new EnumMap<>(Average.class);
        copy.putAll(values);
        for (Average a : Average.values()) {
            if (!copy.containsKey(a)) {
                throw new IllegalArgumentException("averages lack " + a);
            }
        }
        values = Collections.unmodifiableMap(copy);
    }

    public double value(Average a) {
        return values.get(a);
    }

    public double microF1() {
        return value(Average.MICRO_F1);
    }

    public double macroF1() {
        return value(Average.MACRO_F1);
    }

    public double weightedF1() {
        return value(Average.WEIGHTED_F1);
    }

    public double samplesF1() {
        return value(Average.SAMPLES_F1);
    }

    public double macroAuroc() {
        return value(Average.MACRO_AUROC);
    }

    public double macroAuprc() {
        return value(Average.MACRO_AUPRC);
    }
}
