package io.hotswap.runtime;

import static io.hotswap.runtime.BundleTest.GSON_INVOKE;
import static io.hotswap.runtime.BundleTest.bundled;
import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.runtime.fixtures.Bundles.gsonOld;
import static io.hotswap.runtime.fixtures.HugeEntries.withHugeEntry;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builder's limits on a plugin's file and inflated size: a plugin past either fails the
 * reload at the read step, naming the plugin (when its descriptor could be read), the file, the
 * entry and the limit, and the old generation keeps serving. See {@link SmallHeapTest} for the
 * same in a small heap.
 */
class PluginSizeLimitsTest {

    private static final long MIB = 1 << 20;

    @TempDir
    Path work;

    private Path plugins() throws IOException {
        return Files.createDirectories(work.resolve("plugins"));
    }

    @Test
    void aPluginWhoseEntriesDeclareMoreThanTheInflatedLimitFailsNamingPluginFileEntryAndLimit() throws Exception {
        Path dir = plugins();
        plugin("alpha").buildInto(dir);
        Path v2 = plugin("alpha").version("v2").buildAs(work.resolve("alpha-v2.jar"), dir);
        try (Swapper swapper = swapper(dir).maxInflatedSize(4 * MIB).build()) {
            swapper.loadPlugins(null);
            Path jar = withHugeEntry(v2, dir.resolve("alpha.jar"), "alpha/impl/huge.bin", 8 * MIB);

            assertThatThrownBy(() -> swapper.reload(null))
                    .isInstanceOfSatisfying(ResolveException.class, e -> {
                        assertThat(e.plugin()).contains("alpha");
                        assertThat(e.step()).isEqualTo(ReloadStep.READ_JAR);
                    })
                    .hasMessageStartingWith("Plugin alpha failed at step 'read jar': Jar " + jar + " inflates to 8.")
                    .hasMessageContaining("more than the limit of 4 MiB on a plugin's inflated size (maxInflatedSize);"
                            + " its largest entry, alpha/impl/huge.bin, declares 8 MiB");
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
            assertThat(swapper.current().number()).isEqualTo(1);
        }
    }

    @Test
    void aPluginFileLargerThanTheFileLimitFailsBeforeItIsRead() throws Exception {
        Path dir = plugins();
        Path v1 = plugin("alpha").buildInto(dir);
        try (Swapper swapper = swapper(dir).maxPluginFileSize(Files.size(v1) + 1024).build()) {
            swapper.loadPlugins(null);
            // Random letters do not compress much: 64 KiB of them make the jar far larger than v1.
            Path v2 = plugin("alpha").version("v2").resource("alpha/impl/noise.txt", noise(64 * 1024)).buildInto(dir);

            assertThatThrownBy(() -> swapper.reload(null))
                    .isInstanceOfSatisfying(ResolveException.class, e -> assertThat(e.step()).isEqualTo(ReloadStep.READ_JAR))
                    .hasMessageStartingWith("Reload failed at step 'read jar': Jar " + v2 + " is ")
                    .hasMessageContaining("more than the limit of")
                    .hasMessageEndingWith("on a plugin file (maxPluginFileSize)");
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
        }
    }

    @Test
    void theEntriesOfABundlesLibrariesCountTowardsTheInflatedLimit() throws Exception {
        Path dir = plugins();
        Path jar = bundled(work, dir, plugin("alpha").requires("com.google.gson").invoke(GSON_INVOKE), "alpha", gsonOld());
        long bundle = declared(jar);
        long gson = declared(gsonOld());

        // Room for every entry of the bundle (the nested jar among them), not for gson's own entries too.
        try (Swapper swapper = swapper(dir).maxInflatedSize(bundle + gson / 2).build()) {
            assertThatThrownBy(() -> swapper.loadPlugins(null))
                    .isInstanceOfSatisfying(ResolveException.class, e -> {
                        assertThat(e.plugin()).contains("alpha");
                        assertThat(e.step()).isEqualTo(ReloadStep.READ_JAR);
                    })
                    .hasMessageContaining("Jar " + jar + "!/META-INF/hotswap/lib/" + gsonOld().getFileName()
                            + " brings the plugin's inflated size to")
                    .hasMessageContaining("(maxInflatedSize); its largest entry, com/google/gson/");
        }
        try (Swapper swapper = swapper(dir).maxInflatedSize(bundle + gson).build()) {
            swapper.loadPlugins(null);
            assertThat(swapper.current().find("alpha")).isPresent();
        }
    }

    @Test
    void theBuilderRefusesALimitThatIsNotPositive() {
        assertThatThrownBy(() -> Swapper.builder(work).maxPluginFileSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxPluginFileSize must be positive, was 0");
        assertThatThrownBy(() -> Swapper.builder(work).maxInflatedSize(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxInflatedSize must be positive, was -1");
    }

    /** What the entries of a jar declare they inflate to, together. */
    private static long declared(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().mapToLong(ZipEntry::getSize).sum();
        }
    }

    private static String noise(int length) {
        Random random = new Random(12);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + random.nextInt(26)));
        }
        return sb.toString();
    }
}
