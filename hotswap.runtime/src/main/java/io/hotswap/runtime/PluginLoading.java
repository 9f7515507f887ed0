package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.layer.DefinedLayer;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Loads one new plugin version: runs its load hooks in order ({@code reloadable()},
 * {@code export()}, {@code imports()}, {@code onLoad()}) and makes the {@link LoadedPlugin} with
 * what they answered. A one-shot, mutable worker on the reload's thread: only the finished
 * {@code LoadedPlugin} leaves it. If a hook fails, {@link #discard} frees what it made.
 */
final class PluginLoading {

    private final PluginJar jar;
    private final long generation;
    private final List<LoadedPlugin> deps;
    private final PluginInstance instance;
    private final ReloadSteps steps;
    private boolean hooksRan;

    PluginLoading(PluginJar jar, long generation, List<LoadedPlugin> deps, Optional<DefinedLayer> layer, Plugin plugin,
                  ReloadSteps steps) {
        this.jar = jar;
        this.generation = generation;
        this.deps = List.copyOf(deps);
        this.instance = new PluginInstance(plugin, layer, jar);
        this.steps = steps;
    }

    /**
     * @throws HookException if a hook throws, or the plugin is not reloadable but requires a
     *         reloadable plugin
     */
    LoadedPlugin load(Object data) {
        String name = jar.name();
        Plugin plugin = instance.plugin();
        boolean reloadable = hook(ReloadStep.RELOADABLE, plugin::reloadable);
        if (!reloadable) {
            for (LoadedPlugin d : deps) {
                if (d.reloadable()) {
                    throw new HookException(name, ReloadStep.RELOADABLE, "Plugin " + name
                            + " is not reloadable but requires " + d.name() + ", which is", null);
                }
            }
        }
        Object export = hook(ReloadStep.EXPORT, plugin::export);
        hook(ReloadStep.IMPORTS, () -> {
            plugin.imports(new PluginImports(name, deps));
            return null;
        });
        hook(ReloadStep.ON_LOAD, () -> {
            plugin.onLoad(data);
            return null;
        });
        return new LoadedPlugin(jar, generation, deps.stream().map(LoadedPlugin::name).toList(), instance,
                reloadable, export);
    }

    private <T> T hook(ReloadStep step, java.util.concurrent.Callable<T> call) {
        hooksRan = true;
        return steps.hook(jar.name(), version(), instance.layer(), step, instance::call, call);
    }

    Optional<DefinedLayer> layer() {
        return instance.layer();
    }

    String name() {
        return jar.name();
    }

    /** The version as status and logs show it. */
    String version() {
        return PluginInfo.version(jar.descriptorVersion(), jar.sha256());
    }

    /** After a failed {@link #load}: {@code onFree} if a hook ran, the layer closed; returns it for the leak watch. */
    Optional<DefinedLayer> discard(Logger log) {
        return instance.free(hooksRan, log, jar.name(), version());
    }
}
