package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.Swapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatchTest {

    @TempDir
    Path plugins;

    @TempDir
    Path staging;

    @Test
    void aBurstOfJarWritesGivesOneReloadOfTheLastVersion() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        // Compiled beforehand, so the burst below is only file writes.
        Path noModules = Files.createDirectory(staging.resolve("empty"));
        List<Path> versions = List.of(
                plugin("alpha").version("v2").buildAs(staging.resolve("v2.jar"), noModules),
                plugin("alpha").version("v3").buildAs(staging.resolve("v3.jar"), noModules),
                plugin("alpha").version("v4").buildAs(staging.resolve("v4.jar"), noModules));
        try (Swapper swapper = Swapper.builder(plugins).name("watched").freeDelay(Duration.ZERO)
                .fileWatch(true).fileWatchQuietPeriod(Duration.ofMillis(400)).build()) {
            swapper.loadPlugins(null);

            for (Path v : versions) {
                Path tmp = plugins.resolve("alpha.jar.tmp");
                Files.copy(v, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, plugins.resolve("alpha.jar"), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> swapper.reloadCounter() == 1);
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> swapper.reloadCounter() == 1);
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v4");
        }
    }

    @Test
    void aFileThatIsNoJarTriggersNothing() throws Exception {
        plugin("alpha").buildInto(plugins);
        try (Swapper swapper = Swapper.builder(plugins).name("watched2").freeDelay(Duration.ZERO)
                .fileWatch(true).fileWatchQuietPeriod(Duration.ofMillis(100)).build()) {
            swapper.loadPlugins(null);
            Files.writeString(plugins.resolve("notes.txt"), "not a plugin");
            Files.writeString(plugins.resolve("alpha.jar.tmp"), "half a jar");

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> swapper.reloadCounter() == 0);

            // The watch was on all along: a jar is noticed.
            plugin("alpha").version("v2").buildInto(plugins);
            await().atMost(Duration.ofSeconds(10)).until(() -> swapper.reloadCounter() == 1);
        }
    }
}
