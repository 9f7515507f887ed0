package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.Gc;
import io.hotswap.testkit.plugins.PluginBuilder;
import io.hotswap.runtime.fixtures.RecordingLogger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** A replaced generation kept on probation, rolled back to in one step by the host or by the probation rule. */
class ProbationTest {

    private static final Duration LONG = Duration.ofDays(1);

    @TempDir
    Path dir;

    private final Events events = new Events();
    // Threads of their own for calls that block: the common pool may have one thread on a small machine.
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** invokeFunc("block", entered, release) parks inside the plugin until released; else it answers its version. */
    private static PluginBuilder blocking(String version) {
        return plugin("alpha").version(version).invoke("""
                if (name.equals("block")) {
                    ((java.util.concurrent.CountDownLatch) params[0]).countDown();
                    ((java.util.concurrent.CountDownLatch) params[1]).await();
                }
                return VERSION;""");
    }

    private Swapper onProbation(Duration time) {
        return swapper(dir).probation(time).build();
    }

    /** A swapper of {@code builder} that loaded alpha v1 and then reloaded alpha v2 (generation 2). */
    private Swapper reloadedOnce(Swapper.Builder builder) {
        plugin("alpha").version("v1").buildInto(dir);
        Swapper swapper = builder.build();
        swapper.loadPlugins(null);
        plugin("alpha").version("v2").buildInto(dir);
        swapper.reload(null);
        return swapper;
    }

