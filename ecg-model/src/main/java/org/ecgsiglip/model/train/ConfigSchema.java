package org.ecgsiglip.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgsiglip.io.EcgException;

/**
 * The options of a configuration record, read from its {@link Setting} declarations: keys, defaults,
 * help, typed conversion from JSON and from flags, and construction through the record's canonical
 * constructor (whose compact form checks what spans several options).
 *
 * @param <T> the configuration record
 */
public final class ConfigSchema<T extends Record> {
    private final Class<T> type;
    private final Map<String, ConfigValue> values = new LinkedHashMap<>();
    private final RecordComponent[] components;
    private final Constructor<T> constructor;

    private ConfigSchema(Class<T> type) {
        this.type = type;
        this.components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            ConfigValue v = new ConfigValue(components[i]);
            if (values.put(v.key, v) != null) {
                throw new IllegalStateException("two settings of " + type.getSimpleName() + " use the key " + v.key);
            }
            types[i] = components[i].getType();
        }
        try {
            this.constructor = type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
        defaults(); // every declared default must itself be valid
    }

    /** The schema of a configuration record whose every component carries a {@link Setting}. */
    public static <T extends Record> ConfigSchema<T> of(Class<T> type) {
        return new ConfigSchema<>(type);
    }

    /** Every key, in declaration order. */
    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** The declaration of {@code key}. */
    public Setting setting(String key) {
        return value(key).setting;
    }

    /** The defaults as a JSON object. */
    public ObjectNode defaults() {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        for (ConfigValue v : values.values()) {
            tree.set(v.key, v.fromText(v.setting.value(), Where.flag(v.key)));
        }
        return tree;
    }

    /** Whether {@code key} is an option. */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A value from a configuration file, checked; relative paths are taken from the file's folder. */
    public JsonNode fromFile(Path file, String key, JsonNode node) {
        ConfigValue v = value(key);
        Object parsed = v.fromJson(node, Where.file(file, key));
        return v.toJson(parsed);
    }

    /** A value from a flag's text, checked. */
    public JsonNode fromFlag(String key, String text) {
        return value(key).fromText(text, Where.flag(key));
    }

    /** A value given as a Java object (programmatic use), checked. */
    public JsonNode fromObject(String key, Object object) {
        ConfigValue v = value(key);
        if (object instanceof String s && v.kind != ConfigValue.Kind.STRING) {
            return fromFlag(key, s);
        }
        JsonNode node = object instanceof Path p ? JsonNodeFactory.instance.textNode(p.toAbsolutePath().normalize()
                .toString()) : new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(
                        object instanceof Enum<?> e ? ConfigValue.name(e) : object);
        return v.toJson(v.fromJson(node, Where.flag(key)));
    }

    /**
     * Builds the record from a complete tree of checked values ({@code file} names the configuration
     * for errors raised by the record's own checks).
     */
    public T build(ObjectNode tree, Path file) {
        Object[] args = new Object[components.length];
        int i = 0;
        for (ConfigValue v : values.values()) {
            args[i++] = v.fromJson(tree.get(v.key), Where.file(file, v.key));
        }
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof EcgException ecg) {
                if (file == null || ecg.file() != null) {
                    throw ecg;
                }
                throw new EcgException(file, ecg.location(), ecg.problem(), ecg.fix(), ecg);
            }
            throw new IllegalStateException("building " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("building " + type.getSimpleName(), e);
        }
    }

    /** The record as a JSON object, keys in declaration order. */
    public ObjectNode toTree(T config) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        int i = 0;
        for (ConfigValue v : values.values()) {
            tree.set(v.key, v.toJson(get(config, components[i++])));
        }
        return tree;
    }

    /** The help line of {@code key}: its text, what it takes, and its default. */
    public String help(String key) {
        ConfigValue v = value(key);
        String help = v.setting.help();
        String choices = v.kind == ConfigValue.Kind.ENUM ? " One of " + String.join(", ", v.choices()) + "." : "";
        return help + choices + " Default: " + v.setting.value() + ".";
    }

    /** The flag's parameter label for {@code key}. */
    public String label(String key) {
        return value(key).label();
    }

    /** Whether {@code key} is a boolean (a flag without a value). */
    public boolean isBoolean(String key) {
        return value(key).kind == ConfigValue.Kind.BOOLEAN;
    }

    /** Keys of one help section. */
    public List<String> keys(Setting.Section section) {
        List<String> out = new ArrayList<>();
        values.values().stream().filter(v -> v.setting.section() == section).forEach(v -> out.add(v.key));
        return out;
    }

    private ConfigValue value(String key) {
        ConfigValue v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no setting " + key);
        }
        return v;
    }

    private static Object get(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("reading " + c.getName(), e);
        }
    }
}
