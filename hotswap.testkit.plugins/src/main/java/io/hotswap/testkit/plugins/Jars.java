package io.hotswap.testkit.plugins;

import io.hotswap.build.StoredEntry;
import io.hotswap.protocol.bundle.BundleLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Jars as tests make them: from entries in memory, from a directory of classes, or a bundle of a
 * plugin jar and nested library jars, stored under {@link BundleLayout#LIBRARIES} as
 * {@code hotswap build --lib} stores them ({@link StoredEntry}). A file is always replaced
 * atomically, as a host's reload or file watch expects.
 */
public final class Jars {

    private Jars() {
    }

    /** A zip of {@code deflated} entries (in their order), then {@code stored} ones. */
    public static byte[] bytes(Map<String, byte[]> deflated, Map<String, byte[]> stored) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : deflated.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
            for (var e : stored.entrySet()) {
                out.putNextEntry(StoredEntry.of(e.getKey(), e.getValue()));
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zip of these entries, deflated. */
    public static byte[] bytes(Map<String, byte[]> deflated) {
        return bytes(deflated, Map.of());
    }

    /** Writes {@code bytes} to {@code file} through a temporary file and one atomic rename; @return {@code file} */
    public static Path write(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // Not *.jar: a swapper or file watch looking at the directory ignores it until the rename.
            Path tmp = Files.createTempFile(dir, ".jar-", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                out.write(bytes);
            }
            return Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Every regular file below {@code root}, by its path relative to it with {@code /}, in sorted order. */
    public static Map<String, byte[]> entriesOf(Path root) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
        return entries;
    }

    /** The file entries of the jar {@code jar}, in its order. */
    public static Map<String, byte[]> entriesOfJar(Path jar) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), file.getInputStream(entry).readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return entries;
    }

    /** Nested entries for {@code jars}: {@code META-INF/hotswap/lib/<file name>} to the jar's bytes. */
    public static Map<String, byte[]> libraries(List<Path> jars) {
        Map<String, byte[]> nested = new LinkedHashMap<>();
        for (Path jar : jars) {
            try {
                nested.put(BundleLayout.LIBRARIES + jar.getFileName(), Files.readAllBytes(jar));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + jar, e);
            }
        }
        return nested;
    }

    /**
     * Writes {@code bundle}: every entry of {@code pluginJar}, then {@code nested} (entry name to
     * bytes), stored; the file is replaced atomically.
     */
    public static Path bundle(Path pluginJar, Path bundle, Map<String, byte[]> nested) {
        return write(bundle, bytes(entriesOfJar(pluginJar), nested));
    }

    /**
     * Compiles {@code sources} (path relative to the source root to code; a {@code module-info.java}
     * makes an explicit module) against {@code modulePath}, into a jar's bytes: a small library.
     */
    public static byte[] compile(Map<String, String> sources, Path... modulePath) {
        try {
            Path work = Files.createTempDirectory("lib-src");
            try {
                Path classes = Javac.compile(sources, work.resolve("src"), work.resolve("classes"), List.of(modulePath));
                return bytes(entriesOf(classes));
            } finally {
                Javac.deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
