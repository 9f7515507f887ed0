package io.hotswap.runtime.jar;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.hotswap.protocol.bundle.BundleLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The jar reader against any bytes: each input is read as a plugin jar in memory (the directory,
 * the multi-release view, every entry inflated), as a plugin file on disk, as an automatic
 * library, and nested in a bundle as its library. Every read either succeeds or fails with a
 * {@link JarReadException} (a {@link BundleException} among them); any other exception, an
 * {@link OutOfMemoryError} in the fuzz JVM's small heap or an input that takes longer than the
 * JUnit timeout is a finding.
 *
 * <p>The seeds are real jars of every kind the reader knows ({@link SeedCorpus} writes them):
 * a plugin, a multi-release one, an automatic library with services, a bundle; the findings'
 * inputs sit beside them in {@code JarReaderFuzzTestInputs/anyBytes/}.
 */
class JarReaderFuzzTest {

    // Bigger inputs add no new structure, only slower executions: the zip format's offsets and
    // sizes are what the fuzzer has to get at.
    private static final int MAX_INPUT = 64 * 1024;
    private static final int RELEASE = Runtime.version().feature();
    private static final Path DIR = tempDir();
    private static final byte[] PLUGIN_INFO = Jars.moduleInfo("fuzzed.plugin", "");

    @FuzzTest(maxDuration = "2m")
    void anyBytes(byte[] data) {
        if (data.length > MAX_INPUT) {
            return;
        }
        readInMemory(data);
        readAsLibrary(data);
        describe(data, "plugin.jar");
        describe(bundleNesting(data), "bundle.jar");
    }

    private static void readInMemory(byte[] data) {
        try {
            JarEntries raw = JarEntries.of("fuzz.jar", data, 0, data.length, JarLimits.DEFAULTS);
            JarEntries versioned = raw.versioned(RELEASE);
            for (String name : versioned.names()) {
                versioned.get(name);
            }
            raw.without(BundleLayout.LIBRARIES).names();
            raw.check();
            for (String name : raw.names()) {
                if (raw.get(name) == null) {
                    throw new AssertionError("entry " + name + " is listed but has no bytes after check()");
                }
            }
        } catch (JarReadException expected) {
            // refused with the reader's own exception: what the property allows
        }
    }

    private static void readAsLibrary(byte[] data) {
        try {
            ModuleJars.read(JarEntries.of("fuzz-1.0.jar", data, 0, data.length, JarLimits.DEFAULTS), "fuzz-1.0.jar");
        } catch (JarReadException expected) {
            // refused with the reader's own exception
        }
    }

    private static void describe(byte[] jar, String fileName) {
        Path file = DIR.resolve(fileName);
        try {
            Files.write(file, jar);
        } catch (IOException e) {
            throw new UncheckedIOException("the fuzz test's own temp file", e);
        }
        try {
            PluginJarReader.describe(file);
        } catch (JarReadException expected) {
            // refused with the reader's own exception (BundleException is one)
        }
    }

    /** A valid plugin bundle whose one nested library is {@code library}. */
    static byte[] bundleNesting(byte[] library) {
        return Jars.jar()
                .deflated("module-info.class", PLUGIN_INFO)
                .stored(BundleLayout.LIBRARIES + "fuzzed-lib-1.0.jar", library)
                .bytes();
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("hotswap-fuzz-jars");
            dir.toFile().deleteOnExit();
            // Registered after the folder, so deleted before it.
            dir.resolve("plugin.jar").toFile().deleteOnExit();
            dir.resolve("bundle.jar").toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
