package io.hotswap.api;

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
import java.util.function.Function;

/**
 * A value that outlives a reload: a tree of JDK values that holds no reference to any plugin
 * class, so a queue full of jobs pins no old plugin version, and that is restored into the newest
 * version's live type when the job runs.
 *
 * <p>It holds strings, boxed primitives, {@link BigDecimal}, {@link BigInteger}, enums (as their
 * names), lists (any {@link Collection}, kept in iteration order), maps with string keys, and
 * objects of live types as the tree of their fields (records by their components), together with
 * the live type's name, never its {@code Class}. {@code null} may occur inside the tree. Anything
 * else is refused, naming the type.
 *
 * <p>Plain values are captured with {@link #of(Object)}, which needs no runtime. Which classes are
 * live types, and under which names, is known only to the generation that bound them: a value that
 * holds objects of live types is captured through that generation's vault,
 * {@code vault.liveTypes().capture(value)}, and restored through the vault of the generation current
 * when it is used, {@code vault.liveTypes().restore(data)} (see {@link LiveTypes}).
 *
 * <p>Immutable and thread-safe; {@code equals}, {@code hashCode} and {@code toString} follow the
 * tree. Never Java serialization. The class holds no state of its own: two swappers in one JVM
 * share nothing through it.
 *
 * @since 0.1
 */
public final class LiveData {

    /** Deeper than this is almost surely a cycle among live objects. */
    private static final int MAX_DEPTH = 64;

    private static final Set<Class<?>> LEAVES = Set.of(String.class, Boolean.class, Character.class, Byte.class,
            Short.class, Integer.class, Long.class, Float.class, Double.class, BigInteger.class, BigDecimal.class);

    private static final Function<Object, Optional<Fields>> NO_LIVE_OBJECTS = value -> Optional.empty();

    /**
     * An object of a live type, read but not yet captured: its live name and its field values (a
     * record's by its components), in declaration order; a value may be {@code null}.
     *
     * @param type   the live name
     * @param values field name to value, copied
     * @since 0.2
     */
    public record Fields(String type, Map<String, ?> values) {

        /** @throws IllegalArgumentException if {@code type} is blank */
        public Fields {
            if (Objects.requireNonNull(type, "type").isBlank()) {
                throw new IllegalArgumentException("a live type name must not be blank");
            }
            values = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(values, "values")));
        }
    }

    private final String type;
    // Leaves, null, unmodifiable List/Map, or LiveData for a nested live-type object.
    private final Object tree;

    private LiveData(String type, Object tree) {
        this.type = type;
        this.tree = tree;
    }

    /**
     * Captures a plain value.
     *
     * @param value a JDK value as listed above; an object of a live type is captured by
     *              {@link LiveTypes#capture(Object)} of its generation's vault instead
     * @throws IllegalArgumentException if the value or anything in it is of another type; the
     *         message names the type and where in the tree it was found
     */
    public static LiveData of(Object value) {
        return of(value, NO_LIVE_OBJECTS);
    }

    /**
     * Captures a value whose tree may hold objects of live types, as {@link #of(Object)} does,
     * asking {@code liveObjects} about every object that is no JDK value listed above: its live
     * type's name and field values, or empty to refuse it.
     *
     * @apiNote This is how a generation's {@link LiveTypes#capture(Object)} reads the objects of its
     *          live types, which only the runtime can read; plugins and hosts call that instead.
     * @param liveObjects given an object of any other class; its fields are captured in turn
     * @throws IllegalArgumentException if the value or anything in it is neither a JDK value listed
     *         above nor an object {@code liveObjects} reads; the message names the type and where in
     *         the tree it was found
     * @since 0.2
     */
    public static LiveData of(Object value, Function<Object, Optional<Fields>> liveObjects) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(liveObjects, "liveObjects");
        Object tree = capture(value, "value", 0, liveObjects);
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
        return new LiveData(type, captureFields(type, fields, 0, NO_LIVE_OBJECTS));
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

    private static Object capture(Object value, String where, int depth,
                                  Function<Object, Optional<Fields>> liveObjects) {
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
                list.add(capture(o, where + "[" + i++ + "]", depth + 1, liveObjects));
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
                map.put(key, capture(e.getValue(), where + "[\"" + key + "\"]", depth + 1, liveObjects));
            }
            return Collections.unmodifiableMap(map);
        }
        Optional<Fields> fields = Objects.requireNonNull(liveObjects.apply(value), "liveObjects answered null");
        if (fields.isPresent()) {
            Fields f = fields.get();
            return new LiveData(f.type(), captureFields(where, f.values(), depth + 1, liveObjects));
        }
        throw new IllegalArgumentException("LiveData cannot hold " + where + " of type " + value.getClass().getName()
                + ": only strings, boxed primitives, BigDecimal, BigInteger, enums, lists, maps with string keys"
                + (liveObjects == NO_LIVE_OBJECTS
                        ? " and, through a vault's liveTypes().capture(value), objects of that generation's live types"
                        : " and objects of the live types of the generation that captures it"));
    }

    private static Map<String, Object> captureFields(String where, Map<String, ?> fields, int depth,
                                                     Function<Object, Optional<Fields>> liveObjects) {
        Map<String, Object> map = new LinkedHashMap<>();
        fields.forEach((k, v) -> map.put(Objects.requireNonNull(k, "field name"),
                capture(v, where + "." + k, depth + 1, liveObjects)));
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
