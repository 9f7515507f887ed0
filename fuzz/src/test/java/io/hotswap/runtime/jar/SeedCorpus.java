package io.hotswap.runtime.jar;

import io.hotswap.protocol.bundle.BundleLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpus of {@link JarReaderFuzzTest}: one real jar of each kind the reader
 * knows, so that the fuzzer starts from valid structure. Run once, by hand, when the kinds change:
 * {@code mvn -B -o test -pl fuzz -am -Dtest=SeedCorpus -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhotswap.fuzz.seeds=$PWD/fuzz/src/test/resources}.
 */
class SeedCorpus {

    @Test
    @EnabledIfSystemProperty(named = "hotswap.fuzz.seeds", matches = ".+")
    void write() throws IOException {
        Path dir = Path.of(System.getProperty("hotswap.fuzz.seeds"), "io/hotswap/runtime/jar/JarReaderFuzzTestInputs/anyBytes");
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> seed : seeds().entrySet()) {
            Files.write(dir.resolve("seed-" + seed.getKey()), seed.getValue());
        }
    }

    static Map<String, byte[]> seeds() {
        byte[] plugin = Jars.jar()
                .deflated("META-INF/MANIFEST.MF", Jars.manifest())
                .deflated("module-info.class", Jars.moduleInfo("seed.plugin", "requires java.logging; uses java.lang.Runnable;"))
                .deflated("seed/plugin/Main.class", Jars.text("not really a class, never loaded"))
                .bytes();
        byte[] multiRelease = Jars.jar()
                .deflated("META-INF/MANIFEST.MF", Jars.manifest("Multi-Release", "true"))
                .deflated("META-INF/versions/9/module-info.class", Jars.moduleInfo("seed.multi", ""))
                .deflated("META-INF/versions/11/seed/multi/A.class", Jars.text("eleven"))
                .deflated("seed/multi/A.class", Jars.text("base"))
                .bytes();
        byte[] automatic = Jars.jar()
                .stored("META-INF/MANIFEST.MF", Jars.manifest("Automatic-Module-Name", "seed.automatic"))
                .stored("META-INF/services/seed.automatic.Service", Jars.text("# providers\nseed.automatic.impl.Impl\n"))
                .stored("seed/automatic/Service.class", Jars.text("service"))
                .stored("seed/automatic/impl/Impl.class", Jars.text("impl"))
                .bytes();
        byte[] bundle = Jars.jar()
                .deflated("module-info.class", Jars.moduleInfo("seed.bundle", ""))
                .stored(BundleLayout.LIBRARIES + "seed-automatic-1.2.jar", automatic)
                .stored(BundleLayout.LIBRARIES + "seed-multi.jar", multiRelease)
                .bytes();
        // The smallest zip: an end-of-central-directory record and nothing else.
        byte[] empty = new byte[22];
        empty[0] = 'P';
        empty[1] = 'K';
        empty[2] = 5;
        empty[3] = 6;
        return Map.of("plugin.jar", plugin, "multi-release.jar", multiRelease, "automatic.jar", automatic,
                "bundle.jar", bundle, "empty.zip", empty);
    }
}
