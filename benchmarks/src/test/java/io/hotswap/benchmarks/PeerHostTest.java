package io.hotswap.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.benchmarks.peers.FelixHost;
import io.hotswap.benchmarks.peers.FirstAnswer;
import io.hotswap.benchmarks.peers.PeerHost;
import io.hotswap.benchmarks.peers.Pf4jHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The peer hosts of {@code run.sh start}: each, started as the benchmark starts it, prints its
 * plugin's answer and exits with status 0, so that a broken peer host fails here rather than in
 * the benchmark; and each fails, naming its plugin directory, when no plugin answers.
 */
class PeerHostTest {

    /** A bound on a stuck host, not a measure of speed. */
    private static final long EXIT_TIMEOUT_SECONDS = 60;

    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(PeerHost.class)
    void aPeerHostStartedAsTheBenchmarkStartsItPrintsItsPluginsAnswerAndExits(PeerHost host) throws Exception {
        Path plugins = PeerJars.pluginDir(host, root);
        Path output = root.resolve("output.txt");
        Process p = new ProcessBuilder(host.command(plugins, root.resolve("cache")))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean exited = p.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            p.destroyForcibly();
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(exited).as("%s exited; its output:%n%s", host, out).isTrue();
        assertThat(p.exitValue()).as("exit status of %s; its output:%n%s", host, out).isZero();
        assertThat(out.lines()).as("output of %s", host).contains(FirstAnswer.line(PeerJars.ANSWER));
    }

    @Test
    void thePf4jHostFailsNamingItsDirectoryWhenNoPluginThere() throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> Pf4jHost.main(new String[] {empty.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("one Supplier extension among the plugins of " + empty)
                .hasMessageContaining("found 0");
    }

    @Test
    void theFelixHostFailsNamingItsDirectoryWhenNoBundleThere() throws Exception {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> FelixHost.main(new String[] {empty.toString(), root.resolve("cache").toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no bundle of " + empty + " registered a Supplier service");
    }
}
