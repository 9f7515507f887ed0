package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveData;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Restores {@link LiveData} trees into classes: the runtime's side of
 * {@link io.hotswap.api.LiveTypes#restore(LiveData, Class)}. Stateless; which classes are live
 * types is for each generation's {@link BoundTypes} to say.
 *
 * <p>Restoring matches fields by name; a field the data lacks keeps the type's default, a value
 * the type lacks is ignored, a value that does not fit its field's declared type is an error
 * naming the field. Numbers go into any numeric type that holds them exactly; names go into enums.
 */
final class LiveObjectCodec {

    private LiveObjectCodec() {
    }

    /** {@code data} restored into {@code type}, as {@link io.hotswap.api.LiveTypes#restore(LiveData, Class)}. */
    static <T> T restore(LiveData data, Class<T> type) {
        Object value = convert(data.value(), type, type, "", type);
        @SuppressWarnings("unchecked")
        T t = type.isPrimitive() ? (T) value : type.cast(value);
        return t;
    }

    private static Object convert(Object value, Class<?> target, Type generic, String path, Class<?> root) {
        if (value == null) {
            if (target.isPrimitive()) {
                throw conflict(root, path, target, null);
            }
            return null;
        }
        Class<?> boxed = boxed(target);
        if (boxed.isInstance(value) && !(value instanceof Collection) && !(value instanceof Map)) {
            return value;
        }
        if (value instanceof Number n && isNumeric(boxed)) {
            Object exact = Numbers.exact(n, boxed);
            if (exact == null) {
                throw conflict(root, path, target, value);
            }
            return exact;
        }
        if (target.isEnum() && value instanceof String name) {
            for (Object constant : target.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(where(root, path) + " is the enum " + target.getName()
                    + ", which has no constant " + name);
        }
        if (value instanceof List<?> list && (target.isAssignableFrom(ArrayList.class) || target.isAssignableFrom(LinkedHashSet.class))) {
            Type element = typeArgument(generic, 0);
            Collection<Object> out = target.isAssignableFrom(ArrayList.class) ? new ArrayList<>() : new LinkedHashSet<>();
            int i = 0;
            for (Object o : list) {
                out.add(convert(o, raw(element), element, path + "[" + i++ + "]", root));
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            if (target.isAssignableFrom(LinkedHashMap.class)) {
                Type key = typeArgument(generic, 0);
                if (key != Object.class && key != String.class) {
                    throw new IllegalArgumentException(where(root, path) + " is a map with keys of type "
                            + key.getTypeName() + "; live data has string keys only");
                }
                Type element = typeArgument(generic, 1);
                Map<String, Object> out = new LinkedHashMap<>();
                map.forEach((k, v) -> out.put((String) k, convert(v, raw(element), element, path + "[\"" + k + "\"]", root)));
                return out;
            }
            if (!isPlain(target)) {
                return object(map, target, path, root);
            }
        }
        throw conflict(root, path, target, value);
    }

    private static Object object(Map<?, ?> fields, Class<?> target, String path, Class<?> root) {
        TypeShape shape = TypeShape.of(target);
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            TypeShape.Slot slot = shape.slots().get((String) e.getKey());
            if (slot == null) {
                continue; // a field the newest version no longer has
            }
            String at = path.isEmpty() ? slot.name() : path + "." + slot.name();
            values.put(slot.name(), convert(e.getValue(), slot.type(), slot.genericType(), at, root));
        }
        return shape.make(values);
    }

    /** Whether {@code type} is restored without making an object of it by its fields. */
    static boolean isPlain(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || type.isInterface() || type.isArray()
                || type.getName().startsWith("java.");
    }

    private static boolean isNumeric(Class<?> boxed) {
        return boxed == Byte.class || boxed == Short.class || boxed == Integer.class || boxed == Long.class
                || boxed == Float.class || boxed == Double.class || boxed == BigInteger.class || boxed == BigDecimal.class;
    }

    private static Type typeArgument(Type generic, int index) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type t = p.getActualTypeArguments()[index];
            if (t instanceof WildcardType w) {
                return w.getUpperBounds().length == 0 ? Object.class : w.getUpperBounds()[0];
            }
            return t;
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    private static String where(Class<?> root, String path) {
        return path.isEmpty() ? "live data restored into " + root.getName()
                : "field '" + path + "' of " + root.getName();
    }

    private static IllegalArgumentException conflict(Class<?> root, String path, Class<?> target, Object value) {
        String got = value == null ? "null" : value.getClass().getSimpleName() + " (" + abbreviate(value) + ")";
        return new IllegalArgumentException(where(root, path) + " is declared " + target.getTypeName()
                + " but the live data holds " + got);
    }

    private static String abbreviate(Object value) {
        String s = String.valueOf(value);
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Exact numeric conversions. */
    private static final class Numbers {
        private Numbers() {
        }

        /** {@code n} as {@code target}, or null if it does not fit exactly. */
        static Object exact(Number n, Class<?> target) {
            if (n instanceof Double || n instanceof Float) {
                double d = n.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return target == Double.class ? Double.valueOf(d) : target == Float.class ? Float.valueOf((float) d) : null;
                }
            }
            BigDecimal bd = n instanceof BigDecimal b ? b : n instanceof BigInteger bi ? new BigDecimal(bi)
                    : (n instanceof Double || n instanceof Float) ? new BigDecimal(n.toString()) : BigDecimal.valueOf(n.longValue());
            try {
                if (target == Byte.class) {
                    return bd.byteValueExact();
                } else if (target == Short.class) {
                    return bd.shortValueExact();
                } else if (target == Integer.class) {
                    return bd.intValueExact();
                } else if (target == Long.class) {
                    return bd.longValueExact();
                } else if (target == BigInteger.class) {
                    return bd.toBigIntegerExact();
                } else if (target == BigDecimal.class) {
                    return bd;
                } else if (target == Double.class) {
                    double d = bd.doubleValue();
                    return new BigDecimal(Double.toString(d)).compareTo(bd) == 0 ? d : null;
                } else if (target == Float.class) {
                    float f = bd.floatValue();
                    return new BigDecimal(Float.toString(f)).compareTo(bd) == 0 ? f : null;
                }
            } catch (ArithmeticException e) {
                return null;
            }
            return null;
        }
    }
}
