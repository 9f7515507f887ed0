package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.PluginJar;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.module.ResolvedModule;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The class loader of one plugin version: it defines the classes of exactly one module from the
 * jar's bytes in memory, and delegates every other package to the loader of the module that
 * exports it to this one.
 *
 * <p>The loader's name is {@code plugin-<module>@<hash>#<generation>}, so stack traces and
 * {@code ClassCastException}s say which version of a plugin a class came from, and the leak watch
 * can recognise the version's frames in a live thread.
 */
public final class PluginClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final String moduleName;
    private final String sha256;
    private final Set<String> packages;
    // Cleared on close: after the plugin is freed the loader must not hold the jar's bytes.
    private volatile JarEntries entries;
    // Written once by link(), before any class of the module is loaded.
    private volatile Map<String, ClassLoader> remotePackages = Map.of();

    PluginClassLoader(PluginJar jar, long generation, ClassLoader parent) {
        super("plugin-" + jar.name() + "@" + jar.shortHash() + "#" + generation, parent);
        this.moduleName = jar.name();
        this.sha256 = jar.sha256();
        this.packages = jar.descriptor().packages();
        this.entries = jar.entries();
    }

    /** Maps every package this module reads to the loader of the module that exports it. */
    void link(ModuleLayer layer) {
        ResolvedModule self = layer.configuration().findModule(moduleName).orElseThrow();
        Map<String, ClassLoader> remote = new HashMap<>();
        for (ResolvedModule read : self.reads()) {
            ClassLoader loader = loaderOf(layer, read);
            if (loader == null) {
                continue; // boot loader: the parent chain reaches it
            }
            for (var export : read.reference().descriptor().exports()) {
                if (!export.isQualified() || export.targets().contains(moduleName)) {
                    remote.put(export.source(), loader);
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
                if (packages.contains(pn)) {
                    c = defineLocal(cn);
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
        Class<?> c = packages.contains(packageOf(cn)) ? findClass(moduleName, cn) : null;
        if (c == null) {
            throw new ClassNotFoundException(cn + " (in " + getName() + ")");
        }
        return c;
    }

    @Override
    protected Class<?> findClass(String mn, String cn) {
        if (mn != null && !mn.equals(moduleName)) {
            return null;
        }
        synchronized (getClassLoadingLock(cn)) {
            Class<?> c = findLoadedClass(cn);
            return c != null ? c : defineLocal(cn);
        }
    }

    private Class<?> defineLocal(String cn) {
        JarEntries e = entries;
        byte[] b = e == null ? null : e.get(cn.replace('.', '/') + ".class");
        return b == null ? null : defineClass(cn, b, 0, b.length);
    }

    @Override
    protected URL findResource(String mn, String name) {
        return mn == null || mn.equals(moduleName) ? findResource(name) : null;
    }

    @Override
    protected URL findResource(String name) {
        JarEntries e = entries;
        byte[] b = e == null ? null : e.get(name);
        if (b == null) {
            return null;
        }
        try {
            // The handler serves the bytes in memory: no file is opened, none can be held.
            return new URL("hotswap", getName(), -1, "/" + name, new BytesHandler(b));
        } catch (MalformedURLException ex) {
            return null;
        }
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return url == null ? Collections.emptyEnumeration() : Collections.enumeration(java.util.List.of(url));
    }

    /** Drops the jar's bytes once the plugin is freed; classes already defined stay usable. */
    void close() {
        entries = null;
    }

    /** The plugin's module name. */
    public String moduleName() {
        return moduleName;
    }

    /** The SHA-256 of the jar this loader defines classes from. */
    public String sha256() {
        return sha256;
    }

    private static String packageOf(String cn) {
        int dot = cn.lastIndexOf('.');
        return dot < 0 ? "" : cn.substring(0, dot);
    }

    private static final class BytesHandler extends URLStreamHandler {
        private final byte[] bytes;

        BytesHandler(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                    connected = true;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }

                @Override
                public int getContentLength() {
                    return bytes.length;
                }
            };
        }
    }

    @Override
    public String toString() {
        return getName();
    }
}
