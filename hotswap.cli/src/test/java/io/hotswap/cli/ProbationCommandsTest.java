package io.hotswap.cli;

import static io.hotswap.cli.PluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ProbationRule;
import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** rollback, reload --wait-probation and --force, and status, against a host on probation in this JVM. */
class ProbationCommandsTest {

    @TempDir
    Path src;

    @TempDir
    Path plugins;

    @TempDir
    Path base;

    private Swapper.Builder host(Duration probation) {
        return Swapper.builder(plugins).name("trial").freeDelay(Duration.ZERO).probation(probation)
                .managementEndpoint(true).managementDirectory(base);
    }

    /** Generation 2, and only it, is rolled back by the health check as soon as it is on trial. */
    private Swapper generationTwoUnhealthy() {
        return host(Duration.ofDays(1)).probationRule(ProbationRule.none()
                .withHealthCheck(g -> g.number() != 2, Duration.ofMillis(20))).build();
    }

    private void build(String version) throws Exception {
        Cli built = Cli.run("build", plugin("hello").version(version).writeTo(src).toString(), plugins.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();
    }

    private Cli hotswap(String command, String... more) {
        String[] args = new String[more.length + 3];
        args[0] = command;
        args[1] = "--runtime-dir";
        args[2] = base.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return Cli.run(args);
    }

    private static Object hello(Swapper swapper) throws Exception {
        return swapper.current().find("hello").orElseThrow().invokeFunc("x");
    }

    @Test
    void rollbackMakesTheKeptGenerationCurrentAgainAndStatusSaidWhatWasOnProbation() throws Exception {
        build("v1");
        try (Swapper swapper = host(Duration.ofDays(1)).build()) {
            swapper.loadPlugins(null);
            build("v2");
            Cli reload = hotswap("reload", "--host", "trial");
            assertThat(reload.exitCode()).as(reload.toString()).isZero();
            assertThat(reload.out()).contains("on probation until ");

            Cli status = hotswap("status");
            assertThat(status.out()).containsPattern("probation:   generation 2 until \\S+ \\(\\d+ s left\\);"
                    + " generation 1 kept for a rollback; 0 of 0 calls failed");

            Cli rollback = hotswap("rollback", "--host", "trial");

            assertThat(rollback.exitCode()).as(rollback.toString()).isZero();
            assertThat(rollback.out()).startsWith("rolled back: generation 1 is current again (from generation 2");
            assertThat(hello(swapper)).isEqualTo("hello:v1");
            assertThat(hotswap("status").out()).contains("last probation: generation 2 rolled back at ");
        }
    }

    @Test
    void rollbackOutsideProbationFailsSayingWhy() throws Exception {
        build("v1");
        try (Swapper swapper = host(Duration.ZERO).build()) {
            swapper.loadPlugins(null);

            Cli rollback = hotswap("rollback");

            assertThat(rollback.exitCode()).isEqualTo(1);
            assertThat(rollback.err()).startsWith("rollback failed: no generation on probation: probation is off");
        }
    }

    @Test
    void reloadWaitingForTheProbationExitsNonZeroWhenTheRuleRollsItBack() throws Exception {
        build("v1");
        try (Swapper swapper = generationTwoUnhealthy()) {
            swapper.loadPlugins(null);
            build("v2");

            Cli reload = hotswap("reload", "--wait-probation", "--timeout", "60");

            assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(1);
            assertThat(reload.err()).contains("probation failed: generation 2 was rolled back to generation 1 automatically")
                    .contains("reason: the host's health check said generation 2 is unhealthy");
            assertThat(hello(swapper)).isEqualTo("hello:v1");
        }
    }

    @Test
    void reloadWaitingForAProbationThatPassesExitsZero() throws Exception {
        build("v1");
        try (Swapper swapper = host(Duration.ofMillis(100)).build()) {
            swapper.loadPlugins(null);
            build("v2");

            Cli reload = hotswap("reload", "--wait-probation");

            assertThat(reload.exitCode()).as(reload.toString()).isZero();
            assertThat(reload.out()).contains("probation passed: generation 2 stays");
        }
    }

    @Test
    void aRejectedFileIsSkippedUntilReloadIsForced() throws Exception {
        build("v1");
        try (Swapper swapper = generationTwoUnhealthy()) {
            swapper.loadPlugins(null);
            build("v2");
            assertThat(hotswap("reload").exitCode()).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> swapper.current().number() == 1);
            assertThat(hotswap("status").out()).contains("  rejected hello sha256:")
                    .contains("skipped until it changes, or reload --force");

            Cli skipped = hotswap("reload");

            assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
            assertThat(skipped.out()).contains("  hello  SKIPPED").contains("reload with --force");
            assertThat(hello(swapper)).isEqualTo("hello:v1");

            Cli forced = hotswap("reload", "--force");

            assertThat(forced.out()).as(forced.toString()).contains("  hello  " + PluginOutcome.OK);
            assertThat(swapper.status().rejected()).isEmpty();
        }
    }
}
