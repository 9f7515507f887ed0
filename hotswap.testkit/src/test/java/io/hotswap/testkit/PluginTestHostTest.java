package io.hotswap.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.ReloadException;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit as a plugin author uses it: load, call, reload, and the one-line proof that the old version left. */
class PluginTestHostTest {

    private static final String LEAKY_THREAD = "testkit-leaky-ticker";

    @TempDir
    Path dir;

    @AfterEach
    void stopLeakyThreads() {
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(LEAKY_THREAD)).forEach(Thread::interrupt);
    }

    private Path jar(PluginBuilder plugin, String version) throws Exception {
        Path out = Files.createDirectories(dir.resolve("build-" + version));
        return plugin.version(version).buildInto(out);
    }

    @Test
    void aReloadedPluginAnswersWithTheNewVersionAndTheOldOneIsCollected() throws Exception {
        Path v1 = jar(PluginBuilder.plugin("greeter"), "v1");
        Path v2 = jar(PluginBuilder.plugin("greeter"), "v2");
        try (PluginTestHost host = PluginTestHost.start(dir)) {
            assertThat(host.load(v1).versions()).isEmpty();
            assertThat(host.call("greeter", "greet")).isEqualTo("greeter:greet:v1");

            Replaced replaced = host.reload(v2);

            assertThat(host.call("greeter", "greet")).isEqualTo("greeter:greet:v2");
            assertThat(replaced.versions()).extracting(Replaced.Version::plugin).containsExactly("greeter");
            replaced.assertCollected();
        }
    }

    @Test
    void aVersionAThreadStillRunsInFailsTheAssertionNamingTheThread() throws Exception {
        PluginBuilder leaky = PluginBuilder.plugin("leaky").onInit("""
                Thread t = new Thread(() -> {
                    try {
                        new java.util.concurrent.CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        // the test stops it
                    }
                }, "%s");
                t.setDaemon(true);
                t.start();
                """.formatted(LEAKY_THREAD));
        Path v1 = jar(leaky, "v1");
        Path v2 = jar(PluginBuilder.plugin("leaky"), "v2");
        try (PluginTestHost host = PluginTestHost.start(dir)) {
            host.load(v1);

            Replaced replaced = host.reload(v2);

            // The leak watch names a thread running freed code within about a second of the free.
            assertThatThrownBy(() -> replaced.assertCollected(Duration.ofSeconds(10)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("leaky")
                    .hasMessageContaining("still reachable")
                    .hasMessageContaining(LEAKY_THREAD);
        }
    }

    @Test
    void removingAPluginReturnsTheRemovedVersionAndCallingItFailsNamingWhatIsLoaded() throws Exception {
        Path a = jar(PluginBuilder.plugin("alpha"), "v1");
        Path b = jar(PluginBuilder.plugin("beta"), "v1");
        try (PluginTestHost host = PluginTestHost.start(dir)) {
            host.load(a, b);

            Replaced removed = host.remove("alpha");

            assertThat(removed.versions()).extracting(Replaced.Version::plugin).containsExactly("alpha");
            removed.assertCollected();
            assertThatThrownBy(() -> host.call("alpha", "f")).isInstanceOf(AssertionError.class)
                    .hasMessage("no plugin alpha is loaded; loaded: [beta]");
        }
    }

    @Test
    void aFailedReloadThrowsAndTheOldVersionKeepsAnswering() throws Exception {
        Path v1 = jar(PluginBuilder.plugin("greeter"), "v1");
        Path broken = jar(PluginBuilder.plugin("greeter").throwIn("onLoad"), "v2");
        try (PluginTestHost host = PluginTestHost.start(dir)) {
            host.load(v1);

            assertThatThrownBy(() -> host.reload(broken)).isInstanceOf(ReloadException.class)
                    .hasMessageContaining("greeter").hasMessageContaining("onLoad");
            assertThat(host.call("greeter", "greet")).isEqualTo("greeter:greet:v1");
        }
    }

    @Test
    void reloadAsPutsAJarOfAnotherNameInPlaceOfThePlugin() throws Exception {
        Path v1 = jar(PluginBuilder.plugin("greeter"), "v1");
        Path v2 = jar(PluginBuilder.plugin("greeter"), "v2");
        Path renamed = Files.move(v2, v2.resolveSibling("greeter-2.jar"));
        try (PluginTestHost host = PluginTestHost.start(dir)) {
            host.load(v1);

            host.reloadAs("greeter", renamed).assertCollected();

            assertThat(host.call("greeter", "greet")).isEqualTo("greeter:greet:v2");
            try (var files = Files.list(host.pluginDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly("greeter.jar");
            }
        }
    }
}
