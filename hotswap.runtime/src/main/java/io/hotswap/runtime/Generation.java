package io.hotswap.runtime;

import io.hotswap.api.Vault;
import io.hotswap.runtime.live.bind.LiveVault;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.slf4j.Logger;

/**
 * One immutable set of plugin versions, made current by a load or reload. Its plugin list, vault
 * and number never change.
 *
 * <p>Every call through a generation holds it: a replaced generation is freed only after the calls
 * that entered it have returned. Calls never wait for reloads and reloads never wait for calls.
 * Once its free delay has passed, a replaced generation takes no new call (a caller that kept it
 * gets an {@link IllegalStateException}) and is freed as soon as the calls in flight return, so
 * that a caller calling it in a loop cannot keep it alive.
 *
 * @since 0.1
 */
public final class Generation {

    // The generation's life as calls see it: open, then closing (free due: calls in flight may
    // finish, no new call may enter), then freed.
    private static final int OPEN = 0;
    private static final int CLOSING = 1;
    private static final int FREED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Generation.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /*
     * Calls in flight are counted on stripes, each on its own pair of cache lines, picked by the
     * calling thread: threads that call at once then do not all fight over one counter (with one
     * shared counter, two threads calling in a loop spent most of their time on it). A call
     * enters and exits on the same thread, so on the same stripe; no stripe goes below zero.
     */
    private static final int STRIPES =
            Integer.highestOneBit(Math.max(1, Runtime.getRuntime().availableProcessors()) * 2 - 1) << 1;
    private static final int PAD = 32; // ints: 128 bytes, two cache lines (adjacent-line prefetch)

    private final long number;
    private final List<PluginHandle> plugins;
    private final Map<String, PluginHandle> byName;
    private final GenerationVault vault;
    private final Instant createdAt = Instant.now();
    private final Logger log;
    private final AtomicIntegerArray calls = new AtomicIntegerArray(STRIPES * PAD);
    private volatile int state = OPEN;
    // Set once when the generation is retired; run when the last call leaves a closing generation.
    private volatile Runnable drained;

    Generation(long number, List<LoadedPlugin> loaded, GenerationVault vault, Logger log) {
        this.number = number;
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

    /** The live functions and types behind {@link #vault()}, with each layer's binding. */
    LiveVault liveVault() {
        return vault.live();
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
                    + " was replaced and freed (or is being freed); call through Swapper.current() or Swapper.invokeEach");
        }
    }

    /**
     * Counts a call in, unless the generation is closing or freed. The count goes up before the
     * state is read, and {@link #markFreeDue} sets the state before {@link #closeIfDrained} reads the counts: so
     * either this call sees the generation closing and backs out, or the closer sees the call.
     */
    boolean tryEnter() {
        int stripe = stripe();
        calls.getAndIncrement(stripe);
        if (state == OPEN) {
            return true;
        }
        leave(stripe);
        return false;
    }

    void exit() {
        leave(stripe());
    }

    private void leave(int stripe) {
        calls.decrementAndGet(stripe);
        if (state == CLOSING && sum() == 0) {
            Runnable r = drained;
            if (r != null) {
                r.run();
            }
        }
    }

    private static int stripe() {
        return ((int) Thread.currentThread().getId() & (STRIPES - 1)) * PAD;
    }

    private int sum() {
        int sum = 0;
        for (int i = 0; i < STRIPES; i++) {
            sum += calls.get(i * PAD);
        }
        return sum;
    }

    /** Marks this generation replaced; {@code whenDrained} runs when its last call leaves once it is closing. */
    void retire(Runnable whenDrained) {
        this.drained = whenDrained;
    }

    /** The free delay has passed: from now on no new call enters (the state says it). */
    void markFreeDue() {
        STATE.compareAndSet(this, OPEN, CLOSING);
    }

    /**
     * Frees the generation if its free is due and no call is in flight. True exactly once: the
     * caller then owns freeing its plugins. While calls are in flight the generation stays
     * closing, and the last of them runs {@code whenDrained}.
     */
    boolean closeIfDrained() {
        return state == CLOSING && sum() == 0 && STATE.compareAndSet(this, CLOSING, FREED);
    }

    /** Calls running in this generation now. */
    int callsInFlight() {
        return sum();
    }

    /** The plugin versions, in dependency order (derived: the handles hold them). */
    List<LoadedPlugin> loaded() {
        return plugins.stream().map(PluginHandle::loaded).toList();
    }

    Optional<LoadedPlugin> loaded(String name) {
        PluginHandle h = byName.get(name);
        return h == null ? Optional.empty() : Optional.of(h.loaded());
    }

    boolean isEmpty() {
        return plugins.isEmpty();
    }

    @Override
    public String toString() {
        return "generation " + number + " " + byName.keySet();
    }
}
