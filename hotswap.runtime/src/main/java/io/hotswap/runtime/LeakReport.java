package io.hotswap.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A freed plugin version whose layer is still reachable: held by something certain to hold it
 * (a live thread, a JDK registry), or after the configured number of GC cycles. The host keeps
 * working; the report says what could be found cheaply.
 *
 * @param plugin     the plugin's name
 * @param version    its version, as {@link PluginInfo#version()}
 * @param loaderName the name of its class loader, as it appears in stack traces
 * @param freedAt    when its {@code onFree} ran
 * @param aliveFor   how long it had been alive after {@code onFree} when reported
 * @param threads    live threads whose class, context class loader or stack belongs to it, each
 *                   {@code "name" (why)}
 * @param holders    what else holds it, each naming its kind, e.g. {@code JDBC driver
 *                   acc.leaky.Driver registered in DriverManager}, {@code ThreadLocal value
 *                   acc.leaky.Session on thread "pool-1"} (since 0.2)
 * @since 0.1
 */
public record LeakReport(String plugin, String version, String loaderName, Instant freedAt, Duration aliveFor,
                         List<String> threads, List<String> holders) {

    public LeakReport {
        threads = List.copyOf(threads);
        holders = List.copyOf(holders);
    }
}
