package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.BundleException;
import io.hotswap.runtime.jar.FileStamp;
import io.hotswap.runtime.jar.FileStamps;
import io.hotswap.runtime.jar.JarLimits;
import io.hotswap.runtime.jar.JarReadException;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.jar.PluginJarReader;
import io.hotswap.runtime.layer.BundleLinkException;
import io.hotswap.runtime.layer.DefinedLayer;
import io.hotswap.runtime.layer.PluginLayers;
import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ResolutionException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;

/**
 * The plugins of a plugin directory: every {@code *.jar} in it, a plain plugin jar or a bundle
 * with its libraries nested (see {@link BundleLayout}), filtered by the whitelist. Each is read
 * once into memory; each version gets a layer of its own.
 *
 * <p>A reload costs what changed: a file whose {@link FileStamp} shows it unchanged since the
 * running version was read from it is not read again, and that version's jar (its hash, its
 * descriptor, its entries) stands for it. Any other file is read and hashed whole, and its hash
 * remains the plugin's identity.
 */
final class DirectoryFinder implements PluginFinder {

    private final Path pluginDir;
    private final Whitelist whitelist;
    private final JarLimits limits;
    private final Logger log;
    private final FileStamps stamps;

    DirectoryFinder(Path pluginDir, Whitelist whitelist, JarLimits limits, Logger log, FileStamps stamps) {
        this.pluginDir = pluginDir;
        this.whitelist = whitelist;
        this.limits = limits;
        this.log = log;
        this.stamps = stamps;
    }

    @Override
    public Map<String, PluginJar> find(Generation previous) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(pluginDir, "*.jar")) {
            dir.forEach(files::add);
        } catch (IOException e) {
            throw new ResolveException(null, ReloadStep.READ_JAR, "cannot list plugin directory " + pluginDir, e);
        }
        Collections.sort(files);
        Map<Path, PluginJar> lastRead = new HashMap<>();
        for (LoadedPlugin p : previous.loaded()) {
            p.jar().filter(j -> j.stamp().isPresent()).ifPresent(j -> lastRead.put(j.file(), j));
        }
        Map<String, PluginJar> jars = new TreeMap<>();
        for (Path file : files) {
            PluginJar jar = readIfChanged(file, lastRead.get(file));
            if (!whitelist.admits(jar.name(), file, log)) {
                continue;
            }
            // A jar the running generation already has was checked whole when it first loaded.
            // Any other jar is checked whole now (streaming: nothing inflated is kept), so that a
            // damaged entry fails here rather than at a class load.
            boolean running = previous.loaded(jar.name()).filter(p -> p.sha256().equals(jar.sha256())).isPresent();
            if (!running) {
                try {
                    jar.check();
                } catch (JarReadException e) {
                    throw new ResolveException(jar.name(), ReloadStep.READ_JAR, e.getMessage(), e.getCause());
                }
            }
            PluginFinder.requireOneProvider(jar);
            PluginJar other = jars.putIfAbsent(jar.name(), jar);
            if (other != null) {
                throw new ResolveException(jar.name(), ReloadStep.DESCRIBE, "Plugin " + jar.name()
                        + " is in two jars: " + other.file() + " and " + file);
            }
        }
        return jars;
    }

    /** {@code last} if the file's stamp shows it unchanged since {@code last} was read from it; else the file, read. */
    private PluginJar readIfChanged(Path file, PluginJar last) {
        FileStamp now;
        try {
            now = stamps.of(file);
        } catch (IOException e) {
            // Gone or unreadable since the listing: the read below fails with the file and the cause.
            return read(file);
        }
        if (last != null && last.stamp().orElseThrow().unchangedIn(now)) {
            return last;
        }
        PluginJar read = read(file);
        // The same bytes again (a racy stamp, a touched file): the running jar, newly stamped,
        // so that the generation holds one copy of them.
        return last != null && last.sha256().equals(read.sha256()) ? last.stamped(now) : read.stamped(now);
    }

    private PluginJar read(Path file) {
        try {
            return PluginJarReader.describe(file, limits);
        } catch (BundleException e) {
            throw new ResolveException(e.plugin().orElse(null), ReloadStep.DESCRIBE, e.getMessage() + " (in " + file + ")");
        } catch (JarReadException e) {
            // Without a plugin name (its descriptor could not be read) the message names the file.
            throw new ResolveException(e.plugin().orElse(null), ReloadStep.READ_JAR, e.getMessage(), e.getCause());
        }
    }

    @Override
    public Optional<DefinedLayer> define(PluginJar jar, long generation, List<ModuleLayer> parents) {
        try {
            return Optional.of(PluginLayers.define(jar, generation, parents));
        } catch (BundleLinkException e) {
            throw new ResolveException(jar.name(), ReloadStep.DEFINE_LAYER, e.getMessage());
        } catch (FindException | ResolutionException | LayerInstantiationException
                 | SecurityException e) {
            throw new ResolveException(jar.name(), ReloadStep.DEFINE_LAYER, e.getMessage(), e);
        }
    }

    @Override
    public Plugin instantiate(PluginJar jar, Optional<DefinedLayer> defined) {
        String name = jar.name();
        DefinedLayer layer = defined.orElseThrow();
        Module module = layer.module();
        // The loader also walks parent layers; only the provider of the plugin's own module counts.
        List<ServiceLoader.Provider<Plugin>> own;
        try {
            own = ServiceLoader.load(layer.layer(), Plugin.class).stream()
                    .filter(p -> p.type().getModule() == module)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new ResolveException(name, ReloadStep.INSTANTIATE, e.getMessage(), e);
        }
        if (own.size() != 1) {
            throw new ResolveException(name, ReloadStep.INSTANTIATE, "found " + own.size() + " providers of "
                    + PLUGIN_SERVICE + " in the plugin's layer");
        }
        try {
            return own.get(0).get();
        } catch (Throwable t) {
            throw new ResolveException(name, ReloadStep.INSTANTIATE, "its provider could not be instantiated", t);
        }
    }

    @Override
    public String origin(PluginJar jar) {
        return String.valueOf(jar.file());
    }
}
