package io.hotswap.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A freed plugin version whose layer is still reachable past the leak threshold.
 *
 * @param plugin          the plugin's name
 * @param version         the version that leaked
 * @param loader          the name of its class loader
 * @param freedAt         when its {@code onFree} ran
 * @param aliveForSeconds how long it has lived since, in seconds
 * @param threads         the live threads found holding it
 * @since 0.2
 */
public record LeakStatus(String plugin, String version, String loader, Instant freedAt, long aliveForSeconds,
                         List<String> threads) {

    public LeakStatus {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(freedAt, "freedAt");
        threads = List.copyOf(threads);
    }
}
