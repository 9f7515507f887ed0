package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.call.CallGate;
import io.hotswap.runtime.jfr.Jfr;
import io.hotswap.runtime.jfr.LoadEvent;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.layer.DefinedLayer;
import io.hotswap.runtime.live.bind.LiveBindException;
import io.hotswap.runtime.live.bind.LiveBinder;
import io.hotswap.runtime.live.bind.LiveVault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Builds the next generation beside the current one: this is where a reload happens.
 *
 * <p>A one-shot, mutable worker used under the swapper's reload lock; only its immutable result,
 * a {@link Generation} with its {@link ReloadDetails}, is published. On any failure it frees the
 * new plugins whose hooks ran and throws a {@link ReloadException}; the current generation is
 * never touched.
 */
final class Reloader {

    /**
     * A finished, not yet current, generation.
     *
     * @param rejections what stays rejected once it is current: files that changed (or were forced) are lifted
     */
    record Built(Generation generation, ReloadDetails details, List<LoadedPlugin> fresh, Rejections rejections) {
    }

    private final SwapperConfig config;
    private final Retirement retirement;
    private final Path pluginDir;
    private final Generation previous;
    private final long number;
    private final Logger log;
    private final long started = System.nanoTime();
    private final Rejections rejections;
    private final boolean force;
    // The plugins this attempt loaded, and the one being loaded: freed if the attempt fails.
    private final List<LoadedPlugin> fresh = new ArrayList<>();
    private PluginLoading loading;
    private final ReloadSteps steps;
    // The directory, or the host's layer in static linking mode: what the plugins are and how a
    // version of one is made. The reloader only builds.
    private final PluginFinder finder;

    /**
     * @param number     the new generation's number: numbers are never reused, not even after a rollback
     * @param rejections files that automatic rollbacks rejected: skipped unless {@code force}
     * @param attempt    what the caller waiting for this build watches: each step reports to it
     */
    Reloader(SwapperConfig config, Retirement retirement, Path pluginDir, Generation previous, long number,
             Rejections rejections, boolean force, ReloadAttempt attempt) {
        this.config = config;
        this.retirement = retirement;
        this.pluginDir = pluginDir;
        this.previous = previous;
        this.steps = new ReloadSteps(attempt);
        this.number = number;
        this.rejections = rejections;
        this.force = force;
        this.log = config.log();
        this.finder = PluginFinder.of(config, pluginDir);
    }

    Built build(Object data) {
        try {
            long t = steps.begin(ReloadStep.READ_JAR);
            Map<String, PluginJar> found = finder.find(previous);
            Map<String, PluginJar> jars = new TreeMap<>(found);
            Set<String> skipped = skipRejected(jars);
            steps.charge(ReloadStep.READ_JAR, t);
            t = steps.begin(ReloadStep.ORDER);
            List<PluginJar> order = DependencyOrder.sort(jars, config.hostLayer());
            steps.charge(ReloadStep.ORDER, t);
            Map<String, LoadedPlugin> next = new LinkedHashMap<>();
            Map<String, PluginOutcome> outcomes = new LinkedHashMap<>();
            for (PluginJar jar : order) {
                List<LoadedPlugin> deps = DependencyOrder.pluginRequires(jar, jars.keySet()).stream()
                        .map(next::get).toList();
                PluginOutcome outcome = place(jar, deps, data, next);
                outcomes.put(jar.name(), outcome);
            }
            for (LoadedPlugin old : previous.loaded()) {
                if (!next.containsKey(old.name())) {
                    outcomes.put(old.name(), PluginOutcome.REMOVED);
                }
            }
            for (String name : skipped) {
                // Carried over as it runs (or not loaded at all): a relinked one keeps saying so.
                outcomes.merge(name, PluginOutcome.SKIPPED,
                        (was, skip) -> was == PluginOutcome.UNCHANGED ? PluginOutcome.SKIPPED : was);
            }
            t = steps.begin(ReloadStep.VAULT);
            // One gate for the generation and its live calls; drained, it tells the retirement.
            CallGate gate = new CallGate("generation " + number, retirement::drained);
            GenerationVault vault = vault(next.values(), gate);
            steps.charge(ReloadStep.VAULT, t);
            Generation generation = new Generation(number, List.copyOf(next.values()), vault, gate, log);
            for (LoadedPlugin p : fresh) {
                steps.hook(p.name(), p.info().version(), p.layer(), ReloadStep.ON_INIT, p::initHook, () -> {
                    p.plugin().onInit(generation.vault());
                    return null;
                });
            }
            t = steps.begin(ReloadStep.CALLBACK);
            veto(generation);
            steps.charge(ReloadStep.CALLBACK, t);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            return new Built(generation, new ReloadDetails(number, outcomes, took, steps.durations()), List.copyOf(fresh),
                    rejections.after(found, force));
        } catch (ReloadException e) {
            discardFresh();
            throw e;
        } catch (RuntimeException | Error e) {
            // Not a failure any step expected (a bug, an OutOfMemoryError): still name where it was.
            ReloadProgress at = steps.attempt().progress();
            discardFresh();
            throw ReloadException.at(at.plugin().orElse(null), at.step(),
                    "unexpected failure while building generation " + number, e);
        }
    }

