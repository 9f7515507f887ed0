package io.hotswap.runtime.jar;

import io.hotswap.build.StoredEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Jars built in memory for the fuzz tests and their seed corpus. */
final class Jars {

    private static final Map<String, byte[]> MODULE_INFOS = new ConcurrentHashMap<>();

    private Jars() {
    }

    /** {@code module-info.class} of {@code module <name> { <body> }}, compiled once per source. */
    static byte[] moduleInfo(String name, String body) {
        return MODULE_INFOS.computeIfAbsent(name + "{" + body, k -> compile(name, body));
    }

    private static byte[] compile(String name, String body) {
        try {
            Path dir = Files.createTempDirectory("hotswap-fuzz-module");
            Path src = Files.writeString(dir.resolve("module-info.java"), "module " + name + " {" + body + "}");
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            int rc = javac.run(null, null, null, "--release", "17", "-d", dir.resolve("out").toString(), src.toString());
            if (rc != 0) {
                throw new IllegalStateException("javac failed on module " + name);
            }
            return Files.readAllBytes(dir.resolve("out/module-info.class"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A manifest with the given main attributes. */
    static byte[] manifest(String... keysAndValues) {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.getMainAttributes().putValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            m.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A builder of one jar, entries in the order added. */
    static Builder jar() {
        return new Builder();
    }

    static final class Builder {
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private final Map<String, Boolean> stored = new LinkedHashMap<>();

        Builder deflated(String name, byte[] bytes) {
            entries.put(name, bytes);
            stored.put(name, false);
            return this;
        }

        /** Stored, as a bundle nests its libraries. */
        Builder stored(String name, byte[] bytes) {
            entries.put(name, bytes);
            stored.put(name, true);
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry z = new ZipEntry(e.getKey());
                    zip.putNextEntry(stored.get(e.getKey()) ? StoredEntry.of(z, e.getValue()) : z);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }
    }
}
