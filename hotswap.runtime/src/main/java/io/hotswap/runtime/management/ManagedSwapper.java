package io.hotswap.runtime.management;

import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.SwapperStatus;

/** What the endpoint and the MBean may do with a swapper. */
public interface ManagedSwapper {

    String name();

    SwapperStatus status();

    /**
     * Reloads with the data the host last passed to {@code loadPlugins} or {@code reload}.
     *
     * @throws io.hotswap.runtime.ReloadException if the reload fails
     */
    ReloadDetails reload();
}