    /**
     * Puts the running version's jar in place of each rejected file (or drops a rejected plugin that
     * does not run), unless forced; answers the names it skipped.
     */
    private Set<String> skipRejected(Map<String, PluginJar> jars) {
        if (force || rejections.isEmpty()) {
            return Set.of();
        }
        Set<String> skipped = new TreeSet<>();
        for (PluginJar jar : List.copyOf(jars.values())) {
            Optional<RejectedFile> rejected = rejections.of(jar);
            if (rejected.isEmpty()) {
                continue;
            }
            RejectedFile r = rejected.get();
            Optional<LoadedPlugin> running = previous.loaded(jar.name()).filter(p -> p.jar().isPresent());
            if (running.isPresent()) {
                jars.put(jar.name(), running.get().jar().orElseThrow());
            } else {
                jars.remove(jar.name());
            }
            skipped.add(jar.name());
            log.warn("Plugin {}: skipped {} (sha256:{}): an automatic rollback rejected this file at {} ({}); {};"
                            + " change the file, or reload with force to load it anyway", jar.name(), finder.origin(jar),
                    jar.shortHash(), r.since(), r.reason(), running.isPresent()
                            ? "version " + running.get().info().version() + " stays" : "it is not loaded");
        }
        return skipped;
    }

    /** Carries the running version over, or loads a new layer; answers what it did. */
    private PluginOutcome place(PluginJar jar, List<LoadedPlugin> deps, Object data, Map<String, LoadedPlugin> next) {
        Optional<LoadedPlugin> running = previous.loaded(jar.name());
        if (running.isPresent()) {
            LoadedPlugin old = running.get();
            boolean sameJar = old.sha256().equals(jar.sha256());
            boolean depsCarried = deps.stream().allMatch(d -> previous.loaded(d.name()).orElse(null) == d);
            if (sameJar) {
                // The file's latest stamp, so that the next reload need not read it again.
                old.seenAgain(jar);
            }
            if (!old.reloadable()) {
                next.put(jar.name(), old);
                return sameJar ? PluginOutcome.UNCHANGED : PluginOutcome.NOT_RELOADABLE;
            }
            if (sameJar && depsCarried && old.requires().equals(names(deps))) {
                next.put(jar.name(), old);
                return PluginOutcome.UNCHANGED;
            }
            next.put(jar.name(), load(jar, deps, data));
            return sameJar ? PluginOutcome.RELINKED : PluginOutcome.OK;
        }
        next.put(jar.name(), load(jar, deps, data));
        return PluginOutcome.OK;
    }

