package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.layer.DefinedLayer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * One loaded version of a plugin: what its load hooks answered, its layer and plugin object, and
 * its lifecycle. Shared by every generation it is carried into. Made by {@link PluginLoading}
 * once its load hooks returned, so what they answered ({@code reloadable()}, {@code export()}) is
 * final here.
 *
 * <p>It owns every transition of its {@link PluginState}: the state, the count of generations
 * holding it and its live part are one immutable snapshot, replaced whole by compare-and-set, and
 * a transition from the wrong state throws, naming the expected and the actual state.
 *
 * <p>After {@link #free} it holds nothing of its layer, so a generation object that the host kept
 * by mistake cannot pin an old version in memory.
 */
final class LoadedPlugin {

    /**
     * @param holders generations that hold this version and have not been drained yet
     * @param live    null once freed
     */
    private record Life(PluginState state, int holders, PluginInstance live) {
    }

    private static final int MISSING_FUNCTIONS_TOLD = 32;

    private final String name;
    private final String sha256;
    private final Optional<String> descriptorVersion;
    private final Optional<Path> file;
    private final Instant loadedAt;
    private final long generation;
    private final List<String> requires;
    private final List<LibraryInfo> libraries;
    private final String loaderName;
    private final boolean reloadable;
    private final Object export;
    private final AtomicReference<Life> life;
    // Functions the host called that this version lacks, each told once: a host calling one every
    // few seconds must not flood its log. Bounded, since the names come from the host.
    private final Set<String> missingFunctions = ConcurrentHashMap.newKeySet();

    /**
     * @param reloadable what its {@code reloadable()} answered
     * @param export     what its {@code export()} answered; may be null
     */
    LoadedPlugin(PluginJar jar, long generation, List<String> requires, PluginInstance live,
                 boolean reloadable, Object export) {
        this.name = jar.name();
        this.sha256 = jar.sha256();
        this.descriptorVersion = jar.descriptorVersion();
        this.file = Optional.ofNullable(jar.file());
        this.loadedAt = Instant.now();
        this.generation = generation;
        this.requires = List.copyOf(requires);
        this.libraries = jar.libraries().stream()
                .map(l -> new LibraryInfo(l.name(), l.descriptor().rawVersion(), l.automatic(), l.path()))
                .toList();
        ClassLoader loader = live.loader();
        this.loaderName = loader == null ? "bootstrap" : String.valueOf(loader.getName());
        this.reloadable = reloadable;
        this.export = export;
        this.life = new AtomicReference<>(new Life(PluginState.LOADED, 0, live));
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

    /** What {@code export()} answered; null once freed, so that it pins nothing. */
    Object export() {
        return life.get().live() == null ? null : export;
    }

    PluginState state() {
        return life.get().state();
    }

    PluginInfo info() {
        return new PluginInfo(name, descriptorVersion, sha256, file, loadedAt, generation, reloadable, requires, libraries);
    }

    /** The plugin object; fails with a clear message once freed. */
    Plugin plugin() {
        PluginInstance l = life.get().live();
        if (l == null) {
            throw new IllegalStateException("plugin " + name + " (" + info().version() + ") was freed");
        }
        return l.plugin();
    }

    Optional<DefinedLayer> layer() {
        PluginInstance l = life.get().live();
        return l == null ? Optional.empty() : l.layer();
    }

    /**
     * The jar this version was made from, with the latest stamp its file was seen with, for a
     * reload to reuse; empty once freed.
     */
    Optional<PluginJar> jar() {
        PluginInstance l = life.get().live();
        return l == null ? Optional.empty() : Optional.of(l.jar());
    }

    /**
     * A reload found this version's file again, with these bytes ({@code again} has its hash):
     * the next reload compares the file with {@code again}'s stamp. Nothing once freed.
     *
     * @throws IllegalArgumentException if {@code again} holds other bytes than this version's jar
     */
    void seenAgain(PluginJar again) {
        if (!again.sha256().equals(sha256)) {
            throw new IllegalArgumentException("Plugin " + name + " (" + info().version() + ") was not made from "
                    + again);
        }
        life.updateAndGet(l -> l.live() == null ? l : new Life(l.state(), l.holders(), l.live().withJar(again)));
    }

    /**
     * Runs {@code onInit}, the one hook after loading, with the version's loader as the thread's
     * context class loader.
     *
     * @throws IllegalStateException if it is not {@link PluginState#LOADED}
     */
    <T> T initHook(Callable<T> hook) throws Exception {
        Life l = life.get();
        require(l, "run onInit()", PluginState.LOADED);
        return l.live().call(hook);
    }

    /** A generation holding it became current. */
    void hold() {
        life.updateAndGet(l -> {
            require(l, "be held by a generation", PluginState.LOADED, PluginState.LIVE);
            return new Life(PluginState.LIVE, l.holders() + 1, l.live());
        });
    }

    /** A generation holding it was drained; true when it was the last. */
    boolean release() {
        Life after = life.updateAndGet(l -> {
            require(l, "be released by a generation", PluginState.LIVE);
            if (l.holders() == 0) {
                throw new IllegalStateException("Plugin " + name + " (" + info().version()
                        + ") cannot be released: no generation holds it");
            }
            return new Life(PluginState.LIVE, l.holders() - 1, l.live());
        });
        return after.holders() == 0;
    }

    /**
     * Calls {@code onFree} exactly once, then drops the layer and the plugin object. Returns the
     * layer that was dropped, for the leak watch, or empty if statically linked (its layer is the
     * host's).
     *
     * @throws IllegalStateException if already freed, or still held by a generation
     */
    Optional<DefinedLayer> free(Logger log) {
        Life before = life.getAndUpdate(l -> {
            require(l, "be freed", PluginState.LOADED, PluginState.LIVE);
            if (l.holders() != 0) {
                throw new IllegalStateException("Plugin " + name + " (" + info().version() + ") cannot be freed: "
                        + l.holders() + " generation(s) still hold it");
            }
            return new Life(PluginState.FREED, 0, null);
        });
        return before.live().free(true, log, name, info().version());
    }

    /**
     * Whether the host's call of {@code function}, which this version does not have, is the first
     * one to be told about; false for every later call, and past {@value #MISSING_FUNCTIONS_TOLD}
     * different names.
     */
    boolean firstMissing(String function) {
        return missingFunctions.size() < MISSING_FUNCTIONS_TOLD && missingFunctions.add(function);
    }

    String loaderName() {
        return loaderName;
    }

    private void require(Life l, String what, PluginState... expected) {
        for (PluginState s : expected) {
            if (l.state() == s) {
                return;
            }
        }
        throw new IllegalStateException("Plugin " + name + " (" + info().version() + ") cannot " + what + " when it is "
                + l.state() + "; expected " + (expected.length == 1 ? expected[0] : java.util.Arrays.toString(expected)));
    }

    @Override
    public String toString() {
        return name + " (" + info().version() + ", " + life.get().state() + ")";
    }
}
