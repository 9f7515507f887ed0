package io.hotswap.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a swapper, cheap to take, for logs, the management endpoint and tests.
 *
 * @param pluginDir      the plugin directory the next reload reads
 * @param generation     the number of the current generation (0 before the first load)
 * @param reloadCounter  successful reloads so far
 * @param staticLinking  whether plugins come from the host's module path
 * @param plugins        the current generation's plugins, in dependency order
 * @param retired        replaced generations not yet freed (calls still running or free delay not passed);
 *                       a generation kept on probation is not among them
 * @param freed          plugin versions whose {@code onFree} ran
 * @param collected      freed versions whose layer was garbage-collected
 * @param leaked         freed versions reported as leaked and still alive
 * @param leaks          the reports of those leaked versions
 * @param reloading      the load or reload running now, with its plugin and step, if one is
 * @param probation      the generation on probation now, with the time left and its figures, if one is
 * @param lastProbation  how the last probation ended, if one did
 * @param rejected       plugin files that automatic rollbacks rejected: reloads skip them until they change
 * @since 0.1
 */
public record SwapperStatus(Path pluginDir, long generation, long reloadCounter, boolean staticLinking,
                            List<PluginInfo> plugins, int retired, long freed, long collected, int leaked,
                            List<LeakReport> leaks, Optional<ReloadProgress> reloading,
                            Optional<ProbationStatus> probation, Optional<ProbationOutcome> lastProbation,
                            List<RejectedFile> rejected) {

    public SwapperStatus {
        plugins = List.copyOf(plugins);
        leaks = List.copyOf(leaks);
        Objects.requireNonNull(reloading, "reloading");
        Objects.requireNonNull(probation, "probation");
        Objects.requireNonNull(lastProbation, "lastProbation");
        rejected = List.copyOf(rejected);
    }

    /** A status without probation figures, as a swapper without probation has it. */
    public SwapperStatus(Path pluginDir, long generation, long reloadCounter, boolean staticLinking,
                         List<PluginInfo> plugins, int retired, long freed, long collected, int leaked,
                         List<LeakReport> leaks, Optional<ReloadProgress> reloading) {
        this(pluginDir, generation, reloadCounter, staticLinking, plugins, retired, freed, collected, leaked, leaks,
                reloading, Optional.empty(), Optional.empty(), List.of());
    }
}
