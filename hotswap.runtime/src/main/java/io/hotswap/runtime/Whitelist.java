package io.hotswap.runtime;

import java.util.Set;
import org.slf4j.Logger;

/**
 * Which plugins a swapper loads: all of them when the host named none, else only those named.
 * One rule for every {@link PluginFinder}.
 *
 * @param names the plugins the host named; empty for all
 */
record Whitelist(Set<String> names) {

    Whitelist {
        names = Set.copyOf(names);
    }

    /** Whether {@code plugin} is loaded; says at debug level where one is left out, and from where. */
    boolean admits(String plugin, Object from, Logger log) {
        if (names.isEmpty() || names.contains(plugin)) {
            return true;
        }
        log.debug("Plugin {}: not in the whitelist, {} ignored", plugin, from);
        return false;
    }
}
