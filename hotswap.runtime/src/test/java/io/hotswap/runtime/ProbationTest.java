package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.runtime.fixtures.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.Gc;
import io.hotswap.runtime.fixtures.PluginBuilder;
import io.hotswap.runtime.fixtures.RecordingLogger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A replaced generation kept on probation, and rolled back to in one step by the host. */
class ProbationTest {

    private static final Duration LONG = Duration.ofDays(1);

    @TempDir
    Path dir;

    private final Events events = new Events();

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

    @Test
    void callsInFlightOnBothGenerationsFinishWhereTheyEnteredAcrossARollback() throws Exception {
        blocking("v1").buildInto(dir);
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);
            CountDownLatch inV1 = new CountDownLatch(1);
            CountDownLatch releaseV1 = new CountDownLatch(1);
            CompletableFuture<List<Invocation>> onV1 = CompletableFuture.supplyAsync(
                    () -> swapper.invokeEach("block", inV1, releaseV1));
            assertThat(inV1.await(30, TimeUnit.SECONDS)).isTrue();
            blocking("v2").buildInto(dir);
            swapper.reload(null);
            CountDownLatch inV2 = new CountDownLatch(1);
            CountDownLatch releaseV2 = new CountDownLatch(1);
            CompletableFuture<List<Invocation>> onV2 = CompletableFuture.supplyAsync(
                    () -> swapper.invokeEach("block", inV2, releaseV2));
            assertThat(inV2.await(30, TimeUnit.SECONDS)).isTrue();

            swapper.rollback(); // returns although a call is inside each generation

            assertThat(call(swapper, "alpha")).isEqualTo("v1");
            swapper.awaitFreeingIdle();
            assertThat(events.count("alpha:onFree:v2")).as("the call in flight still holds v2").isZero();
            releaseV2.countDown();
            assertThat(onV2.get(30, TimeUnit.SECONDS)).extracting(Invocation::result).containsExactly("v2");
            await().until(() -> events.count("alpha:onFree:v2") == 1);
            releaseV1.countDown();
            assertThat(onV1.get(30, TimeUnit.SECONDS)).extracting(Invocation::result).containsExactly("v1");
            assertThat(call(swapper, "alpha")).isEqualTo("v1");
            assertThat(events.count("alpha:onFree:v1")).isZero();
        }
    }

    @Test
    void theGenerationRolledBackFromLeavesMemory() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
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
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);

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
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = onProbation(Duration.ofMillis(50))) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            long generation = swapper.reload(null).generation();

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
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = onProbation(LONG)) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
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
            CompletableFuture<ReloadDetails> reload = CompletableFuture.supplyAsync(() -> swapper.reload(null));
            assertThat(inOnInit.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<ProbationOutcome> rollback = CompletableFuture.supplyAsync(swapper::rollback);
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
        plugin("alpha").version("v1").buildInto(dir);
        RecordingLogger log = new RecordingLogger("probation");
        try (Swapper swapper = swapper(dir).logger(log).probation(LONG).build()) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            swapper.invokeEach("hum");

            assertThat(swapper.status().probation()).get().satisfies(p -> {
                assertThat(p.calls()).isEqualTo(1);
                assertThat(p.failures()).isZero();
            });
            assertThat(log.lines()).anyMatch(l -> l.startsWith("INFO Generation 2 is on probation until ")
                    && l.endsWith("generation 1 is kept for a rollback"));
        }
    }
}
