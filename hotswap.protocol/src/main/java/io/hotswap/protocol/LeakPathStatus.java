package io.hotswap.protocol;

import java.util.Objects;

/**
 * What holds one leaked plugin version: the shortest chain of strong references from a GC root to
 * its class loader, as the host found it in a dump of its live heap.
 *
 * @param plugin  the plugin's name
 * @param version the version that leaked
 * @param loader  the name of its class loader
 * @param chain   the chain, e.g. {@code static field io.host.Registry.LISTENERS -> java.util.ArrayList.elementData
 *                -> java.lang.Object[] [0] -> acc.leaky.Listener -> class acc.leaky.Listener -> class loader
 *                plugin-acc.leaky@0123456789ab#1}; or, if none was found, why
 * @since 0.2
 */
public record LeakPathStatus(String plugin, String version, String loader, String chain) {

    public LeakPathStatus {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(chain, "chain");
    }

    /** {@code plugin version: chain}, one line. */
    public String line() {
        return plugin + " " + version + ": " + chain;
    }
}
