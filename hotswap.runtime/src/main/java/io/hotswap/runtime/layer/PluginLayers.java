package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.util.List;
import java.util.Set;

/**
 * Defines the layer of one plugin version.
 *
 * <p>The plugin's configuration is resolved with the layers of the plugins it {@code requires}
 * (and the host layer) as parents, so it reads exactly what those modules export and nothing else.
 * Services are not bound: a plugin layer never pulls in providers from elsewhere.
 */
public final class PluginLayers {

    private PluginLayers() {
    }

    /**
     * @param jar        the plugin version
     * @param generation the generation loading it: part of the loader's name, since a relinked
     *                   version has the same jar as the one before it
     * @param parents    the layers of its plugin dependencies, then the host layer
     * @throws java.lang.module.FindException          if a required module is not in any parent
     * @throws java.lang.module.ResolutionException     on split packages and other resolution errors
     * @throws java.lang.LayerInstantiationException if the layer cannot be defined
     */
    public static DefinedLayer define(PluginJar jar, long generation, List<ModuleLayer> parents) {
        List<Configuration> parentConfigs = parents.stream().map(ModuleLayer::configuration).toList();
        Configuration cf = Configuration.resolve(
                new SnapshotModuleFinder(jar), parentConfigs, ModuleFinder.of(), Set.of(jar.name()));
        PluginClassLoader loader = new PluginClassLoader(jar, generation, ClassLoader.getPlatformClassLoader());
        ModuleLayer.Controller controller = ModuleLayer.defineModules(cf, parents, name -> loader);
        loader.link(controller.layer());
        return new DefinedLayer(controller.layer(), controller, loader);
    }
}
