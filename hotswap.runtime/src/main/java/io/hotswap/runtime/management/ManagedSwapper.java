package io.hotswap.runtime.management;

import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeakPathStatus;
import io.hotswap.protocol.Reply;
import java.nio.file.Path;
import java.util.List;

/**
 * What the endpoint and the MBean may do with a swapper, in the protocol's terms: this package
 * knows the protocol, not the swapper's own types.
 */
public interface ManagedSwapper {

    String name();

    /** A full snapshot; it sweeps the leak watch, so ask for the figures below when they are all you need. */
    HostStatus status();

    default long generation() {
        return status().generation();
    }

    default long reloadCounter() {
        return status().reloadCounter();
    }

    default Path pluginDir() {
        return Path.of(status().pluginDir());
    }

    default boolean staticLinking() {
        return status().staticLinking();
    }

    /**
     * Reloads with the data the host last passed to {@code loadPlugins} or {@code reload}.
     *
     * @return a {@link io.hotswap.protocol.ReloadReply} with the details, or an
     *         {@link io.hotswap.protocol.ErrorReply} with the plugin, step and cause if the reload
     *         failed (the old generation keeps serving)
     */
    Reply reload();

    /**
     * What holds each leaked version. None by default, for a swapper with no leak watch (the tests'
     * fakes).
     *
     * @throws java.io.UncheckedIOException if the heap could not be dumped or read
     */
    default List<LeakPathStatus> leakPaths() {
        return List.of();
    }
}
