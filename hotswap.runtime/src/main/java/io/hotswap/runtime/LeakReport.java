package io.hotswap.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A freed plugin version whose layer is still reachable after the configured number of GC
 * cycles. The host keeps working; the report says what could be found cheaply.
 *
 * @param plugin     the plugin's name
 * @param version    its version, as {@link PluginInfo#version()}
 * @param loaderName the name of its class loader, as it appears in stack traces
 * @param freedAt    when its {@code onFree} ran
 * @param aliveFor   how long it had been alive after {@code onFree} when reported
 * @param threads    live threads whose class, context class loader or stack belongs to it
 * @since 0.1
 */
public record LeakReport(String plugin, String version, String loaderName, Instant freedAt, Duration aliveFor,
                         List<String> threads) {

    public LeakReport {
        threads = List.copyOf(threads);
    }
}