    @Test
    void aRollbackMakesTheKeptGenerationCurrentAgainWithoutRunningAHook() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        plugin("beta").version("v1").buildInto(dir);
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);
            Generation first = swapper.current();
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            swapper.awaitFreeingIdle();
            assertThat(events.count("alpha:onFree:v1")).as("kept on probation, although the free delay is zero").isZero();
            SwapperStatus onTrial = swapper.status();
            assertThat(onTrial.probation()).get().satisfies(p -> {
                assertThat(p.generation()).isEqualTo(2);
                assertThat(p.kept()).isEqualTo(1);
                assertThat(p.left(p.since())).isEqualTo(LONG);
            });
            assertThat(onTrial.retired()).as("kept, not retired").isZero();
            events.clear();

            ProbationOutcome outcome = swapper.rollback();

            assertThat(swapper.current()).isSameAs(first);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
            assertThat(outcome.verdict()).isEqualTo(ProbationOutcome.Verdict.ROLLED_BACK);
            assertThat(outcome.generation()).isEqualTo(2);
            assertThat(outcome.kept()).isEqualTo(1);
            await().until(() -> events.count("alpha:onFree:v2") == 1);
            assertThat(events.all()).as("no hook of the kept generation ran again; beta, carried, was not freed")
                    .containsExactly("alpha:onFree:v2");
            SwapperStatus after = swapper.status();
            assertThat(after.probation()).isEmpty();
            assertThat(after.lastProbation()).contains(outcome);
            assertThat(after.generation()).isEqualTo(1);
            assertThat(after.rejected()).as("a requested rollback rejects no file").isEmpty();
            assertThat(swapper.probationOutcome(2).toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(outcome);
        }
        assertThat(events.count("alpha:onFree:v1")).isEqualTo(1);
        assertThat(events.count("beta:onFree:v1")).isEqualTo(1);
    }

    /** A call parked inside the current generation's alpha ({@link #blocking}) until released. */
    private record Blocked(CountDownLatch release, CompletableFuture<List<Invocation>> call) {
        static Blocked in(Swapper swapper, ExecutorService threads) throws InterruptedException {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<List<Invocation>> call = CompletableFuture.supplyAsync(
                    () -> swapper.invokeEach("block", entered, release), threads);
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
            return new Blocked(release, call);
        }
    }

    @Test
    void callsInFlightOnBothGenerationsFinishWhereTheyEnteredAcrossARollback() throws Exception {
        blocking("v1").buildInto(dir);
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);
            Blocked onV1 = Blocked.in(swapper, threads);
            blocking("v2").buildInto(dir);
            swapper.reload(null);
            Blocked onV2 = Blocked.in(swapper, threads);

            swapper.rollback(); // returns although a call is inside each generation

            assertThat(call(swapper, "alpha")).isEqualTo("v1");
            swapper.awaitFreeingIdle();
            assertThat(events.count("alpha:onFree:v2")).as("the call in flight still holds v2").isZero();
            onV2.release().countDown();
            assertThat(onV2.call().get(30, TimeUnit.SECONDS)).extracting(Invocation::result).containsExactly("v2");
            await().until(() -> events.count("alpha:onFree:v2") == 1);
            onV1.release().countDown();
            assertThat(onV1.call().get(30, TimeUnit.SECONDS)).extracting(Invocation::result).containsExactly("v1");
            assertThat(call(swapper, "alpha")).isEqualTo("v1");
            assertThat(events.count("alpha:onFree:v1")).isZero();
        }
    }

    @Test
    void theGenerationRolledBackFromLeavesMemory() throws Exception {
        try (Swapper swapper = reloadedOnce(swapper(dir).probation(LONG))) {
            var v2 = SwapperTestSupport.loaderOf(swapper, "alpha");

            swapper.rollback();

            await().until(() -> events.count("alpha:onFree:v2") == 1);
            Gc.awaitCollected(v2);
            await().atMost(Duration.ofSeconds(30)).until(() -> swapper.status().collected() == 1);
            assertThat(swapper.status().leaked()).isZero();
        }
    }

    @Test
    void aRollbackWithProbationOffIsRefusedSayingSo() throws Exception {
        try (Swapper swapper = reloadedOnce(swapper(dir))) {
            assertThatThrownBy(swapper::rollback).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("no generation on probation: probation is off for swapper test");
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
        }
    }

    @Test
    void aRollbackBeforeAnyReloadIsRefused() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);

            assertThatThrownBy(swapper::rollback).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no generation on probation: nothing was reloaded yet");
        }
    }

    @Test
    void aRollbackAfterTheProbationPassedIsRefusedSayingWhenThePreviousOneWasFreed() throws Exception {
        try (Swapper swapper = reloadedOnce(swapper(dir).probation(Duration.ofMillis(50)))) {
            long generation = swapper.current().number();

            ProbationOutcome passed = swapper.probationOutcome(generation).toCompletableFuture().get(30, TimeUnit.SECONDS);

            assertThat(passed.verdict()).isEqualTo(ProbationOutcome.Verdict.PASSED);
            await().until(() -> events.count("alpha:onFree:v1") == 1);
            assertThatThrownBy(swapper::rollback).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no generation on probation: the previous one (generation 1) was freed at " + passed.at()
                            + ", when the probation of generation 2 passed");
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
        }
    }

    @Test
    void aReloadDuringProbationKeepsTheGenerationOnTrialAndFreesTheOneKeptBefore() throws Exception {
        try (Swapper swapper = reloadedOnce(swapper(dir).probation(LONG))) {
            plugin("alpha").version("v3").buildInto(dir);
            swapper.reload(null);

            assertThat(swapper.probationOutcome(2).toCompletableFuture().get(10, TimeUnit.SECONDS).verdict())
                    .isEqualTo(ProbationOutcome.Verdict.SUPERSEDED);
            await().until(() -> events.count("alpha:onFree:v1") == 1);
            assertThat(swapper.rollback().kept()).isEqualTo(2);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
            plugin("alpha").version("v4").buildInto(dir);
            assertThat(swapper.reload(null).generation()).as("numbers are never reused").isEqualTo(4);
        }
    }

    /**
     * The reload holds the lock in v3's onInit while a rollback is asked for: the rollback waits,
     * then rolls back the generation that reload made, never a half-made state.
     */
    @Test
    void aRollbackAskedForDuringAReloadWaitsForItAndThenRollsBackWhatItMade() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        CountDownLatch inOnInit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        System.getProperties().put("hotswap.test.onInit", List.of(inOnInit, release));
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            plugin("alpha").version("v3").onInit("""
                    java.util.List<?> latches = (java.util.List<?>) System.getProperties().get("hotswap.test.onInit");
                    ((java.util.concurrent.CountDownLatch) latches.get(0)).countDown();
                    try {
                        ((java.util.concurrent.CountDownLatch) latches.get(1)).await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }""").buildInto(dir);
            CompletableFuture<ReloadDetails> reload = CompletableFuture.supplyAsync(() -> swapper.reload(null), threads);
            assertThat(inOnInit.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<ProbationOutcome> rollback = CompletableFuture.supplyAsync(swapper::rollback, threads);
            await().until(swapper::reloadLockQueued);
            assertThat(rollback).as("waits for the reload").isNotDone();

            release.countDown();

            assertThat(reload.get(30, TimeUnit.SECONDS).generation()).isEqualTo(3);
            ProbationOutcome outcome = rollback.get(30, TimeUnit.SECONDS);
            assertThat(outcome.generation()).isEqualTo(3);
            assertThat(outcome.kept()).isEqualTo(2);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
            await().until(() -> events.count("alpha:onFree:v1") == 1 && events.count("alpha:onFree:v3") == 1);
        } finally {
            System.getProperties().remove("hotswap.test.onInit");
        }
    }

    @Test
    void aRuleWithoutAProbationTimeIsRefusedByTheBuilder() {
        assertThatThrownBy(() -> swapper(dir).probationRule(ProbationRule.failureRatio(0.1, 10)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a probation time");
    }

    @Test
    void theStatusAndTheLogSayWhatIsOnProbation() throws Exception {
        RecordingLogger log = new RecordingLogger("probation");
        try (Swapper swapper = reloadedOnce(swapper(dir).logger(log).probation(LONG))) {
            swapper.invokeEach("hum");

            assertThat(swapper.status().probation()).get().satisfies(p -> {
                assertThat(p.calls()).isEqualTo(1);
                assertThat(p.failures()).isZero();
            });
            assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO Generation 2 is on probation until ")
                    && l.endsWith("generation 1 is kept for a rollback"));
        }
    }

    /** Health checks that fail generation 2: one says so, one throws. */
    static Stream<HealthCheck> unhealthy() {
        return Stream.of(g -> g.number() != 2, g -> {
            throw new IllegalStateException("health endpoint down");
        });
    }

    /** The probation rule rolls a failing generation back by itself, and its files are not loaded again. */
    @Nested
    class Automatic {

        private static final Duration OFTEN = Duration.ofMillis(20);


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

        @ParameterizedTest
        @MethodSource("io.hotswap.runtime.ProbationTest#unhealthy")
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
                await().until(() -> events.count("alpha:onFree:v2") == 1); // the free of what was rolled back from
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
}
