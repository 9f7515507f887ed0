package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.LibraryJar;
import io.hotswap.runtime.jar.PluginJar;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The class loader of one plugin version: it defines the classes of the plugin's module and of
 * the libraries of its bundle, all from the bytes in memory, and delegates every other package to
 * the loader of the module that exports it to the module that reads it. A class is inflated from
 * the jar's compressed bytes when it is defined; a resource is served as a stream inflated as it
 * is read, never whole.
 *
 * <p>One loader for the whole version, as {@link ModuleLayer#defineModulesWithOneLoader} would
 * have it: the version's modules are defined, freed and collected together, a library's class
 * names the plugin's version in its loader, and a thread running library code that the plugin
 * started is attributed to the plugin by the leak watch.
 *
 * <p>The loader's name is {@code plugin-<module>@<hash>#<generation>}, so stack traces and
 * {@code ClassCastException}s say which version of a plugin a class came from, and the leak watch
 * can recognise the version's frames in a live thread.
 */
public final class PluginClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    /** One module of the version: its name and entries. */
    private record Local(String module, JarEntries entries) {
    }

    private final String moduleName;
    private final String sha256;
    // The modules in the order resources are searched: the plugin, then its libraries.
    private final List<String> modules;
    // Cleared on close: after the plugin is freed the loader must not hold the jar's bytes.
    private volatile Map<String, Local> byPackage;
    private volatile Map<String, Local> byModule;
    // Written once by link(), before any class of the modules is loaded.
    private volatile Map<String, ClassLoader> remotePackages = Map.of();

    PluginClassLoader(PluginJar jar, long generation, ClassLoader parent) {
        super("plugin-" + jar.name() + "@" + jar.shortHash() + "#" + generation, parent);
        this.moduleName = jar.name();
        this.sha256 = jar.sha256();
        Map<String, Local> modules = new LinkedHashMap<>();
        modules.put(jar.name(), new Local(jar.name(), jar.entries()));
        for (LibraryJar lib : jar.libraries()) {
            modules.put(lib.name(), new Local(lib.name(), lib.entries()));
        }
        Map<String, Local> packages = new HashMap<>();
        packagesOf(jar.descriptor(), modules.get(jar.name()), packages);
        for (LibraryJar lib : jar.libraries()) {
            packagesOf(lib.descriptor(), modules.get(lib.name()), packages);
        }
        this.modules = List.copyOf(modules.keySet());
        this.byModule = Map.copyOf(modules);
        this.byPackage = Map.copyOf(packages);
    }

    private static void packagesOf(ModuleDescriptor d, Local local, Map<String, Local> packages) {
        for (String pn : d.packages()) {
            packages.putIfAbsent(pn, local);
        }
    }

    /**
     * Maps every package that the layer's modules read from other layers to the loader of the
     * module that exports it.
     *
     * @throws LayerInstantiationException if two of the version's modules read one package from
     *         two different loaders, which one loader cannot serve
     */
    void link(ModuleLayer layer) {
        Map<String, ClassLoader> remote = new HashMap<>();
        Map<String, String> readers = new HashMap<>();
        for (ResolvedModule self : layer.configuration().modules()) {
            for (ResolvedModule read : self.reads()) {
                if (read.configuration() == layer.configuration()) {
                    continue; // one of ours: defined by this loader
                }
                ClassLoader loader = loaderOf(layer, read);
                if (loader == null) {
                    continue; // boot loader: the parent chain reaches it
                }
                for (var export : read.reference().descriptor().exports()) {
                    if (export.isQualified() && !export.targets().contains(self.name())) {
                        continue;
                    }
                    ClassLoader other = remote.putIfAbsent(export.source(), loader);
                    if (other != null && other != loader) {
                        throw new LayerInstantiationException("Modules " + readers.get(export.source()) + " and "
                                + self.name() + " of plugin " + moduleName + " read package " + export.source()
                                + " from two different modules; one plugin version cannot");
                    }
                    readers.putIfAbsent(export.source(), self.name());
                }
            }
        }
        remotePackages = Map.copyOf(remote);
    }

    private static ClassLoader loaderOf(ModuleLayer layer, ResolvedModule module) {
        return layer.findModule(module.name())
                .filter(m -> m.getLayer() != null && m.getLayer().configuration() == module.configuration())
                .map(Module::getClassLoader)
                .orElse(null);
    }

    @Override
    protected Class<?> loadClass(String cn, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(cn)) {
            Class<?> c = findLoadedClass(cn);
            if (c == null) {
                String pn = packageOf(cn);
                Local local = byPackage.get(pn);
                if (local != null) {
                    c = defineLocal(local, cn);
                    if (c == null) {
                        throw new ClassNotFoundException(cn + " (in " + getName() + ")");
                    }
                } else {
                    ClassLoader remote = remotePackages.get(pn);
                    c = remote != null ? remote.loadClass(cn) : super.loadClass(cn, false);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    protected Class<?> findClass(String cn) throws ClassNotFoundException {
        Local local = byPackage.get(packageOf(cn));
        Class<?> c = local == null ? null : findClass(local.module(), cn);
        if (c == null) {
            throw new ClassNotFoundException(cn + " (in " + getName() + ")");
        }
        return c;
    }

    @Override
    protected Class<?> findClass(String mn, String cn) {
        Local local = byPackage.get(packageOf(cn));
        if (local == null || (mn != null && !mn.equals(local.module()))) {
            return null;
        }
        synchronized (getClassLoadingLock(cn)) {
            Class<?> c = findLoadedClass(cn);
            return c != null ? c : defineLocal(local, cn);
        }
    }

    private Class<?> defineLocal(Local local, String cn) {
        byte[] b = local.entries().get(cn.replace('.', '/') + ".class");
        return b == null ? null : defineClass(cn, b, 0, b.length);
    }

    @Override
    protected URL findResource(String mn, String name) {
        if (mn == null) {
            return findResource(name);
        }
        Local local = byModule.get(mn);
        return local == null ? null : url(local, name);
    }

    @Override
    protected URL findResource(String name) {
        Map<String, Local> all = byModule;
        for (String mn : modules) {
            Local local = all.get(mn);
            URL url = local == null ? null : url(local, name);
            if (url != null) {
                return url;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        Map<String, Local> all = byModule;
        List<URL> urls = new ArrayList<>();
        for (String mn : modules) {
            Local local = all.get(mn);
            URL url = local == null ? null : url(local, name);
            if (url != null) {
                urls.add(url);
            }
        }
        return Collections.enumeration(urls);
    }

    private URL url(Local local, String name) {
        if (!local.entries().contains(name)) {
            return null;
        }
        try {
            // The handler serves the entry from the bytes in memory: no file is opened, none can
            // be held. A URL kept after the version is freed keeps the jar's compressed bytes
            // reachable, not the loader nor its classes.
            return new URL("hotswap", getName(), -1, "/" + local.module() + "/" + name,
                    new EntryHandler(local.entries(), name));
        } catch (MalformedURLException ex) {
            return null;
        }
    }

    /** Drops the jar's bytes once the plugin is freed; classes already defined stay usable. */
    void close() {
        byPackage = Map.of();
        byModule = Map.of();
    }

    /** The plugin's module name. */
    public String moduleName() {
        return moduleName;
    }

    /** The modules this loader defines: the plugin's, then its libraries'. */
    public List<String> modules() {
        return modules;
    }

    /** The SHA-256 of the jar this loader defines classes from. */
    public String sha256() {
        return sha256;
    }

    private static String packageOf(String cn) {
        int dot = cn.lastIndexOf('.');
        return dot < 0 ? "" : cn.substring(0, dot);
    }

    /** Opens one entry of a jar in memory as a stream. */
    private static final class EntryHandler extends URLStreamHandler {
        private final JarEntries entries;
        private final String name;

        EntryHandler(JarEntries entries, String name) {
            this.entries = entries;
            this.name = name;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() throws IOException {
                    connected = true;
                    return SnapshotModuleFinder.open(entries, name);
                }

                @Override
                public long getContentLengthLong() {
                    return entries.size(name);
                }
            };
        }
    }

    @Override
    public String toString() {
        return getName();
    }
}
