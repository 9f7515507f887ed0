package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.runtime.fixtures.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.PluginBuilder;
import io.hotswap.runtime.fixtures.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The probation rule rolls a failing generation back by itself, and its files are not loaded again. */
class AutomaticRollbackTest {

    private static final Duration LONG = Duration.ofDays(1);
    private static final Duration OFTEN = Duration.ofMillis(20);

    @TempDir
    Path dir;

    private final Events events = new Events();
    private final RecordingLogger log = new RecordingLogger("rollback");

    /** The ways a host calls a plugin; each counts for the rule. */
    enum CallPath {
        INVOKE_EACH {
            @Override
            void call(Swapper swapper) {
                swapper.invokeEach("hum");
            }
        },
        INVOKE_FUNC {
            @Override
            void call(Swapper swapper) throws Exception {
                swapper.current().find("alpha").orElseThrow().invokeFunc("hum");
            }
        },
        LIVE_FUNCTION {
            @Override
            void call(Swapper swapper) {
                swapper.current().vault().liveFuncs().call("live_hum");
            }
        };

        abstract void call(Swapper swapper) throws Exception;

        /** Calls, swallowing what a broken version throws. */
        void tryCall(Swapper swapper) {
            try {
                call(swapper);
            } catch (Exception e) {
                // the broken version: counted by the runtime, which is what the test is about
            }
        }
    }

    /** alpha whose invokeFunc and live function {@code live_hum} answer the version, or throw when broken. */
    private static PluginBuilder alpha(String version, boolean broken) {
        String hum = broken ? "throw new IllegalStateException(\"broken hum\");" : "return \"" + version + "\";";
        PluginBuilder p = plugin("alpha").version(version).source("alpha/impl/Hum.java", """
                package alpha.impl;
                public final class Hum {
                    public static String live_hum() { %s }
                }
                """.formatted(hum));
        return broken ? p.throwIn("invokeFunc") : p;
    }

    private Swapper.Builder judged(ProbationRule rule) {
        return swapper(dir).logger(log).probation(LONG).probationRule(rule);
    }

