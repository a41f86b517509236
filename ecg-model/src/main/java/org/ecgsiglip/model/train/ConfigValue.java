package org.ecgsiglip.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.ecgsiglip.io.util.DidYouMean;

/**
 * The type of one {@link Setting}: how its value is read from JSON and from a flag's text, checked
 * against its declared range, and written back. Supported: int, long, double (finite), boolean,
 * String, Path, lists of Integer or String, enums (written in lower case with hyphens, read with
 * hyphens or underscores), and value classes with a static {@code parse(String)} whose
 * {@code toString()} is their canonical text.
 */
final class ConfigValue {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    enum Kind { INT, LONG, DOUBLE, BOOLEAN, STRING, PATH, INT_LIST, STRING_LIST, ENUM, PARSED }

    final String key;
    final Setting setting;
    final Kind kind;
    final Class<?> type;
    private final Method parse;

    ConfigValue(RecordComponent c) {
        this.setting = c.getAnnotation(Setting.class);
        if (setting == null) {
            throw new IllegalStateException(c.getDeclaringRecord().getSimpleName() + "." + c.getName()
                    + " has no @Setting");
        }
        this.key = setting.key();
        this.type = c.getType();
        this.kind = kindOf(c);
        this.parse = kind == Kind.PARSED ? parser(type) : null;
    }

    /** The value a JSON node stands for; {@code where} names the file and key for errors. */
    Object fromJson(JsonNode n, Where where) {
        if (n == null || n.isNull()) {
            if (setting.nullable()) {
                return null;
            }
            throw where.error("no value (null)", "give " + describe());
        }
        switch (kind) {
            case INT, LONG -> {
                if (!n.isIntegralNumber() || (kind == Kind.INT ? !n.canConvertToInt() : !n.canConvertToLong())) {
                    throw where.error("expected " + describe() + ", got " + Where.quote(n.toString()),
                            "write a whole number without quotes, e.g. " + setting.value());
                }
                return checked(kind == Kind.INT ? (Object) n.asInt() : (Object) n.asLong(), n.asDouble(), where);
            }
            case DOUBLE -> {
                if (!n.isNumber()) {
                    throw where.error("expected " + describe() + ", got " + Where.quote(n.toString()),
                            "write a number without quotes, e.g. " + setting.value());
                }
                return checked(n.asDouble(), n.asDouble(), where);
            }
            case BOOLEAN -> {
                if (!n.isBoolean()) {
                    throw where.error("expected true or false, got " + Where.quote(n.toString()), "write true or false");
                }
                return n.asBoolean();
            }
            case STRING -> {
                return text(n, where);
            }
            case PATH -> {
                return where.path(text(n, where), setting.relativeToFile());
            }
            case INT_LIST, STRING_LIST -> {
                if (!n.isArray()) {
                    throw where.error("expected a list, got " + Where.quote(n.toString()),
                            "write a JSON list, e.g. [" + setting.value() + "]");
                }
                List<Object> out = new ArrayList<>();
                for (JsonNode x : n) {
                    if (kind == Kind.INT_LIST) {
                        if (!x.isIntegralNumber() || !x.canConvertToInt()) {
                            throw where.error("expected whole numbers in the list, got " + Where.quote(x.toString()),
                                    "e.g. [1, 2, 3]");
                        }
                        out.add(x.asInt());
                    } else {
                        out.add(text(x, where));
                    }
                }
                return List.copyOf(out);
            }
            case ENUM -> {
                return enumValue(text(n, where), where);
            }
            case PARSED -> {
                if (!n.isTextual() && !n.isNumber()) {
                    throw where.error("expected " + describe() + ", got " + Where.quote(n.toString()),
                            "e.g. " + setting.value());
                }
                return parsed(n.asText(), where);
            }
            default -> throw new AssertionError(kind);
        }
    }

