package io.hotswap.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The fields of one parsed JSON object, read by type; every error names the field by its path in
 * the message ({@code status.plugins[0].sha256}) and says, in JSON's words, what was there.
 */
final class Fields {

    /** Reads one element of an array. */
    @FunctionalInterface
    interface Element<T> {
        T read(Object value, String path) throws ProtocolException;
    }

    private final Map<String, Object> json;
    private final String path;

    private Fields(Map<String, Object> json, String path) {
        this.json = json;
        this.path = path;
    }

    static Fields of(Object value, String path) throws ProtocolException {
        if (!(value instanceof Map)) {
            throw wrong(path, "an object", value);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return new Fields(map, path);
    }

    String string(String key) throws ProtocolException {
        Object v = required(key);
        if (!(v instanceof String s)) {
            throw wrong(at(key), "a string", v);
        }
        return s;
    }

    /** A string that may be {@code null} or absent. */
    Optional<String> optionalString(String key) throws ProtocolException {
        Object v = json.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw wrong(at(key), "a string or null", v);
        }
        return Optional.of(s);
    }

    /** A boolean that a sender may leave out (or send as null), read as false then. */
    boolean optionalBool(String key) throws ProtocolException {
        return json.get(key) != null && bool(key);
    }

    /** An instant that may be {@code null} or absent. */
    Optional<Instant> optionalInstant(String key) throws ProtocolException {
        return json.get(key) == null ? Optional.empty() : Optional.of(instant(key));
    }

    long integer(String key) throws ProtocolException {
        Object v = required(key);
        if (!(v instanceof Long n)) {
            throw wrong(at(key), "an integer", v);
        }
        return n;
    }

    boolean bool(String key) throws ProtocolException {
        Object v = required(key);
        if (!(v instanceof Boolean b)) {
            throw wrong(at(key), "true or false", v);
        }
        return b;
    }

    Instant instant(String key) throws ProtocolException {
        String s = string(key);
        try {
            return IsoInstant.parse(s);
        } catch (DateTimeParseException e) {
            throw new ProtocolException(at(key) + ": expected an ISO-8601 instant, got \"" + s + "\"");
        }
    }

    <E extends Enum<E>> E constant(String key, Function<String, Optional<E>> byName)
            throws ProtocolException {
        Object v = required(key);
        return constant(v, at(key), byName);
    }

    static <E extends Enum<E>> E constant(Object v, String path, Function<String, Optional<E>> byName)
            throws ProtocolException {
        if (!(v instanceof String s)) {
            throw wrong(path, "a string", v);
        }
        Optional<E> e = byName.apply(s);
        if (e.isEmpty()) {
            throw new ProtocolException(path + ": unknown value \"" + s + "\"");
        }
        return e.get();
    }

    /** The constant of {@code type} with that name, as {@link #constant} reads it: on the wire by its Java name. */
    static <E extends Enum<E>> Function<String, Optional<E>> byName(Class<E> type) {
        // A loop, not a stream: every `hotswap reload` reads its reply through here, at its start.
        return name -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    return Optional.of(e);
                }
            }
            return Optional.empty();
        };
    }

    /** An object field that may be {@code null} or absent. */
    Optional<Fields> optionalObject(String key) throws ProtocolException {
        Object v = json.get(key);
        return v == null ? Optional.empty() : Optional.of(of(v, at(key)));
    }

    Fields object(String key) throws ProtocolException {
        return of(required(key), at(key));
    }

    /** The members of an object field, in order. */
    Map<String, Object> members(String key) throws ProtocolException {
        return object(key).json;
    }

    <T> List<T> list(String key, Element<T> element) throws ProtocolException {
        return list(required(key), at(key), element);
    }

    /** An array that a sender may leave out, read as empty then. */
    <T> List<T> optionalList(String key, Element<T> element) throws ProtocolException {
        return json.containsKey(key) ? list(key, element) : List.of();
    }

    private static <T> List<T> list(Object v, String path, Element<T> element) throws ProtocolException {
        if (!(v instanceof List<?> items)) {
            throw wrong(path, "an array", v);
        }
        List<T> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(element.read(items.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    static String string(Object v, String path) throws ProtocolException {
        if (!(v instanceof String s)) {
            throw wrong(path, "a string", v);
        }
        return s;
    }

    boolean has(String key) {
        return json.containsKey(key);
    }

    String path() {
        return path;
    }

    private Object required(String key) throws ProtocolException {
        Object v = json.get(key);
        if (v == null) {
            throw new ProtocolException(at(key) + ": " + (json.containsKey(key) ? "is null" : "is missing"));
        }
        return v;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static ProtocolException wrong(String path, String expected, Object got) {
        return new ProtocolException((path.isEmpty() ? "the message" : path) + ": expected " + expected + ", got "
                + JsonReader.kind(got));
    }
}