    private LoadedPlugin load(PluginJar jar, List<LoadedPlugin> deps, Object data) {
        LoadEvent event = Jfr.on() ? new LoadEvent() : null;
        if (event != null) {
            event.begin();
        }
        String name = jar.name();
        String version = PluginInfo.version(jar.descriptorVersion(), jar.sha256());
        long t = steps.begin(name, version, ReloadStep.DEFINE_LAYER, Optional.empty());
        List<ModuleLayer> parents = new ArrayList<>();
        for (LoadedPlugin d : deps) {
            d.layer().ifPresent(l -> parents.add(l.layer()));
        }
        parents.add(config.hostLayer());
        Optional<DefinedLayer> layer = finder.define(jar, number, parents);
        steps.charge(ReloadStep.DEFINE_LAYER, t);
        t = steps.begin(name, version, ReloadStep.INSTANTIATE, layer);
        Plugin plugin = finder.instantiate(jar, layer);
        steps.charge(ReloadStep.INSTANTIATE, t);
        loading = new PluginLoading(jar, number, deps, layer, plugin, steps);
        LoadedPlugin p = loading.load(data);
        loading = null;
        fresh.add(p);
        log.info("Plugin {} ({}): loaded into generation {} from {}{}", name, p.info().version(), number,
                finder.origin(jar), jar.libraries().isEmpty() ? "" : " with libraries " + p.info().libraries());
        if (event != null) {
            event.loaded(name, p.info().version(), number);
            event.commit();
        }
        return p;
    }

    /** The VAULT step: live names of every plugin of the new generation, carried ones too; the extension. */
    private GenerationVault vault(Collection<LoadedPlugin> plugins, CallGate gate) {
        LiveVault live;
        try {
            // Statically linked plugins have no layer (nor controller) of their own to open to the
            // runtime: their live names are not bound.
            live = LiveBinder.bind(plugins.stream().flatMap(p -> p.layer().stream()).toList(), config.livePrefix(), log,
                    previous.liveVault(), gate);
        } catch (LiveBindException e) {
            throw new SwapException(e.plugin(), ReloadStep.VAULT, e.getMessage(), e.getCause());
        }
        Supplier<?> factory = config.extensionFactory();
        if (factory == null) {
            return new GenerationVault(live, Optional.empty());
        }
        Object extension;
        try {
            extension = factory.get();
        } catch (Throwable t) {
            throw new SwapException(null, ReloadStep.VAULT, "the host's extension factory threw", t);
        }
        if (extension == null) {
            throw new SwapException(null, ReloadStep.VAULT, "the host's extension factory returned null", null);
        }
        return new GenerationVault(live, Optional.of(extension));
    }

    private void veto(Generation generation) {
        ReloadCallback callback = config.reloadCallback();
        if (callback == null) {
            return;
        }
        boolean accepted;
        try {
            accepted = callback.accept(generation, previous);
        } catch (Throwable t) {
            throw new SwapException(null, ReloadStep.CALLBACK, "the host's reload callback threw", t);
        }
        if (!accepted) {
            throw new SwapException(null, ReloadStep.CALLBACK, "the host's reload callback vetoed generation " + number, null);
        }
    }

    /** Frees, newest first, the plugins this attempt loaded; none of them ever became current. */
    private void discardFresh() {
        // A plugin whose step the caller gave up on was handed to the leak watch by the caller;
        // it is freed here, if its hook ever returns, without being watched a second time.
        Optional<DefinedLayer> stuck = steps.attempt().stuck().map(ReloadAttempt.Stuck::layer);
        if (loading != null) {
            retirement.discard(loading, stuck.isEmpty() || !stuck.equals(loading.layer()));
            loading = null;
        }
        for (int i = fresh.size() - 1; i >= 0; i--) {
            LoadedPlugin p = fresh.get(i);
            retirement.discard(p, stuck.isEmpty() || !stuck.equals(p.layer()));
        }
        fresh.clear();
    }

    private static List<String> names(List<LoadedPlugin> plugins) {
        return plugins.stream().map(LoadedPlugin::name).toList();
    }
}
