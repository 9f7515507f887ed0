package io.hotswap.runtime.management;

import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.SwapperStatus;

/** What the endpoint and the MBean may do with a swapper. */
public interface ManagedSwapper {

    String name();

    /** A full snapshot; it sweeps the leak watch, so ask for the figures below when they are all you need. */
    SwapperStatus status();

    default long generation() {
        return status().generation();
    }

    default long reloadCounter() {
        return status().reloadCounter();
    }

    default java.nio.file.Path pluginDir() {
        return status().pluginDir();
    }

    default boolean staticLinking() {
        return status().staticLinking();
    }

    /**
     * Reloads with the data the host last passed to {@code loadPlugins} or {@code reload}.
     *
     * @throws io.hotswap.runtime.ReloadException if the reload fails
     */
    ReloadDetails reload();
}