    /** The JSON node a flag's text stands for (checked as {@link #fromJson} would). */
    JsonNode fromText(String s, Where where) {
        String t = s.strip();
        if (setting.nullable() && t.equalsIgnoreCase("none")) {
            return NODES.nullNode();
        }
        JsonNode n = switch (kind) {
            case INT, LONG -> {
                if (!INTEGER.matcher(t).matches()) {
                    throw where.error("expected " + describe() + ", got " + Where.quote(t), "e.g. " + setting.value());
                }
                yield NODES.numberNode(new java.math.BigInteger(t));
            }
            case DOUBLE -> {
                if (!DECIMAL.matcher(t).matches()) {
                    throw where.error("expected " + describe() + ", got " + Where.quote(t), "write a decimal number, e.g. "
                            + setting.value());
                }
                yield NODES.numberNode(Double.parseDouble(t));
            }
            case BOOLEAN -> {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                    throw where.error("expected true or false, got " + Where.quote(t), "write true or false");
                }
                yield NODES.booleanNode(Boolean.parseBoolean(t));
            }
            case PATH -> NODES.textNode(Path.of(t).toAbsolutePath().normalize().toString());
            case INT_LIST, STRING_LIST -> {
                ArrayNode a = NODES.arrayNode();
                for (String part : t.isEmpty() ? new String[0] : t.split(",", -1)) {
                    String p = part.strip();
                    if (kind == Kind.INT_LIST) {
                        if (!INTEGER.matcher(p).matches()) {
                            throw where.error("expected whole numbers separated by commas, got " + Where.quote(t),
                                    "e.g. 1,2,3");
                        }
                        a.add(new java.math.BigInteger(p));
                    } else if (!p.isEmpty()) {
                        a.add(p);
                    }
                }
                yield a;
            }
            case STRING, ENUM, PARSED -> NODES.textNode(t);
        };
        fromJson(n, where);
        return n;
    }

    /** A value as JSON. */
    JsonNode toJson(Object v) {
        if (v == null) {
            return NODES.nullNode();
        }
        return switch (kind) {
            case INT -> NODES.numberNode((Integer) v);
            case LONG -> NODES.numberNode((Long) v);
            case DOUBLE -> NODES.numberNode((Double) v);
            case BOOLEAN -> NODES.booleanNode((Boolean) v);
            case STRING, PARSED -> NODES.textNode(v.toString());
            case PATH -> NODES.textNode(v.toString());
            case ENUM -> NODES.textNode(name((Enum<?>) v));
            case INT_LIST, STRING_LIST -> {
                ArrayNode a = NODES.arrayNode();
                for (Object x : (List<?>) v) {
                    if (x instanceof Integer i) {
                        a.add(i);
                    } else {
                        a.add(x.toString());
                    }
                }
                yield a;
            }
        };
    }

    /** The value's text as a flag would take it (for help). */
    String flagText(Object v) {
        if (v == null) {
            return "none";
        }
        if (v instanceof List<?> l) {
            return String.join(",", l.stream().map(Object::toString).toList());
        }
        return v instanceof Enum<?> e ? name(e) : v.toString();
    }

    /** What the value must be, in words. */
    String describe() {
        String base = switch (kind) {
            case INT, LONG -> "a whole number" + range();
            case DOUBLE -> "a number" + range();
            case BOOLEAN -> "true or false";
            case STRING -> "a text";
            case PATH -> "a path";
            case INT_LIST -> "a list of whole numbers";
            case STRING_LIST -> "a list of texts";
            case ENUM -> "one of " + String.join(", ", choices());
            case PARSED -> "a value like " + setting.value();
        };
        return setting.nullable() ? base + " or none" : base;
    }

    /** The constants' names of an enum setting. */
    List<String> choices() {
        List<String> out = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            out.add(name((Enum<?>) c));
        }
        return out;
    }

    String label() {
        if (!setting.label().isEmpty()) {
            return setting.label();
        }
        return switch (kind) {
            case INT, LONG -> "N";
            case DOUBLE -> "X";
            case BOOLEAN -> "true|false";
            case PATH -> "PATH";
            case INT_LIST -> "N,N,...";
            case STRING_LIST -> "A,B,...";
            case ENUM -> String.join("|", choices());
            case STRING, PARSED -> "VALUE";
        };
    }

    /** An enum constant as written in configurations: lower case, hyphens. */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private Object checked(Object value, double x, Where where) {
        boolean low = setting.minExclusive() ? x > setting.min() : x >= setting.min();
        boolean high = setting.maxExclusive() ? x < setting.max() : x <= setting.max();
        if (!Double.isFinite(x) || !low || !high) {
            throw where.error("must be " + describe().replaceFirst("^a (whole )?number ", "") + ", got " + value,
                    "use e.g. " + setting.value());
        }
        return value;
    }

    private String range() {
        boolean lo = setting.min() != Double.NEGATIVE_INFINITY;
        boolean hi = setting.max() != Double.POSITIVE_INFINITY;
        String l = (setting.minExclusive() ? "> " : ">= ") + number(setting.min());
        String h = (setting.maxExclusive() ? "< " : "<= ") + number(setting.max());
        return lo && hi ? " " + l + " and " + h : lo ? " " + l : hi ? " " + h : "";
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private String text(JsonNode n, Where where) {
        if (!n.isTextual()) {
            throw where.error("expected a text in quotes, got " + Where.quote(n.toString()), "e.g. \"" + setting.value()
                    + "\"");
        }
        return n.asText();
    }

    private Object enumValue(String s, Where where) {
        String t = s.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Object c : type.getEnumConstants()) {
            if (name((Enum<?>) c).equals(t)) {
                return c;
            }
        }
        throw where.error("unknown value " + Where.quote(s), "did you mean '" + DidYouMean.closest(t, choices())
                + "'? Choices: " + String.join(", ", choices()));
    }

    private Object parsed(String s, Where where) {
        try {
            return parse.invoke(null, s);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof org.ecgsiglip.io.EcgException ecg) {
                throw where.error(ecg.problem(), ecg.fix());
            }
            throw new IllegalStateException("cannot parse " + key, cause);
        }
    }

    private static Kind kindOf(RecordComponent c) {
        Class<?> t = c.getType();
        if (t == int.class) {
            return Kind.INT;
        }
        if (t == long.class) {
            return Kind.LONG;
        }
        if (t == double.class || t == Double.class) {
            return Kind.DOUBLE;
        }
        if (t == boolean.class) {
            return Kind.BOOLEAN;
        }
        if (t == String.class) {
            return Kind.STRING;
        }
        if (t == Path.class) {
            return Kind.PATH;
        }
        if (t.isEnum()) {
            return Kind.ENUM;
        }
        if (t == List.class) {
            Type arg = ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
            if (arg == Integer.class) {
                return Kind.INT_LIST;
            }
            if (arg == String.class) {
                return Kind.STRING_LIST;
            }
        }
        if (parser(t) != null) {
            return Kind.PARSED;
        }
        throw new IllegalStateException("unsupported setting type " + c.getGenericType() + " of " + c.getName());
    }

    private static Method parser(Class<?> t) {
        try {
            Method m = t.getMethod("parse", String.class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == t ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
