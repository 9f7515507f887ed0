package io.hotswap.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a swapper, cheap to take, for logs, the management endpoint and tests.
 *
 * @param pluginDir      the plugin directory the next reload reads
 * @param generation     the number of the current generation (0 before the first load)
 * @param reloadCounter  successful reloads so far
 * @param staticLinking  whether plugins come from the host's module path
 * @param plugins        the current generation's plugins, in dependency order
 * @param retired        replaced generations not yet freed (calls still running or free delay not passed)
 * @param freed          plugin versions whose {@code onFree} ran
 * @param collected      freed versions whose layer was garbage-collected
 * @param leaked         freed versions reported as leaked and still alive
 * @param leaks          the reports of those leaked versions
 * @param reloading      the load or reload running now, with its plugin and step, if one is
 * @since 0.1
 */
public record SwapperStatus(Path pluginDir, long generation, long reloadCounter, boolean staticLinking,
                            List<PluginInfo> plugins, int retired, long freed, long collected, int leaked,
                            List<LeakReport> leaks, Optional<ReloadProgress> reloading) {

    public SwapperStatus {
        plugins = List.copyOf(plugins);
        leaks = List.copyOf(leaks);
    }
}
