package io.hotswap.runtime;

import java.util.Objects;

/**
 * What holds a leaked plugin version: the shortest chain of strong references from a GC root to
 * its class loader, found in a dump of the live heap by {@link Swapper#leakPaths()}.
 *
 * @param leak  the leak it explains
 * @param chain the chain, from the last static field on when it passes one, e.g. {@code static
 *              field io.host.Registry.LISTENERS -> java.util.ArrayList.elementData ->
 *              java.lang.Object[] [0] -> acc.leaky.Listener -> class acc.leaky.Listener -> class
 *              loader plugin-acc.leaky@1a2b3c4d5e6f#1}; or, if none was found, why
 * @since 0.2
 */
public record LeakPath(LeakReport leak, String chain) {

    public LeakPath {
        Objects.requireNonNull(leak, "leak");
        Objects.requireNonNull(chain, "chain");
    }
}
