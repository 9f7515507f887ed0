package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.PluginJarReader;
import io.hotswap.runtime.layer.DefinedLayer;
import java.io.IOException;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * Static linking: the plugins are modules of the host's own layer (the boot layer: the host's
 * module path), found through {@link ServiceLoader} instead of a directory. They run the same
 * hooks, but their layer is the host's, so they are never reloaded nor unloaded: this mode is for
 * stepping through plugin code in an IDE or {@code jdb}.
 *
 * <p>Each plugin is described by a {@link PluginJar} without entries, so that ordering, imports
 * and status work as for directory plugins; its hash is that of its jar on the module path (or of
 * its descriptor when it is an exploded directory).
 */
final class HostLayerFinder implements PluginFinder {

    private final ModuleLayer layer;
    private final Whitelist whitelist;
    private final Logger log;
    // Filled by find(): the providers found, for instantiate().
    private final Map<String, ServiceLoader.Provider<Plugin>> providers = new LinkedHashMap<>();

    HostLayerFinder(ModuleLayer layer, Whitelist whitelist, Logger log) {
        this.layer = layer;
        this.whitelist = whitelist;
        this.log = log;
    }

    /**
     * The plugins of the host's layer and its parents: every named module that provides
     * {@code io.hotswap.api.Plugin}, filtered by the whitelist when it is not empty.
     *
     * @throws ResolveException if a module provides more than one implementation or the service
     *         configuration is broken
     */
    @Override
    public Map<String, PluginJar> find(Generation previous) {
        Map<String, PluginJar> jars = new TreeMap<>();
        providers.clear();
        List<ServiceLoader.Provider<Plugin>> found;
        try {
            found = ServiceLoader.load(layer, Plugin.class).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new ResolveException(null, ReloadStep.INSTANTIATE, "the host layer's Plugin providers: " + e.getMessage(), e);
        }
        for (ServiceLoader.Provider<Plugin> p : found) {
            Module module = p.type().getModule();
            if (!module.isNamed()) {
                continue;
            }
            String name = module.getName();
            if (!whitelist.admits(name, "its module on the host's module path (static linking)", log)) {
                continue;
            }
            PluginJar jar = describe(module);
            PluginFinder.requireOneProvider(jar);
            jars.put(name, jar);
            providers.put(name, p);
        }
        return jars;
    }

    /** None: the plugin's module is in the host's layer, which is never unloaded. */
    @Override
    public Optional<DefinedLayer> define(PluginJar jar, long generation, List<ModuleLayer> parents) {
        return Optional.empty();
    }

    @Override
    public Plugin instantiate(PluginJar jar, Optional<DefinedLayer> layer) {
        String name = jar.name();
        try {
            return providers.get(name).get();
        } catch (Throwable t) {
            throw new ResolveException(name, ReloadStep.INSTANTIATE, "its provider could not be instantiated", t);
        }
    }

    @Override
    public String origin(PluginJar jar) {
        return "the host's layer (static linking)";
    }

    private static PluginJar describe(Module module) {
        Optional<URI> location = module.getLayer().configuration().findModule(module.getName())
                .map(m -> m.reference()).flatMap(ModuleReference::location);
        Path file = location.filter(u -> "file".equals(u.getScheme())).map(Path::of).orElse(null);
        byte[] identity;
        try {
            identity = file != null && Files.isRegularFile(file) ? Files.readAllBytes(file)
                    : module.getDescriptor().toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ResolveException(module.getName(), ReloadStep.READ_JAR, "cannot read " + file, e);
        }
        return new PluginJar(file, PluginJarReader.sha256(identity), module.getDescriptor(), JarEntries.none());
    }
}