    /** Loads v1, reloads the broken v2, calls it through {@code path} until the rule rolls it back. */
    private void rolledBackByCalls(Swapper swapper, CallPath path) throws Exception {
        alpha("v1", false).buildInto(dir);
        swapper.loadPlugins(null);
        alpha("v2", true).buildInto(dir);
        assertThat(swapper.reload(null).generation()).isEqualTo(2);
        await("the rule to roll generation 2 back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> {
                    path.tryCall(swapper);
                    return swapper.current().number() == 1;
                });
    }

    private Swapper ratioJudged() {
        return judged(ProbationRule.failureRatio(0.5, 4).checkedEvery(OFTEN)).build();
    }

    @ParameterizedTest
    @EnumSource(CallPath.class)
    void failedCallsPastTheRatioRollTheGenerationBackAndItsLiveFunctionsWithIt(CallPath path) throws Exception {
        try (Swapper swapper = ratioJudged()) {
            rolledBackByCalls(swapper, path);

            ProbationOutcome outcome = swapper.probationOutcome(2).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(outcome.verdict()).isEqualTo(ProbationOutcome.Verdict.ROLLED_BACK_AUTOMATICALLY);
            assertThat(outcome.failures()).isGreaterThanOrEqualTo(3);
            assertThat(outcome.reason()).contains("calls failed").contains("alpha=");
            assertThat(swapper.current().vault().liveFuncs().call("live_hum")).isEqualTo("v1");
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v1");
            await().until(() -> events.count("alpha:onFree:v2") == 1);
            assertThat(events.count("alpha:onFree:v1")).isZero();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN Plugin alpha (")
                    && l.contains("rolled back with generation 2") && l.contains("calls failed"));
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN Generation 2 failed its probation"));
            assertThat(swapper.status().rejected()).singleElement().satisfies(r -> {
                assertThat(r.plugin()).isEqualTo("alpha");
                assertThat(r.file()).contains(dir.resolve("alpha.jar"));
            });
        }
    }

    static Stream<HealthCheck> unhealthy() {
        return Stream.of(g -> g.number() != 2, g -> {
            throw new IllegalStateException("health endpoint down");
        });
    }

    @ParameterizedTest
    @MethodSource("unhealthy")
    void aFailingHealthCheckRollsTheGenerationBack(HealthCheck check) throws Exception {
        alpha("v1", false).buildInto(dir);
        try (Swapper swapper = judged(ProbationRule.none().withHealthCheck(check, OFTEN)).build()) {
            swapper.loadPlugins(null);
            alpha("v2", false).buildInto(dir);
            swapper.reload(null);

            ProbationOutcome outcome = swapper.probationOutcome(2).toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(outcome.verdict()).isEqualTo(ProbationOutcome.Verdict.ROLLED_BACK_AUTOMATICALLY);
            assertThat(outcome.reason()).contains("health check");
            assertThat(swapper.current().number()).isEqualTo(1);
            assertThat(swapper.current().vault().liveFuncs().call("live_hum")).isEqualTo("v1");
        }
    }

    @Test
    void aGenerationThatHoldsToTheRulePassesAndTheKeptOneIsFreed() throws Exception {
        alpha("v1", false).buildInto(dir);
        try (Swapper swapper = swapper(dir).probation(Duration.ofMillis(100))
                .probationRule(ProbationRule.failureRatio(0.5, 1).withHealthCheck(g -> true, OFTEN)).build()) {
            swapper.loadPlugins(null);
            alpha("v2", false).buildInto(dir);
            swapper.reload(null);
            swapper.invokeEach("hum");

            ProbationOutcome outcome = swapper.probationOutcome(2).toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(outcome.verdict()).isEqualTo(ProbationOutcome.Verdict.PASSED);
            assertThat(outcome.calls()).isEqualTo(1);
            await().until(() -> events.count("alpha:onFree:v1") == 1);
            assertThat(swapper.current().number()).isEqualTo(2);
        }
    }

    @Test
    void aReloadSkipsTheRejectedFileUntilForced() throws Exception {
        try (Swapper swapper = ratioJudged()) {
            rolledBackByCalls(swapper, CallPath.INVOKE_EACH);
            events.clear();

            ReloadDetails skipped = swapper.reload(null);

            assertThat(skipped.outcome("alpha")).contains(PluginOutcome.SKIPPED);
            assertThat(skipped.generation()).as("numbers are never reused").isEqualTo(3);
            assertThat(swapper.current().vault().liveFuncs().call("live_hum")).isEqualTo("v1");
            assertThat(events.all()).as("no hook ran").isEmpty();
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN Plugin alpha: skipped ")
                    && l.contains("an automatic rollback rejected this file") && l.contains("reload with force"));
            String rejected = swapper.status().rejected().get(0).sha256();

            ReloadDetails forced = swapper.forceReload(null);

            assertThat(forced.outcome("alpha")).contains(PluginOutcome.OK);
            assertThat(swapper.current().find("alpha").orElseThrow().sha256()).isEqualTo(rejected);
            assertThat(swapper.status().rejected()).as("forcing lifts the rejection").isEmpty();
            assertThat(events.count("alpha:onLoad:v2")).isEqualTo(1);
        }
    }

    @Test
    void aChangedFileIsLoadedAgainAndLiftsTheRejection() throws Exception {
        try (Swapper swapper = ratioJudged()) {
            rolledBackByCalls(swapper, CallPath.INVOKE_EACH);
            alpha("v3", false).buildInto(dir);

            assertThat(swapper.reload(null).outcome("alpha")).contains(PluginOutcome.OK);

            assertThat(swapper.current().vault().liveFuncs().call("live_hum")).isEqualTo("v3");
            assertThat(swapper.status().rejected()).isEmpty();
        }
    }

    @Test
    void theFileWatchSkipsTheRejectedFileWrittenAgain() throws Exception {
        alpha("v1", false).buildInto(dir);
        try (Swapper swapper = judged(ProbationRule.failureRatio(0.5, 4).checkedEvery(OFTEN))
                .fileWatch(true).fileWatchQuietPeriod(Duration.ofMillis(50)).build()) {
            swapper.loadPlugins(null);
            alpha("v2", true).buildInto(dir);
            await("the file watch to reload").atMost(Duration.ofSeconds(30)).until(() -> swapper.current().number() == 2);
            await("the rule to roll generation 2 back").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                    .until(() -> {
                        CallPath.LIVE_FUNCTION.tryCall(swapper);
                        return swapper.current().number() == 1;
                    });
            long before = swapper.reloadCounter();
            byte[] rejected = Files.readAllBytes(dir.resolve("alpha.jar"));
            Path tmp = dir.resolve("alpha.jar.tmp");
            Files.write(tmp, rejected);
            Files.move(tmp, dir.resolve("alpha.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);

            await().atMost(Duration.ofSeconds(30)).until(() -> swapper.reloadCounter() > before);
            assertThat(swapper.current().vault().liveFuncs().call("live_hum")).isEqualTo("v1");
            assertThat(log.lines()).anyMatch(l -> l.startsWith("WARN Plugin alpha: skipped "));
        }
    }
}
