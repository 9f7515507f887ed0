package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.LibraryJar;
import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Defines the layer of one plugin version: the plugin's module and the libraries of its bundle.
 *
 * <p>The configuration is resolved with the layers of the plugins it {@code requires} (and the
 * host layer) as parents, so it reads exactly what those modules export and nothing else; its own
 * modules are found first, so a library it bundles wins over one of the same name in a parent.
 * Every module of the bundle is a root, so a broken library fails the load even if nothing
 * requires it yet. Services are not bound: a plugin layer never pulls in providers from elsewhere.
 */
public final class PluginLayers {

    private PluginLayers() {
    }

    /**
     * @param jar        the plugin version
     * @param generation the generation loading it: part of the loader's name, since a relinked
     *                   version has the same jar as the one before it
     * @param parents    the layers of its plugin dependencies, then the host layer
     * @throws BundleLinkException                      if the bundle's modules break a rule of bundles
     * @throws java.lang.module.FindException          if a required module is not in any parent
     * @throws java.lang.module.ResolutionException     on split packages and other resolution errors
     * @throws java.lang.LayerInstantiationException if the layer cannot be defined
     */
    public static DefinedLayer define(PluginJar jar, long generation, List<ModuleLayer> parents) {
        BundleLinks links = new BundleLinks(jar, parents);
        links.checkBeforeResolve();
        List<Configuration> parentConfigs = parents.stream().map(ModuleLayer::configuration).toList();
        Set<String> roots = new LinkedHashSet<>(List.of(jar.name()));
        jar.libraries().stream().map(LibraryJar::name).forEach(roots::add);
        Configuration cf = Configuration.resolve(new SnapshotModuleFinder(jar), parentConfigs, ModuleFinder.of(), roots);
        links.checkResolved(cf);
        PluginClassLoader loader = new PluginClassLoader(jar, generation, ClassLoader.getPlatformClassLoader());
        ModuleLayer.Controller controller = ModuleLayer.defineModules(cf, parents, name -> loader);
        loader.link(controller.layer());
        return new DefinedLayer(controller.layer(), controller, loader);
    }
}
