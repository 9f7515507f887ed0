package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.layer.DefinedLayer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where the plugins of the next generation come from, as {@link java.lang.module.ModuleFinder} is
 * for modules: a finder lists and checks the plugin descriptions, and makes a version of one when
 * the {@link Reloader} asks; the reloader only builds. One finder serves one load or reload.
 *
 * <p>Two cases, closed: the plugin directory ({@link DirectoryFinder}: jars and bundles, the
 * whitelist, duplicates, the shape checks), or the host's own layer in static linking mode
 * ({@link HostLayerFinder}), whose plugins get no layer of their own.
 */
sealed interface PluginFinder permits DirectoryFinder, HostLayerFinder {

    String PLUGIN_SERVICE = Plugin.class.getName();

    /** The finder a swapper with this configuration uses for its next generation. */
    static PluginFinder of(SwapperConfig config, java.nio.file.Path pluginDir) {
        return config.staticLinking()
                ? new HostLayerFinder(config.hostLayer(), new Whitelist(config.whitelist()), config.log())
                : new DirectoryFinder(pluginDir, new Whitelist(config.whitelist()), config.jarLimits(), config.log(),
                        config.fileStamps());
    }

    /**
     * Every plugin for the next generation, described and checked (READ_JAR and DESCRIBE steps),
     * by name.
     *
     * @param previous the generation being replaced: a plugin it runs unchanged need not be checked whole again
     * @throws ResolveException naming the plugin (or the file) and the step
     */
    Map<String, PluginJar> find(Generation previous);

    /**
     * Defines the layer of a new version of a found plugin (DEFINE_LAYER), or none for a plugin
     * that lives in the host's layer.
     *
     * @param parents the layers of the plugins it requires, then the host's
     */
    Optional<DefinedLayer> define(PluginJar jar, long generation, List<ModuleLayer> parents);

    /** Makes the plugin object of a new version (INSTANTIATE). */
    Plugin instantiate(PluginJar jar, Optional<DefinedLayer> layer);

    /** Where a plugin was found, for the log: its file, or the host's layer. */
    String origin(PluginJar jar);

    /**
     * The DESCRIBE step's check that a module is a plugin at all, before any plugin code of the
     * reload runs: it provides {@code io.hotswap.api.Plugin} with exactly one implementation.
     */
    static void requireOneProvider(PluginJar jar) {
        Set<String> declared = jar.providers(PLUGIN_SERVICE);
        if (declared.size() != 1) {
            throw new ResolveException(jar.name(), ReloadStep.DESCRIBE, "Plugin " + jar.name() + " must provide "
                    + PLUGIN_SERVICE + " with exactly one implementation, it provides " + declared.size()
                    + (declared.isEmpty() ? "" : " " + new TreeSet<>(declared)));
        }
    }
}
