package io.hotswap.runtime.jar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a plugin jar into a {@link PluginJar}: the whole file in one read, then everything else
 * from memory.
 */
public final class PluginJarReader {

    private static final String MODULE_INFO = "module-info.class";

    private PluginJarReader() {
    }

    /**
     * Reads one jar.
     *
     * @throws JarReadException if the file cannot be read, is not a jar, or is not an explicit module
     */
    public static PluginJar read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new JarReadException(file, "cannot be read", e);
        }
        return read(file, bytes);
    }

    /** Reads a jar whose bytes are already in memory; {@code file} is for messages. */
    public static PluginJar read(Path file, byte[] bytes) {
        Map<String, byte[]> entries = entries(file, bytes);
        byte[] moduleInfo = entries.get(MODULE_INFO);
        if (moduleInfo == null) {
            throw new JarReadException(file, "has no module-info.class: a plugin must be an explicit module,"
                    + " not an automatic one", null);
        }
        ModuleDescriptor descriptor;
        try {
            descriptor = ModuleDescriptor.read(ByteBuffer.wrap(moduleInfo), () -> packages(entries));
        } catch (InvalidModuleDescriptorException e) {
            throw new JarReadException(file, "has an invalid module-info.class", e);
        }
        return new PluginJar(file, sha256(bytes), descriptor, entries);
    }

    private static Map<String, byte[]> entries(Path file, byte[] bytes) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && entries.put(e.getName(), zip.readAllBytes()) != null) {
                    throw new JarReadException(file, "has two entries named " + e.getName(), null);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new JarReadException(file, "is not a valid jar", e);
        }
        if (entries.isEmpty()) {
            throw new JarReadException(file, "is not a valid jar (no entries could be read)", null);
        }
        return entries;
    }

    private static Set<String> packages(Map<String, byte[]> entries) {
        Set<String> packages = new HashSet<>();
        for (String name : entries.keySet()) {
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
