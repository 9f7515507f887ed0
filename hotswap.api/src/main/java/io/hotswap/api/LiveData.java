package io.hotswap.api;

import io.hotswap.api.spi.LiveObjectAccess;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A value that outlives a reload: a tree of JDK values that holds no reference to any plugin
 * class, so a queue full of jobs pins no old plugin version, and that is restored into the newest
 * version's live type when the job runs.
 *
 * <p>It holds strings, boxed primitives, {@link BigDecimal}, {@link BigInteger}, enums (as their
 * names), lists (any {@link Collection}, kept in iteration order), maps with string keys, and
 * objects of live types as the tree of their fields (records by their components), together with
 * the live type's name, never its {@code Class}. {@code null} may occur inside the tree. Anything
 * else is refused by {@link #of(Object)}, naming the type.
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} follow the
 * tree. Never Java serialization.
 *
 * @since 0.1
 */
public final class LiveData {

    /** Deeper than this is almost surely a cycle among live objects. */
    private static final int MAX_DEPTH = 64;

    private static final Set<Class<?>> LEAVES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class);

    private final String type;
    // Leaves, null, unmodifiable List/Map, or LiveData for a nested live-type object.
    private final Object tree;

    private LiveData(String type, Object tree) {
        this.type = type;
        this.tree = tree;
    }

    /**
     * Captures a value.
     *
     * @param value a JDK value as listed above, or an object of a live type of a loaded plugin
     *              (recognised from the time its generation's vault is set up: from
     *              {@link Plugin#onInit(Vault)} on, not yet in {@link Plugin#onLoad(Object)})
     * @throws IllegalArgumentException if the value or anything in it is of another type; the
     *         message names the type and where in the tree it was found
     */
    public static LiveData of(Object value) {
        Objects.requireNonNull(value, "value");
        Object tree = capture(value, "value", 0);
        return tree instanceof LiveData d ? d : new LiveData(null, tree);
    }

    /**
     * Live data of the live type {@code type} with these fields, as if taken from an object of it.
     * Lets a host schedule work for a live type without naming any plugin class.
     *
     * @throws IllegalArgumentException if a field value is not one {@link #of(Object)} accepts
     */
    public static LiveData ofType(String type, Map<String, ?> fields) {
        if (Objects.requireNonNull(type, "type").isBlank()) {
            throw new IllegalArgumentException("a live type name must not be blank");
        }
        return new LiveData(type, captureFields(type, fields, 0));
    }

    /** The live type this was taken from, or empty for a plain value. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /**
     * The value as plain JDK values: a string, boxed primitive, {@code BigDecimal},
     * {@code BigInteger}, unmodifiable list or map; an enum as its name; a live-type object as the
     * map of its fields, nested live objects likewise.
     */
    public Object value() {
        return plain(tree);
    }

    /**
     * Restores this value into {@code type}: fields (or record components) matched by name,
     * missing ones keeping the type's defaults, extra ones ignored; nested live types, lists and
     * maps restored by the declared types of the fields. Plain values restore into their own
     * types, numbers into any numeric type that holds them exactly, names into enums.
     *
     * @throws IllegalArgumentException if a value does not fit its field, naming the field
     * @throws IllegalStateException    if no hotswap runtime is loaded to write the fields
     */
    public <T> T restore(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return access().orElseThrow(() -> new IllegalStateException(
                "no hotswap runtime is loaded: cannot restore live data into " + type.getName()))
                .restore(this, type);
    }

    private static Optional<LiveObjectAccess> access() {
        return io.hotswap.api.spi.LiveObjects.installed();
    }

    private static Object capture(Object value, String where, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("LiveData: " + where + " is nested deeper than " + MAX_DEPTH
                    + " levels; is there a cycle?");
        }
        if (value == null || LEAVES.contains(value.getClass())) {
            return value;
        }
        if (value instanceof LiveData d) {
            return d.type == null ? d.tree : d;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>(c.size());
            int i = 0;
            for (Object o : c) {
                list.add(capture(o, where + "[" + i++ + "]", depth + 1));
            }
            return Collections.unmodifiableList(list);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("LiveData: " + where + " is a map with a key of type "
                            + (e.getKey() == null ? "null" : e.getKey().getClass().getName()) + "; only string keys are allowed");
                }
                map.put(key, capture(e.getValue(), where + "[\"" + key + "\"]", depth + 1));
            }
            return Collections.unmodifiableMap(map);
        }
        Optional<LiveObjectAccess> access = access();
        Optional<LiveObjectAccess.Fields> fields = access.flatMap(a -> a.read(value));
        if (fields.isPresent()) {
            LiveObjectAccess.Fields f = fields.get();
            return new LiveData(f.type(), captureFields(where, f.values(), depth + 1));
        }
        throw new IllegalArgumentException("LiveData cannot hold " + where + " of type " + value.getClass().getName()
                + ": only strings, boxed primitives, BigDecimal, BigInteger, enums, lists, maps with string keys"
                + " and objects of live types" + (access.isEmpty() ? " (no hotswap runtime is loaded)" : ""));
    }

    private static Map<String, Object> captureFields(String where, Map<String, ?> fields, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        fields.forEach((k, v) -> map.put(Objects.requireNonNull(k, "field name"), capture(v, where + "." + k, depth + 1)));
        return Collections.unmodifiableMap(map);
    }

    private static Object plain(Object tree) {
        if (tree instanceof LiveData d) {
            return plain(d.tree);
        }
        if (tree instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(o -> out.add(plain(o)));
            return Collections.unmodifiableList(out);
        }
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, plain(v)));
            return Collections.unmodifiableMap(out);
        }
        return tree;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LiveData d && Objects.equals(type, d.type) && Objects.equals(tree, d.tree);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, tree);
    }

    /** {@code live_Job{id=1, tags=[a, b]}} for a live type, the plain value's own text otherwise. */
    @Override
    public String toString() {
        return type == null ? String.valueOf(tree) : type + tree;
    }
}
