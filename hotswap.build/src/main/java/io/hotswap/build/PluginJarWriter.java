package io.hotswap.build;

import io.hotswap.protocol.bundle.BundleLayout;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/**
 * Writes {@code <outputDir>/<module>.jar} atomically: a temporary file in the output directory
 * (so the rename cannot cross file systems), written straight from memory with
 * {@link JarOutputStream}, then one {@code ATOMIC_MOVE} replaces the old jar. A reader, a host's
 * reload or a file watch sees the old jar or the new one, never half of one.
 *
 * <p>The layout is the {@code jar} tool's: {@code META-INF/}, the manifest, the stamped
 * {@code module-info.class}, then every entry after the directory entries above it; empty
 * files and directories stored, the rest deflated. A bundle's library jars under
 * {@link BundleLayout#LIBRARIES} are stored too: the runtime reads them straight out of the
 * bundle's bytes, and a deflated jar of deflated classes would be inflated twice for nothing.
 */
final class PluginJarWriter {

    private static final String META_INF = "META-INF/";

    private PluginJarWriter() {
    }

    /**
     * @param contents   classes, resources and the live index; their {@code module-info.class} is
     *                   replaced by {@code moduleInfo}, a manifest among them is left out
     * @param moduleInfo the stamped module descriptor
     * @param manifest   the manifest's main attributes (besides {@code Manifest-Version})
     * @return the jar written
     */
    static Path write(PluginContents contents, byte[] moduleInfo, Path outputDir, String module,
                      Map<String, String> manifest) throws IOException {
        Files.createDirectories(outputDir);
        Path target = outputDir.resolve(module + ".jar");
        // Not *.jar: a swapper or file watch looking at the directory ignores it until the rename.
        Path tmp = Files.createTempFile(outputDir, "." + module + "-", ".jar.tmp");
        try {
            // Created anew, not written into the temporary file: that one is private to its owner
            // (0600), and a host running as another user must be able to read the jar.
            Files.delete(tmp);
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 1 << 16);
                 JarOutputStream jar = new JarOutputStream(file)) {
                long now = System.currentTimeMillis();
                directory(jar, META_INF, now);
                jar.putNextEntry(entry(JarFile.MANIFEST_NAME, now));
                manifest(manifest).write(jar);
                jar.closeEntry();
                file(jar, "module-info.class", new PluginContents.Bytes(moduleInfo), now);
                Set<String> directories = new HashSet<>(Set.of(META_INF));
                for (Map.Entry<String, PluginContents.Content> e : contents.entries().entrySet()) {
                    String name = e.getKey();
                    if (name.equals("module-info.class") || name.equals(JarFile.MANIFEST_NAME)) {
                        continue;
                    }
                    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                        String dir = name.substring(0, slash + 1);
                        if (directories.add(dir)) {
                            directory(jar, dir, now);
                        }
                    }
                    file(jar, name, e.getValue(), now);
                }
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw BuildException.failed("cannot replace " + target + " atomically on this file system", e);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Manifest manifest(Map<String, String> attributes) {
        Manifest mf = new Manifest();
        Attributes main = mf.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.forEach(main::putValue);
        return mf;
    }

    private static ZipEntry entry(String name, long time) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(time);
        return e;
    }

    private static void directory(JarOutputStream jar, String name, long time) throws IOException {
        jar.putNextEntry(StoredEntry.empty(entry(name, time)));
        jar.closeEntry();
    }

    private static void file(JarOutputStream jar, String name, PluginContents.Content content, long time)
            throws IOException {
        ZipEntry e = entry(name, time);
        if (name.startsWith(BundleLayout.LIBRARIES)) {
            // Read once: the CRC and size that a stored entry needs up front are those of the
            // bytes written, even if the file changes meanwhile.
            byte[] bytes = PluginContents.bytes(content);
            jar.putNextEntry(StoredEntry.of(e, bytes));
            jar.write(bytes);
            jar.closeEntry();
            return;
        }
        if (PluginContents.isEmpty(content)) {
            StoredEntry.empty(e);
        }
        jar.putNextEntry(e);
        PluginContents.copy(content, jar);
        jar.closeEntry();
    }
}
