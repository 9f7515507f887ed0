package io.hotswap.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A freed plugin version whose layer is still reachable past the leak threshold.
 *
 * @param plugin          the plugin's name
 * @param version         the version that leaked
 * @param loader          the name of its class loader
 * @param freedAt         when its {@code onFree} ran
 * @param aliveForSeconds how long it has lived since, in seconds
 * @param threads         the live threads found holding it, each {@code "name" (why)}
 * @param holders         what else was found holding it, each naming its kind (a JDBC driver, a
 *                        shutdown hook, a logging handler, a {@code ThreadLocal} value); empty from
 *                        a host older than these checks
 * @since 0.2
 */
public record LeakStatus(String plugin, String version, String loader, Instant freedAt, long aliveForSeconds,
                         List<String> threads, List<String> holders) {

    public LeakStatus {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(freedAt, "freedAt");
        threads = List.copyOf(threads);
        holders = List.copyOf(holders);
    }

    /** Everything found holding it: each thread as {@code thread "name" (why)}, then the other holders. */
    public List<String> heldBy() {
        return Stream.concat(threads.stream().map(t -> "thread " + t), holders.stream()).toList();
    }
}
