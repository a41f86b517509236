package org.ecgsiglip.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ecgsiglip.model.train.ConfigFiles;
import org.ecgsiglip.model.train.ConfigSchema;
import org.ecgsiglip.model.train.Setting;
import org.ecgsiglip.model.train.TrainConfig;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The training options of a command line: one flag per {@link TrainConfig} setting, generated from the
 * settings' declarations ({@link ConfigFiles#SCHEMA}) with their help and defaults, grouped by section;
 * flag values override {@code --config FILE}, which overrides the defaults.
 */
public final class TrainOptions {
    private final Map<String, String> flags = new LinkedHashMap<>();
    private Path config;

    /** A command that holds training options (its flags are added by {@link Flags}). */
    public interface Holder {
        TrainOptions trainOptions();
    }

    /** Defaults ← {@code --config} ← flags. */
    public TrainConfig resolve() {
        return ConfigFiles.resolve(config, flags);
    }

    /** The flags given, by configuration key, as typed. */
    public Map<String, String> flags() {
        return java.util.Collections.unmodifiableMap(flags);
    }

    /** The configuration file given with {@code --config}, or null. */
    public Path config() {
        return config;
    }

    void set(String key, String value) {
        flags.put(key, value);
    }

    /** Adds {@code --config} and one flag per setting to a command whose object is a {@link Holder}. */
    public static final class Flags implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            TrainOptions target = ((Holder) spec.userObject()).trainOptions();
            ConfigSchema<TrainConfig> schema = ConfigFiles.SCHEMA;
            spec.addOption(OptionSpec.builder("--config").paramLabel("FILE.json").type(Path.class)
                    .description("Configuration file (the keys are the flag names below); flags override it.")
                    .setter(setter(v -> target.config = (Path) v)).build());
            for (Setting.Section section : Setting.Section.values()) {
                ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).multiplicity("0..1")
                        .heading(section.name().charAt(0) + section.name().substring(1).toLowerCase(Locale.ROOT)
                                + " options:%n");
                for (String key : schema.keys(section)) {
                    OptionSpec.Builder o = OptionSpec.builder("--" + key).description(schema.help(key))
                            .setter(setter(v -> target.set(key, String.valueOf(v))));
                    if (schema.isBoolean(key)) {
                        o.type(boolean.class).arity("0..1").paramLabel("true|false");
                    } else {
                        o.type(String.class).paramLabel(schema.label(key));
                    }
                    group.addArg(o.build());
                }
                spec.addArgGroup(group.build());
            }
            return spec;
        }

        private static ISetter setter(java.util.function.Consumer<Object> apply) {
            return new ISetter() {
                @Override
                public <T> T set(T value) {
                    apply.accept(value);
                    return null;
                }
            };
        }
    }
}
