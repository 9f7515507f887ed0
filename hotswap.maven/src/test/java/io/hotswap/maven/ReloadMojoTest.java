package io.hotswap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.testkit.PluginTestHost;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hotswap:reload} against a real host with a management endpoint, found by its name as the command finds it. */
class ReloadMojoTest {

    @TempDir
    Path base;

    @TempDir
    Path work;

    /** What the mojo logs at info level. */
    private static final class RecordingLog extends SystemStreamLog {
        final List<String> info = new ArrayList<>();

        @Override
        public void info(CharSequence content) {
            info.add(content.toString());
        }
    }

    private final RecordingLog log = new RecordingLog();

    private PluginTestHost host(String name) {
        PluginTestHost host = PluginTestHost.start(work, b -> b.name(name).managementEndpoint(true).managementDirectory(base));
        host.load(PluginBuilder.plugin("hello").version("v1").buildInto(work.resolve("built-1")));
        return host;
    }

    private ReloadMojo reload(String host) {
        ReloadMojo mojo = new ReloadMojo();
        mojo.host = host;
        mojo.runtimeDir = base.toFile();
        mojo.timeout = 60;
        mojo.setLog(log);
        return mojo;
    }

    @Test
    void aReloadPrintsTheGenerationAndTheOutcomePerPlugin() throws Exception {
        try (PluginTestHost host = host("maven-host")) {
            PluginBuilder.plugin("hello").version("v2").buildInto(host.pluginDir());

            reload("maven-host").execute();

            assertThat(log.info).hasSize(2);
            assertThat(log.info.get(0)).matches("maven-host reloaded: generation 2 in \\d+ ms");
            assertThat(log.info.get(1)).isEqualTo("  hello  OK");
            assertThat(host.call("hello", "x")).isEqualTo("hello:x:v2");
        }
    }

    @Test
    void aFailedReloadFailsTheBuildNamingPluginStepAndCauseAndTheHostKeepsServing() throws Exception {
        try (PluginTestHost host = host("failing-host")) {
            PluginBuilder.plugin("hello").version("v2").throwIn("onLoad").buildInto(host.pluginDir());

            assertThatThrownBy(() -> reload("failing-host").execute())
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageStartingWith("reload of host failing-host failed: plugin hello, step onLoad(): ")
                    .hasMessageEndingWith("; the host keeps serving its current generation");
            assertThat(host.call("hello", "x")).isEqualTo("hello:x:v1");
        }
    }

    @Test
    void anUnknownHostFailsTheBuildListingTheHostsRunning() {
        try (PluginTestHost host = host("running-host")) {
            assertThatThrownBy(() -> reload("ghost").execute())
                    .isInstanceOf(MojoFailureException.class)
                    .hasMessageContaining("hotswap:reload: found no host named ghost with a management endpoint")
                    .hasMessageContaining("running: running-host (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void severalHostsAndNoNameFailTheBuildAskingForAPid() {
        try (PluginTestHost one = host("one-host")) {
            PluginTestHost two = PluginTestHost.start(work.resolve("two"),
                    b -> b.name("two-host").managementEndpoint(true).managementDirectory(base));
            try (two) {
                assertThatThrownBy(() -> reload(null).execute())
                        .isInstanceOf(MojoFailureException.class)
                        .hasMessageStartingWith("hotswap:reload: several hosts match: one-host (pid ")
                        .hasMessageEndingWith("; pick one with -Dhotswap.pid");
            }
        }
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefusedBeforeAnyHostIsAsked() {
        ReloadMojo mojo = reload("any");
        mojo.timeout = 0;

        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
                .hasMessage("hotswap.timeout must be a positive number of seconds, was 0");
    }
}
