package io.hotswap.runtime.live.bind;

import java.lang.invoke.MethodHandles;

/**
 * Full-privilege lookups into plugin classes, for the runtime only. They work because the layer
 * controller opened the plugin's package to this module (and only to it); no
 * {@code setAccessible} is involved.
 */
final class PluginAccess {

    private static final Module RUNTIME = PluginAccess.class.getModule();

    private PluginAccess() {
    }

    /**
     * A lookup with private access to {@code type}.
     *
     * @throws IllegalAccessException if the type's package is not open to the runtime
     */
    static MethodHandles.Lookup into(Class<?> type) throws IllegalAccessException {
        // A lookup needs readability, which reflection assumes but method handles do not; a
        // module may add a read edge for itself.
        RUNTIME.addReads(type.getModule());
        return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    }
}
