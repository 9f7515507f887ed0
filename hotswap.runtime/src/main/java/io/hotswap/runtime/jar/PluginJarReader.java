package io.hotswap.runtime.jar;

import io.hotswap.protocol.bundle.BundleLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
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
 * are needed; a jar larger than the {@link JarLimits}, or whose entries declare more than they
 * allow, is refused before anything is inflated.
 */
public final class PluginJarReader {

    private static final String PLUGIN_SERVICE = "io.hotswap.api.Plugin";
    // Never updated, only copied (concurrent copies of an untouched digest only read it).
    private static final MessageDigest SHA256 = lookUpSha256();

    private PluginJarReader() {
    }

    /** {@link #describe(Path, JarLimits)} with the {@linkplain JarLimits#DEFAULTS default limits}. */
    public static PluginJar describe(Path file) {
        return describe(file, JarLimits.DEFAULTS);
    }

    /**
     * Reads the jar's directory, its module descriptor, its hash and its nested libraries, and
     * inflates nothing else: for a jar that may turn out unchanged. Call {@code check()}
     * before the jar is first given a layer, so that a damaged entry fails there.
     *
     * @throws JarReadException if the file cannot be read, is larger than {@code limits} allow,
     *         is not a jar, is not an explicit module, its entries (its libraries' included)
     *         declare more than the inflated limit, or a nested library cannot be read
     *         ({@link JarReadException#plugin()} then names the plugin)
     * @throws BundleException  if the bundle breaks a rule of bundles (see {@link BundleException})
     */
    public static PluginJar describe(Path file, JarLimits limits) {
        return describe(file, read(file, limits), limits);
    }

    /** The file's bytes, if it is within the limit: read into one array of the file's size. */
    private static byte[] read(Path file, JarLimits limits) {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size > limits.maxFileSize()) {
                throw new JarReadException(file, "is " + JarLimits.format(size) + ", more than the limit of "
                        + JarLimits.format(limits.maxFileSize()) + " on a plugin file (maxPluginFileSize)", null);
            }
            byte[] bytes = allocate(file, size);
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new JarReadException(file, "was cut short while it was read: write plugin jars"
                            + " elsewhere and move them into the plugin directory", null);
                }
            }
            if (channel.read(ByteBuffer.allocate(1)) > 0) {
                throw new JarReadException(file, "grew while it was read: write plugin jars elsewhere and move them"
                        + " into the plugin directory", null);
            }
            return bytes;
        } catch (IOException e) {
            throw new JarReadException(file, "cannot be read", e);
        }
    }

    /** The file's array: refused whole if the heap has no room for it (see {@code JarEntries}). */
    private static byte[] allocate(Path file, long size) {
        try {
            return new byte[(int) size];
        } catch (OutOfMemoryError e) {
            throw new JarReadException(file, "is " + JarLimits.format(size) + ", which does not fit in the heap (at most "
                    + JarLimits.format(Runtime.getRuntime().maxMemory()) + ")", null);
        }
    }

    private static PluginJar describe(Path file, byte[] bytes, JarLimits limits) {
        JarEntries all = JarEntries.of(String.valueOf(file), bytes, 0, bytes.length, limits);
        ModuleJars.Read plugin = ModuleJars.read(all.without(BundleLayout.LIBRARIES), null);
        String name = plugin.descriptor().name();
        List<LibraryJar> libraries = new ArrayList<>();
        try {
            refuseEscaping(all);
            long inflated = within(limits, all, 0, "inflates to");
            for (String path : all.names().stream().filter(n -> n.startsWith(BundleLayout.LIBRARIES)).sorted().toList()) {
                JarEntries nested = nested(name, file, path, all);
                // The nested jar is counted among the bundle's entries already; its entries come on top.
                inflated = within(limits, nested, inflated, "brings the plugin's inflated size to");
                libraries.add(library(name, path, nested));
            }
        } catch (JarReadException e) {
            throw e.plugin().isPresent() ? e : e.inPlugin(name);
        }
        checkNames(name, libraries);
        return new PluginJar(file, sha256(bytes), plugin.descriptor(), plugin.entries(), libraries);
    }

    /**
     * Adds what the entries of one jar declare to the plugin's inflated size so far.
     *
     * @return the new sum
     * @throws JarReadException if the sum passes the limit, naming the jar's largest entry
     */
    private static long within(JarLimits limits, JarEntries entries, long before, String verb) {
        long sum = before + entries.declaredSize();
        if (sum > limits.maxInflatedSize()) {
            String largest = entries.largest().orElseThrow();
            throw new JarReadException(entries.where(), verb + " " + JarLimits.format(sum) + ", more than the limit of "
                    + JarLimits.format(limits.maxInflatedSize()) + " on a plugin's inflated size (maxInflatedSize);"
                    + " its largest entry, " + largest + ", declares " + JarLimits.format(entries.size(largest)), null);
        }
        return sum;
    }

    /** The jar nested in the bundle at {@code path}, which must be a library jar. */
    private static JarEntries nested(String plugin, Path bundle, String path, JarEntries all) {
        String fileName = path.substring(BundleLayout.LIBRARIES.length());
        if (fileName.contains("/") || !fileName.endsWith(".jar") || fileName.length() == ".jar".length()) {
            throw new BundleException(plugin, "its bundle has " + path + ", but " + BundleLayout.LIBRARIES
                    + " holds library jars only (<name>.jar, no subfolders)");
        }
        JarEntries entries = all.nested(path, bundle + "!/" + path);
        refuseEscaping(entries);
        return entries;
    }

    private static LibraryJar library(String plugin, String path, JarEntries entries) {
        String fileName = path.substring(BundleLayout.LIBRARIES.length());
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
        return HexFormat.of().formatHex(newSha256().digest(bytes));
    }

    private static MessageDigest lookUpSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /**
     * A fresh SHA-256 digest: a copy of one looked up once, since {@code getInstance} searches the
     * security providers on every call.
     */
    private static MessageDigest newSha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return lookUpSha256(); // a provider whose digest cannot be copied
        }
    }
}
