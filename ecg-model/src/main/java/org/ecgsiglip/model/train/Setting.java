package org.ecgsiglip.model.train;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one training option on a component of {@link TrainConfig}: its key (the JSON key of a
 * configuration file and, with {@code --}, the command-line flag), its default (as the flag would spell
 * it), its help text and its range. {@link ConfigSchema} reads these declarations, so that adding an
 * option is adding one annotated component: the record, the JSON keys, the flags and their help all
 * follow from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Setting {
    /** Where the option is listed in help. */
    enum Section { DATA, PREPROCESSING, MODEL, TRAINING, RUN }

    /** The key, e.g. {@code batch-size}. */
    String key();

    /** The default as a flag value, e.g. {@code 128}, {@code 1,2,3}, {@code none} (nullable only). */
    String value();

    /** One line of help (the default and the choices are added to it). */
    String help();

    Section section();

    /** The flag's parameter label, e.g. {@code ROOT}; derived from the type when empty. */
    String label() default "";

    /** Smallest allowed number (inclusive unless {@link #minExclusive()}). */
    double min() default Double.NEGATIVE_INFINITY;

    boolean minExclusive() default false;

    /** Largest allowed number (inclusive unless {@link #maxExclusive()}). */
    double max() default Double.POSITIVE_INFINITY;

    boolean maxExclusive() default false;

    /** Whether {@code none} (JSON null) is a value: "off" for a filter cut-off, "no path" for a folder. */
    boolean nullable() default false;

    /** Whether a relative path in a configuration file is taken from that file's folder. */
    boolean relativeToFile() default false;
}
