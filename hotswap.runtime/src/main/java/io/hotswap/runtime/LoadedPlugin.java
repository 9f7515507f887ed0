package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.layer.DefinedLayer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * One loaded version of a plugin: its layer, its {@link Plugin} object and its lifecycle. Shared
 * by every generation it is carried into. It owns every transition of its {@link PluginState}.
 *
 * <p>After {@link #free} it holds nothing of its layer, so a generation object that the host kept
 * by mistake cannot pin an old version in memory.
 */
final class LoadedPlugin {

    /**
     * What is dropped on free; one field so that dropping it is one write. {@code layer} is null
     * for a statically linked plugin, which lives in the host's own layer.
     */
    private record Live(DefinedLayer layer, Plugin plugin, ClassLoader loader) {
    }

    private final String name;
    private final String sha256;
    private final Optional<String> descriptorVersion;
    private final Path file;
    private final Instant loadedAt;
    private final long generation;
    private final List<String> requires;
    private final List<LibraryInfo> libraries;
    private final String loaderName;
    private final AtomicReference<PluginState> state = new AtomicReference<>(PluginState.DEFINED);
    // Generations that hold this version and have not been drained yet; 0 once no one can call it.
    private final AtomicInteger holders = new AtomicInteger();
    private volatile Live live;
    private volatile Object export;
    private volatile boolean reloadable = true;

    /**
     * @param layer the version's own layer, or empty for a statically linked plugin: its module
     *              is in the host's layer, which is never unloaded
     */
    LoadedPlugin(PluginJar jar, long generation, List<String> requires, Optional<DefinedLayer> layer, Plugin plugin) {
        this(jar, generation, requires, layer.map(l -> l.loader().getName()).orElseGet(() -> loaderName(plugin.getClass().getClassLoader())),
                new Live(layer.orElse(null), plugin, layer.<ClassLoader>map(DefinedLayer::loader).orElse(plugin.getClass().getClassLoader())));
    }

    private LoadedPlugin(PluginJar jar, long generation, List<String> requires, String loaderName, Live live) {
        this.name = jar.name();
        this.sha256 = jar.sha256();
        this.descriptorVersion = jar.descriptorVersion();
        this.file = jar.file();
        this.loadedAt = Instant.now();
        this.generation = generation;
        this.requires = List.copyOf(requires);
        this.libraries = jar.libraries().stream()
                .map(l -> new LibraryInfo(l.name(), l.descriptor().rawVersion(), l.automatic(), l.path()))
                .toList();
        this.loaderName = loaderName;
        this.live = live;
    }

    private static String loaderName(ClassLoader loader) {
        return loader == null ? "bootstrap" : String.valueOf(loader.getName());
    }

    String name() {
        return name;
    }

    String sha256() {
        return sha256;
    }

    List<String> requires() {
        return requires;
    }

    boolean reloadable() {
        return reloadable;
    }

    Object export() {
        return export;
    }

    PluginState state() {
        return state.get();
    }

    PluginInfo info() {
        return new PluginInfo(name, descriptorVersion, sha256, file, loadedAt, generation, reloadable, requires, libraries);
    }

    /** The plugin object; fails with a clear message once freed. */
    Plugin plugin() {
        Live l = live;
        if (l == null) {
            throw new IllegalStateException("plugin " + name + " (" + info().version() + ") was freed");
        }
        return l.plugin();
    }

    Optional<DefinedLayer> layer() {
        Live l = live;
        return l == null ? Optional.empty() : Optional.ofNullable(l.layer());
    }

    /**
     * Runs one hook with the plugin's loader as the thread's context class loader, so that what
     * the plugin starts from a hook is attributed to it.
     */
    <T> T hook(Callable<T> hook) throws Exception {
        moveTo(PluginState.DEFINED, PluginState.LOADING);
        return withContextLoader(live.loader(), hook);
    }

    private static <T> T withContextLoader(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    void recordReloadable(boolean answer) {
        this.reloadable = answer;
    }

    void recordExport(Object exported) {
        this.export = exported;
    }

    boolean ranHooks() {
        return state.get() != PluginState.DEFINED;
    }

    /** The generation holding it became current. */
    void hold() {
        holders.incrementAndGet();
        moveTo(PluginState.LOADING, PluginState.LIVE);
    }

    /** A generation holding it was drained; true when it was the last. */
    boolean release() {
        return holders.decrementAndGet() == 0;
    }

    /**
     * Calls {@code onFree} (only if a hook ran) exactly once, then drops the layer and the plugin
     * object. Returns the layer that was dropped, for the leak watch, or empty if already freed or
     * statically linked (its layer is the host's).
     */
    Optional<DefinedLayer> free(Logger log) {
        PluginState was = state.getAndSet(PluginState.FREED);
        if (was == PluginState.FREED) {
            return Optional.empty();
        }
        Live l = live;
        if (was != PluginState.DEFINED) {
            try {
                withContextLoader(l.loader(), () -> {
                    l.plugin().onFree();
                    return null;
                });
            } catch (Throwable t) {
                log.warn("Plugin {} ({}): onFree() threw; freeing it anyway", name, info().version(), t);
            }
        }
        live = null;
        export = null;
        if (l.layer() == null) {
            return Optional.empty();
        }
        l.layer().close();
        return Optional.of(l.layer());
    }

    String loaderName() {
        return loaderName;
    }

    private void moveTo(PluginState from, PluginState to) {
        state.compareAndSet(from, to);
    }

    @Override
    public String toString() {
        return name + " (" + info().version() + ", " + state.get() + ")";
    }
}
