package io.hotswap.demo.host;

import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.SwapperStatus;
import org.slf4j.Logger;

/**
 * Logs when a replaced plugin version was freed and when its layer left memory:
 * {@code Old plugin versions: 1 freed, 1 collected (unloaded), 0 leaked}. {@link DemoHost} calls
 * {@link #report()} after each round of a host's work; it logs only when a figure changed.
 */
final class UnloadReport {

    private final Swapper swapper;
    private final Logger log;
    private long freed;
    private long collected;

    UnloadReport(Swapper swapper, Logger log) {
        this.swapper = swapper;
        this.log = log;
    }

    void report() {
        SwapperStatus s = swapper.status();
        if (s.freed() == freed && s.collected() == collected) {
            return;
        }
        freed = s.freed();
        collected = s.collected();
        // No System.gc() here: on a heap as quiet as a demo's the leak watch asks for the collection
        // that proves a freed version gone, once it has waited the leak threshold's minimum age.
        log.info("Old plugin versions: {} freed, {} collected (unloaded), {} leaked", freed, collected, s.leaked());
    }
}
