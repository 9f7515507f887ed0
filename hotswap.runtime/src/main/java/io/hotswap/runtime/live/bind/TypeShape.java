package io.hotswap.runtime.live.bind;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read and make objects of one class: a record by its components and canonical
 * constructor, any other class by its instance fields (its own and its superclasses' within the
 * same module, {@code transient} ones left out) and its no-argument constructor.
 *
 * <p>The handles are made once per class, through {@link PluginAccess}: with the access the layer
 * controller granted, the runtime having opened the plugin's packages to itself and nobody else.
 */
final class TypeShape {

    /** One field or record component. {@code setter} is null for a record. */
    record Slot(String name, Class<?> type, Type genericType, MethodHandle getter, MethodHandle setter) {
    }

    private static final ClassValue<TypeShape> SHAPES = new ClassValue<>() {
        @Override
        protected TypeShape computeValue(Class<?> type) {
            return new TypeShape(type);
        }
    };

    private final Class<?> type;
    private final boolean record;
    private final Map<String, Slot> slots;
    // Record: the canonical constructor; class: the no-argument constructor.
    private final MethodHandle constructor;

    private TypeShape(Class<?> type) {
        this.type = type;
        this.record = type.isRecord();
        try {
            MethodHandles.Lookup lookup = PluginAccess.into(type);
            Map<String, Slot> s = new LinkedHashMap<>();
            if (record) {
                RecordComponent[] components = type.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    types[i] = c.getType();
                    s.put(c.getName(), new Slot(c.getName(), c.getType(), c.getGenericType(),
                            lookup.unreflect(c.getAccessor()), null));
                }
                this.constructor = lookup.unreflectConstructor(type.getDeclaredConstructor(types));
            } else {
                if (type.isInterface() || type.isArray() || type.isPrimitive() || type.isEnum()
                        || Modifier.isAbstract(type.getModifiers())
                        || (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()))) {
                    throw new IllegalArgumentException(type.getName()
                            + " is not a record or a concrete, top-level or static nested class");
                }
                for (Class<?> c = type; c != null && c.getModule() == type.getModule(); c = c.getSuperclass()) {
                    MethodHandles.Lookup declaring = c == type ? lookup : PluginAccess.into(c);
                    for (Field f : c.getDeclaredFields()) {
                        int m = f.getModifiers();
                        if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic() || s.containsKey(f.getName())) {
                            continue;
                        }
                        s.put(f.getName(), new Slot(f.getName(), f.getType(), f.getGenericType(),
                                declaring.unreflectGetter(f), declaring.unreflectSetter(f)));
                    }
                }
                Constructor<?> noArgs;
                try {
                    noArgs = type.getDeclaredConstructor();
                } catch (NoSuchMethodException e) {
                    throw new IllegalArgumentException(type.getName() + " has no no-argument constructor and is not a record");
                }
                this.constructor = lookup.unreflectConstructor(noArgs);
            }
            this.slots = java.util.Collections.unmodifiableMap(s);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("cannot read or write " + type.getName() + ": its package is not open to"
                    + " io.hotswap.runtime (only live types of loaded plugins and the types their fields name can be)", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot read or write " + type.getName() + ": " + e, e);
        }
    }

    /**
     * The shape of {@code type}, made once and cached in the class itself, so that the cache
     * goes with the class when its plugin version is unloaded.
     *
     * @throws IllegalArgumentException if the class has no usable shape or is not open to the runtime
     */
    static TypeShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    Class<?> type() {
        return type;
    }

    Map<String, Slot> slots() {
        return slots;
    }

    /** The field values of {@code object}, in declaration order. */
    Map<String, Object> read(Object object) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Slot> ordered = ordered();
        for (Slot slot : ordered) {
            values.put(slot.name(), invoke(slot.getter(), object));
        }
        return values;
    }

    /** A new object: the values of the named slots, the defaults for the others. */
    Object make(Map<String, Object> values) {
        if (record) {
            List<Slot> ordered = ordered();
            Object[] args = new Object[ordered.size()];
            for (int i = 0; i < args.length; i++) {
                Slot slot = ordered.get(i);
                args[i] = values.containsKey(slot.name()) ? values.get(slot.name()) : defaultOf(slot.type());
            }
            return invokeWithArguments(constructor, args);
        }
        Object object = invokeWithArguments(constructor);
        values.forEach((name, value) -> {
            Slot slot = slots.get(name);
            invokeWithArguments(slot.setter(), object, value);
        });
        return object;
    }

    /** A new object with every slot at its default. */
    Object make() {
        return make(Map.of());
    }

    private List<Slot> ordered() {
        if (record) {
            List<Slot> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                out.add(slots.get(c.getName()));
            }
            return out;
        }
        return new ArrayList<>(slots.values());
    }

    static Object defaultOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        return java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(type, 1), 0);
    }

    private static Object invoke(MethodHandle handle, Object target) {
        return invokeWithArguments(handle, target);
    }

    private static Object invokeWithArguments(MethodHandle handle, Object... args) {
        try {
            return handle.invokeWithArguments(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new java.lang.reflect.UndeclaredThrowableException(t);
        }
    }
}
