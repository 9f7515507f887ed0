package io.hotswap.runtime;

import io.hotswap.api.Vault;
import io.hotswap.runtime.live.bind.LiveVault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;

/**
 * One immutable set of plugin versions, made current by a load or reload. Its plugin list, vault
 * and number never change.
 *
 * <p>Every call through a generation holds it: a replaced generation is freed only after the calls
 * that entered it have returned. Calls never wait for reloads and reloads never wait for calls.
 *
 * @since 0.1
 */
public final class Generation {

    /** Calls counter value once the generation is freed: no call can enter any more. */
    private static final int FREED = Integer.MIN_VALUE;

    private final long number;
    private final List<LoadedPlugin> loaded;
    private final List<PluginHandle> plugins;
    private final Map<String, PluginHandle> byName;
    private final Vault vault;
    private final Instant createdAt = Instant.now();
    private final Logger log;
    private final AtomicInteger calls = new AtomicInteger();
    // Set once when the generation is retired; run by the call that brings the count to zero.
    private volatile Runnable drained;
    private volatile boolean freeDue;

    Generation(long number, List<LoadedPlugin> loaded, Vault vault, Logger log) {
        this.number = number;
        this.loaded = List.copyOf(loaded);
        this.vault = vault;
        this.log = log;
        List<PluginHandle> handles = new ArrayList<>(loaded.size());
        Map<String, PluginHandle> names = new LinkedHashMap<>();
        for (LoadedPlugin p : loaded) {
            PluginHandle h = new PluginHandle(this, p);
            handles.add(h);
            names.put(p.name(), h);
        }
        this.plugins = List.copyOf(handles);
        this.byName = Collections.unmodifiableMap(names);
    }

    static Generation empty(Logger log) {
        return new Generation(0, List.of(), new GenerationVault(LiveVault.empty(), Optional.empty()), log);
    }

    /** 1 for the first load, then one more for each successful reload; 0 before the first load. */
    public long number() {
        return number;
    }

    /** The plugins, in dependency order: a plugin comes after every plugin it requires. */
    public List<PluginHandle> plugins() {
        return plugins;
    }

    /** The plugin of that name in this generation. */
    public Optional<PluginHandle> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** This generation's vault: data bag and extension. */
    public Vault vault() {
        return vault;
    }

    /** When this generation was built. */
    public Instant createdAt() {
        return createdAt;
    }

    /**
     * Calls {@code invokeFunc(name, params)} on every plugin, in dependency order. A plugin that
     * throws is logged with its name and the next plugin still runs.
     *
     * @throws IllegalStateException if this generation was already freed (a caller that kept an
     *         old generation); call through {@link Swapper#current()} or {@link Swapper#invokeEach}
     */
    public List<Invocation> invokeEach(String name, Object... params) {
        return invokeAll(false, name, params);
    }

    /** As {@link #invokeEach}, in reverse dependency order. */
    public List<Invocation> invokeEachBackward(String name, Object... params) {
        return invokeAll(true, name, params);
    }

    private List<Invocation> invokeAll(boolean backward, String name, Object[] params) {
        enter();
        try {
            return callEach(backward, name, params);
        } finally {
            exit();
        }
    }

    /** The calls of {@link #invokeEach}, for a caller that already entered this generation. */
    List<Invocation> callEach(boolean backward, String name, Object[] params) {
        List<Invocation> results = new ArrayList<>(plugins.size());
        for (int i = 0; i < plugins.size(); i++) {
            PluginHandle p = plugins.get(backward ? plugins.size() - 1 - i : i);
            try {
                results.add(new Invocation(p.name(), p.plugin().invokeFunc(name, params), null));
            } catch (Throwable t) {
                log.warn("Plugin {}: invokeFunc(\"{}\") threw; going on with the next plugin", p.name(), name, t);
                results.add(new Invocation(p.name(), null, t));
            }
        }
        return results;
    }

    void enter() {
        if (!tryEnter()) {
            throw new IllegalStateException("generation " + number
                    + " was replaced and freed; call through Swapper.current() or Swapper.invokeEach");
        }
    }

    /** Counts a call in, unless the generation is already freed. */
    boolean tryEnter() {
        for (;;) {
            int c = calls.get();
            if (c == FREED) {
                return false;
            }
            if (calls.compareAndSet(c, c + 1)) {
                return true;
            }
        }
    }

    void exit() {
        if (calls.decrementAndGet() == 0) {
            Runnable r = drained;
            if (r != null) {
                r.run();
            }
        }
    }

    /** Marks this generation replaced; {@code whenDrained} runs each time its calls drop to zero. */
    void retire(Runnable whenDrained) {
        this.drained = whenDrained;
    }

    void markFreeDue() {
        this.freeDue = true;
    }

    /**
     * Closes the generation to new calls if it is retired, due and has no call in flight. True
     * exactly once: the caller then owns freeing its plugins.
     */
    boolean closeIfDrained() {
        return freeDue && calls.compareAndSet(0, FREED);
    }

    /** Calls running in this generation now. */
    int callsInFlight() {
        return Math.max(0, calls.get());
    }

    List<LoadedPlugin> loaded() {
        return loaded;
    }

    Optional<LoadedPlugin> loaded(String name) {
        PluginHandle h = byName.get(name);
        return h == null ? Optional.empty() : Optional.of(h.loaded());
    }

    boolean isEmpty() {
        return loaded.isEmpty();
    }

    @Override
    public String toString() {
        return "generation " + number + " " + byName.keySet();
    }
}
