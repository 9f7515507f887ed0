package io.hotswap.runtime.jar;

import java.io.IOException;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * Reads a plugin jar into a {@link PluginJar}: the whole file in one read, then everything else
 * from memory. The entries stay compressed until they are needed.
 */
public final class PluginJarReader {

    private static final String MODULE_INFO = "module-info.class";

    private PluginJarReader() {
    }

    /**
     * Reads the jar's directory, its module descriptor and its hash, and inflates nothing else:
     * for a jar that may turn out unchanged. Call {@code entries().inflateAll()} before the jar is
     * first given a layer, so that a damaged entry fails there.
     *
     * @throws JarReadException if the file cannot be read, is not a jar, or is not an explicit module
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
        JarEntries entries = JarEntries.of(file, bytes);
        byte[] moduleInfo = entries.get(MODULE_INFO);
        if (moduleInfo == null) {
            throw new JarReadException(file, "has no module-info.class: a plugin must be an explicit module,"
                    + " not an automatic one", null);
        }
        ModuleDescriptor descriptor;
        try {
            descriptor = ModuleDescriptor.read(ByteBuffer.wrap(moduleInfo), () -> packages(entries.names()));
        } catch (InvalidModuleDescriptorException e) {
            throw new JarReadException(file, "has an invalid module-info.class", e);
        }
        return new PluginJar(file, sha256(bytes), descriptor, entries);
    }

    private static Set<String> packages(Set<String> names) {
        Set<String> packages = new HashSet<>();
        for (String name : names) {
            int slash = name.lastIndexOf('/');
            if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                packages.add(name.substring(0, slash).replace('/', '.'));
            }
        }
        return packages;
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
