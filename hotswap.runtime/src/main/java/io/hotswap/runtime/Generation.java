package io.hotswap.runtime;

import io.hotswap.api.Vault;
import io.hotswap.runtime.live.bind.LiveVault;
import io.hotswap.runtime.call.CallGate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * One immutable set of plugin versions, made current by a load or reload. Its plugin list, vault
 * and number never change; the calls in flight are counted by its {@link CallGate}, the one
 * moving part, which it shares with its live functions.
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

    private final long number;
    private final List<PluginHandle> plugins;
    private final Map<String, PluginHandle> byName;
    private final GenerationVault vault;
    private final Instant createdAt = Instant.now();
    private final Logger log;
    // Shared with the vault's live functions: every call into this generation passes it.
    private final CallGate gate;

    /**
     * @param gate the gate the vault's live functions were bound with: a generation and its live
     *             calls are held by one count
     */
    Generation(long number, List<LoadedPlugin> loaded, GenerationVault vault, CallGate gate, Logger log) {
        this.number = number;
        this.vault = vault;
        this.gate = gate;
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
        CallGate gate = CallGate.neverClosed("generation 0");
        return new Generation(0, List.of(), new GenerationVault(LiveVault.empty(gate), Optional.empty()), gate, log);
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
                if (!isMissingFunction(t)) {
                    log.warn("Plugin {}: invokeFunc(\"{}\") threw; going on with the next plugin", p.name(), name, t);
                } else if (p.loaded().firstMissing(name)) {
                    // Not a failure of the plugin, and the same answer on every call: once per version, no trace.
                    log.warn("Plugin {} ({}) has no function \"{}\" ({}); invokeEach passes it by, and says so"
                            + " once for this version", p.name(), p.version(), name, t.toString());
                }
                results.add(new Invocation(p.name(), null, t));
            }
        }
        return results;
    }

    /**
     * Whether {@code invokeFunc} said it has no such function: an {@link UnsupportedOperationException}
     * thrown by an {@code invokeFunc} itself ({@link io.hotswap.api.Plugin}'s default, or the
     * plugin's own), not by code it called, whose trace the host needs.
     */
    private static boolean isMissingFunction(Throwable t) {
        if (!(t instanceof UnsupportedOperationException)) {
            return false;
        }
        StackTraceElement[] trace = t.getStackTrace();
        return trace.length > 0 && trace[0].getMethodName().equals("invokeFunc");
    }

    void enter() {
        gate.enter();
    }

    boolean tryEnter() {
        return gate.tryEnter();
    }

    void exit() {
        gate.exit();
    }

    /** The gate of this generation's calls, for the retirement that closes it. */
    CallGate gate() {
        return gate;
    }

    /** Calls running in this generation now. */
    int callsInFlight() {
        return gate.callsInFlight();
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
