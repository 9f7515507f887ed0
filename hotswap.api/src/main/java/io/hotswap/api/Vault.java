package io.hotswap.api;

import java.util.Optional;
import java.util.concurrent.ConcurrentMap;

/**
 * What one generation of plugins shares with its host: its live functions and live types, a data
 * bag and an extension object. A new vault is made for every generation; plugins fill it in
 * {@link Plugin#onInit(Vault)}.
 *
 * @since 0.1
 */
public interface Vault {

    /**
     * The live functions of every plugin of this generation, bound to the newest version of each.
     *
     * @since 0.1
     */
    LiveFunctions liveFuncs();

    /**
     * The live types of every plugin of this generation, the newest version of each; live data is
     * captured and restored through them.
     *
     * @since 0.1
     */
    LiveTypes liveTypes();

    /** A concurrent map, empty at the start of each generation, that plugins and host share. */
    ConcurrentMap<String, Object> dataBag();

    /**
     * The extension object the host's factory made for this generation, if the host installed a
     * factory. Plugins fill it with functions for the host to call.
     */
    Optional<Object> extension();

    /**
     * The extension, checked against the type the caller expects.
     *
     * @throws IllegalStateException if the host installed no extension factory, or made an
     *         extension of another type
     */
    default <T> T extension(Class<T> type) {
        Object extension = extension().orElseThrow(
                () -> new IllegalStateException("the host installed no extension factory"));
        if (!type.isInstance(extension)) {
            throw new IllegalStateException("the extension is a " + extension.getClass().getName()
                    + " (" + extension.getClass().getClassLoader() + "), not a " + type.getName());
        }
        return type.cast(extension);
    }
}
