package io.hotswap.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running host runs, and what it freed, collected or leaked.
 *
 * @param host          the swapper's name
 * @param pid           the host's process id
 * @param pluginDir     the plugin directory it reads
 * @param generation    the number of the current generation
 * @param reloadCounter how many reloads succeeded
 * @param staticLinking whether the plugins come from the host's module path (no reload)
 * @param plugins       the current plugins, in dependency order
 * @param retired       replaced generations not freed yet
 * @param freed         plugin versions whose {@code onFree} ran
 * @param collected     freed versions whose layer was garbage-collected
 * @param leaked        freed versions still reachable past the leak threshold
 * @param leaks         those, one each
 * @param reloading     the load or reload running now, if one is
 * @param probation     the generation on probation now, if one is (since 0.3)
 * @param lastProbation how the last probation ended, if one did (since 0.3)
 * @param rejected      plugin files that automatic rollbacks rejected (since 0.3)
 * @since 0.2
 */
public record HostStatus(String host, long pid, String pluginDir, long generation, long reloadCounter,
                         boolean staticLinking, List<PluginStatus> plugins, long retired, long freed, long collected,
                         long leaked, List<LeakStatus> leaks, Optional<ReloadingStatus> reloading,
                         Optional<ProbationStatus> probation, Optional<ProbationEnd> lastProbation,
                         List<RejectedStatus> rejected) {

    public HostStatus {
        Objects.requireNonNull(host, "host");
        plugins = List.copyOf(plugins);
        Objects.requireNonNull(pluginDir, "pluginDir");
        leaks = List.copyOf(leaks);
        Objects.requireNonNull(reloading, "reloading");
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(probation, "probation");
        Objects.requireNonNull(lastProbation, "lastProbation");
    }

    /** A status without probation, as a host older than probation sends it. */
    public HostStatus(String host, long pid, String pluginDir, long generation, long reloadCounter,
                      boolean staticLinking, List<PluginStatus> plugins, long retired, long freed, long collected,
                      long leaked, List<LeakStatus> leaks, Optional<ReloadingStatus> reloading) {
        this(host, pid, pluginDir, generation, reloadCounter, staticLinking, plugins, retired, freed, collected, leaked,
                leaks, reloading, Optional.empty(), Optional.empty(), List.of());
    }
}
