package io.hotswap.runtime.jar;

import io.hotswap.protocol.bundle.BundleLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads a plugin jar or bundle into a {@link PluginJar}: the whole file in one read, then
 * everything else from memory, nested libraries included. The entries stay compressed until they
 * are needed.
 */
public final class PluginJarReader {

    private static final String PLUGIN_SERVICE = "io.hotswap.api.Plugin";

    private PluginJarReader() {
    }

    /**
     * Reads the jar's directory, its module descriptor, its hash and its nested libraries, and
     * inflates nothing else: for a jar that may turn out unchanged. Call {@code inflateAll()}
     * before the jar is first given a layer, so that a damaged entry fails there.
     *
     * @throws JarReadException if the file cannot be read, is not a jar, is not an explicit
     *         module, or a nested library cannot be read ({@link JarReadException#plugin()} then
     *         names the plugin)
     * @throws BundleException  if the bundle breaks a rule of bundles (see {@link BundleException})
     */
    public static PluginJar describe(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JarReadException(file, "cannot be read", e);
        }
        return describe(file, bytes);
    }

    private static PluginJar describe(Path file, byte[] bytes) {
        JarEntries all = JarEntries.of(file, bytes);
        ModuleJars.Read plugin = ModuleJars.read(all.without(BundleLayout.LIBRARIES), null);
        String name = plugin.descriptor().name();
        List<LibraryJar> libraries = new ArrayList<>();
        try {
            refuseEscaping(all);
            for (String path : all.names().stream().filter(n -> n.startsWith(BundleLayout.LIBRARIES)).sorted().toList()) {
                libraries.add(library(name, file, path, all.get(path)));
            }
        } catch (JarReadException e) {
            throw e.plugin().isPresent() ? e : e.inPlugin(name);
        }
        checkNames(name, libraries);
        return new PluginJar(file, sha256(bytes), plugin.descriptor(), plugin.entries(), libraries);
    }

    private static LibraryJar library(String plugin, Path bundle, String path, byte[] bytes) {
        String fileName = path.substring(BundleLayout.LIBRARIES.length());
        if (fileName.contains("/") || !fileName.endsWith(".jar") || fileName.length() == ".jar".length()) {
            throw new BundleException(plugin, "its bundle has " + path + ", but " + BundleLayout.LIBRARIES
                    + " holds library jars only (<name>.jar, no subfolders)");
        }
        JarEntries entries = JarEntries.of(bundle + "!/" + path, bytes);
        refuseEscaping(entries);
        for (String inner : entries.names()) {
            if (inner.endsWith(".jar")) {
                throw new BundleException(plugin, "its nested jar " + path + " holds another jar, " + inner
                        + ": libraries are nested one level deep, put " + inner + " beside it in " + BundleLayout.LIBRARIES);
            }
        }
        ModuleJars.Read read = ModuleJars.read(entries, fileName);
        if (read.descriptor().provides().stream().anyMatch(p -> p.service().equals(PLUGIN_SERVICE))) {
            throw new BundleException(plugin, "its nested jar " + path + " (module " + read.descriptor().name()
                    + ") provides " + PLUGIN_SERVICE + ": a library cannot be a plugin, put it in the plugin directory"
                    + " as a plugin of its own");
        }
        return new LibraryJar(path, read.descriptor(), read.entries());
    }

    private static void refuseEscaping(JarEntries entries) {
        entries.escaping().ifPresent(name -> {
            throw new JarReadException(entries.where(), "has an entry whose name escapes the jar: " + name, null);
        });
    }

    /** Two nested jars with one module name, or a library named as its plugin. */
    private static void checkNames(String plugin, List<LibraryJar> libraries) {
        Map<String, String> paths = new HashMap<>();
        for (LibraryJar l : libraries) {
            if (l.name().equals(plugin)) {
                throw new BundleException(plugin, "its nested jar " + l.path() + " is module " + plugin
                        + ", the plugin's own name");
            }
            String other = paths.putIfAbsent(l.name(), l.path());
            if (other != null) {
                throw new BundleException(plugin, "its nested jars " + other + " and " + l.path()
                        + " are both module " + l.name() + ": bundle one version of a library");
            }
        }
    }

    /** Hex SHA-256 of some bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
