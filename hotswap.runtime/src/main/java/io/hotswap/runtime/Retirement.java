package io.hotswap.runtime;

import io.hotswap.runtime.call.CallGate;
import io.hotswap.runtime.jfr.FreeEvent;
import io.hotswap.runtime.jfr.Jfr;
import io.hotswap.runtime.layer.DefinedLayer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Frees replaced generations: a retired generation's plugins that no newer generation carries get
 * {@code onFree} once its calls have returned and the free delay has passed, newest dependency
 * first. Freeing runs on one daemon thread of its own, never on a caller's or a reload's thread.
 */
final class Retirement implements AutoCloseable {

    private final Duration freeDelay;
    private final Duration hookTimeout;
    private final HookThreads hooks;
    private final Logger log;
    private final LeakWatch leakWatch;
    private final ScheduledExecutorService executor;
    // Replaced generations not freed yet, by the gate that says when each has drained.
    private final Map<CallGate, Generation> retired = new ConcurrentHashMap<>();

    /**
     * @param swapper           the swapper's name, for the freeing thread's
     * @param freeDelay         how long a replaced generation stays callable before its free is due
     * @param leakCheckInterval how often the leak watch is swept
     * @param hookTimeout       how long one {@code onFree} may run before it is abandoned
     * @param hooks             the threads {@code onFree} runs on, so that a stuck one holds up no other free
     */
    Retirement(String swapper, Duration freeDelay, Duration leakCheckInterval, Duration hookTimeout, HookThreads hooks,
               LeakWatch leakWatch, Logger log) {
        this.freeDelay = freeDelay;
        this.hookTimeout = hookTimeout;
        this.hooks = hooks;
        this.log = log;
        this.leakWatch = leakWatch;
        this.executor = RuntimeThreads.scheduler("hotswap-free-" + swapper);
        long every = leakCheckInterval.toMillis();
        executor.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** The generation was replaced: free it once drained and due. Never blocks. */
    void retire(Generation generation) {
        if (generation.isEmpty()) {
            return;
        }
        retired.put(generation.gate(), generation);
        executor.schedule(() -> {
            generation.gate().markFreeDue();
            release(generation);
        }, freeDelay.toNanos(), TimeUnit.NANOSECONDS);
        log.debug("Generation {} retired with {} call(s) in flight", generation.number(), generation.callsInFlight());
    }

    /**
     * The gate of every generation calls {@link CallGate#CallGate whenDrained}: the last call out
     * of a closing generation lands here, on its own thread, and hands the free to ours.
     */
    void drained(CallGate gate) {
        Generation generation = retired.get(gate);
        if (generation != null) {
            executor.execute(() -> release(generation));
        }
    }

    /**
     * A plugin of a failed reload: it never became current, so nobody can be calling it.
     *
     * @param watch false for the one plugin whose stuck hook the leak watch already has
     */
    void discard(LoadedPlugin plugin, boolean watch) {
        freed(plugin.name(), plugin.info().version(), "discarded after the failed reload", plugin.layer(),
                () -> plugin.free(log), watch);
    }

    /** The plugin whose load hooks failed: it never became a {@link LoadedPlugin}. */
    void discard(PluginLoading loading, boolean watch) {
        freed(loading.name(), loading.version(), "discarded after its load failed", loading.layer(),
                () -> loading.discard(log), watch);
    }

    private void free(LoadedPlugin plugin, String why) {
        freed(plugin.name(), plugin.info().version(), why, plugin.layer(), () -> plugin.free(log), true);
    }

    /**
     * Runs one free (its {@code onFree}) on a hook thread, at most the hook timeout: a free past it
     * is abandoned, its thread interrupted and left, and its layer watched all the same, so the
     * leak watch names the thread that still runs the plugin's code.
     */
    private void freed(String plugin, String version, String why, Optional<DefinedLayer> layerBefore,
                       Callable<Optional<DefinedLayer>> free, boolean watch) {
        FreeEvent event = Jfr.on() ? new FreeEvent() : null;
        if (event != null) {
            event.begin();
        }
        Optional<DefinedLayer> layer;
        Future<Optional<DefinedLayer>> f = hooks.submit(free);
        try {
            layer = f.get(hookTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            log.warn("Plugin {} ({}): onFree of {} did not return within {}; abandoned it (its thread was interrupted),"
                    + " the other frees go on", plugin, version, plugin, ReloadAttempt.seconds(hookTimeout));
            layer = layerBefore;
            why = why + ", onFree abandoned";
        } catch (ExecutionException e) {
            log.warn("Plugin {} ({}): freeing it failed", plugin, version, e.getCause());
            layer = layerBefore;
        } catch (InterruptedException e) {
            // the swapper is closing: leave it
            Thread.currentThread().interrupt();
            f.cancel(true);
            return;
        }
        if (layer.isEmpty()) {
            return;
        }
        log.info("Plugin {} ({}): {}", plugin, version, why);
        if (watch) {
            leakWatch.watch(plugin, version, layer.get());
        }
        if (event != null) {
            event.freed(plugin, version, why);
            event.commit();
        }
    }

    private void release(Generation generation) {
        if (!generation.gate().closeIfDrained()) {
            return;
        }
        retired.remove(generation.gate());
        List<LoadedPlugin> plugins = new ArrayList<>(generation.loaded());
        Collections.reverse(plugins);
        for (LoadedPlugin p : plugins) {
            if (p.release()) {
                free(p, "freed after generation " + generation.number());
            }
        }
    }

    /** Replaced generations not freed yet. */
    int retiredCount() {
        return retired.size();
    }

    /** Frees every retired generation that has drained, without waiting for the free delay. */
    void releaseNow() {
        for (Generation g : List.copyOf(retired.values())) {
            g.gate().markFreeDue();
            executor.execute(() -> release(g));
        }
    }

    private void sweepQuietly() {
        try {
            leakWatch.sweep(true);
        } catch (RuntimeException e) {
            log.warn("Leak watch sweep failed; will try again", e);
        }
    }

    /**
     * Waits until the freeing thread has run every task already due, e.g. the frees that
     * {@link #releaseNow()} or a zero free delay queued. Used before shutting it down.
     */
    void awaitIdle(Duration bound) throws InterruptedException, TimeoutException {
        try {
            executor.submit(() -> { }).get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a no-op failed on the freeing thread", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
