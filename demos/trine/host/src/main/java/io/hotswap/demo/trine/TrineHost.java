package io.hotswap.demo.trine;

import io.hotswap.runtime.Generation;
import io.hotswap.runtime.PluginHandle;
import io.hotswap.demo.host.DemoHost;
import io.hotswap.runtime.Swapper;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * The trine demo's host: three plugins, alpha, beta (requires alpha) and gamma (requires beta).
 * Every two seconds the host pulses gamma, which calls through beta's export to alpha's. When only
 * alpha's jar changes, a reload gives alpha a new layer and relinks beta and gamma on top of it:
 * the reload details say {@code alpha=OK beta=RELINKED gamma=RELINKED}.
 *
 * <p>Usage: {@code trine <pluginDir> [name]} (name default {@code trine}).
 */
public final class TrineHost {

    private TrineHost() {
    }

    public static void main(String[] args) {
        DemoHost host = DemoHost.start(args, TrineHost.class, "trine", "pulse", b -> b,
                "three plugins, gamma -> beta -> alpha; pulses gamma every two seconds;\n  reload it with: hotswap reload --host <name>");
        host.runRounds("; pulsing gamma", n -> pulse(host.swapper(), host.log(), n));
    }

    private static void pulse(Swapper swapper, Logger log, long n) {
        Generation g = swapper.current();
        Optional<PluginHandle> gamma = g.find("gamma");
        if (gamma.isEmpty()) {
            log.warn("Generation {} has no gamma plugin: nothing to pulse", g.number());
            return;
        }
        try {
            log.info("Generation {}, pulse #{}: {}", g.number(), n, gamma.get().invokeFunc("pulse", n));
        } catch (Exception e) {
            log.warn("Generation {}, pulse #{}: plugin gamma failed", g.number(), n, e);
        }
    }
}
