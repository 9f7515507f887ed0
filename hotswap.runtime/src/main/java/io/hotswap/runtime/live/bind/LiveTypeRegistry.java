package io.hotswap.runtime.live.bind;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Which classes of which plugin versions are live types, and under which names, so that
 * {@link io.hotswap.api.LiveData#of(Object)} can tell a live-type object from any other.
 *
 * <p>Keyed weakly by class loader, with values that are only strings: it never keeps a plugin
 * version in memory.
 */
final class LiveTypeRegistry {

    private static final Map<ClassLoader, Map<String, String>> NAMES = Collections.synchronizedMap(new WeakHashMap<>());

    private LiveTypeRegistry() {
    }

    /** Records the live types of one plugin version: binary class name to live name. */
    static void register(ClassLoader loader, Map<String, String> liveNames) {
        NAMES.put(loader, Map.copyOf(liveNames));
    }

    /** The live name of {@code type}, if it is a live type of a bound plugin version. */
    static Optional<String> liveName(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        if (loader == null) {
            return Optional.empty();
        }
        Map<String, String> names = NAMES.get(loader);
        return names == null ? Optional.empty() : Optional.ofNullable(names.get(type.getName()));
    }
}
