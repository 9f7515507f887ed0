package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.Gc;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls in flight keep their generation; reloads never wait for them; frees wait for both. */
class DrainAndFreeTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    /** invokeFunc("block", entered, release) parks inside the plugin; onFree says if a call was running. */
    private static PluginBuilder blocking(String version) {
        return plugin("alpha").version(version)
                .members("private static final java.util.concurrent.atomic.AtomicInteger RUNNING = new java.util.concurrent.atomic.AtomicInteger();")
                .onFree("if (RUNNING.get() > 0) { record(\"onFree-during-call\"); }")
                .invoke("""
                        if (name.equals("block")) {
                            RUNNING.incrementAndGet();
                            try {
                                ((java.util.concurrent.CountDownLatch) params[0]).countDown();
                                ((java.util.concurrent.CountDownLatch) params[1]).await();
                            } finally {
                                RUNNING.decrementAndGet();
                            }
                        }
                        return VERSION;""");
    }

    /** Also: once its free is due, the replaced generation takes no new call while it waits. */
    @Test
    void aCallBlockedInVersionOneFinishesThereAndItsFreeWaitsForIt() throws Exception {
        blocking("v1").buildInto(dir);
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            Generation kept = swapper.current();
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<List<Invocation>> blocked = caller.submit(() -> swapper.invokeEach("block", entered, release));
            assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

            blocking("v2").buildInto(dir);
            swapper.reload(null); // returns although a call is still inside v1

            assertThat(call(swapper, "alpha")).isEqualTo("v2");
            swapper.awaitFreeingIdle(); // the zero free delay has passed: only the call holds v1 now
            assertThat(events.count("alpha:onFree:v1")).as("the call in flight still holds it").isZero();
            assertThat(swapper.status().retired()).isEqualTo(1);
            // Without this, a host calling a kept generation in a loop would keep it alive for good.
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> kept.invokeEach("hum"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("generation 1 was replaced");

            release.countDown();
            assertThat(blocked.get(10, TimeUnit.SECONDS)).extracting(Invocation::result).containsExactly("v1");
            await().until(() -> events.count("alpha:onFree:v1") == 1);
            assertThat(events.all()).doesNotContain("alpha:onFree-during-call:v1");
            assertThat(swapper.status().retired()).isZero();
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void theFreeDelayHoldsOnFreeBackEvenWithNoCallInFlight() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).freeDelay(Duration.ofDays(1)).build()) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            swapper.awaitFreeingIdle();

            assertThat(events.count("alpha:onFree:v1")).isZero();
            assertThat(swapper.status().retired()).isEqualTo(1);
        }
        // close() frees what is retired without waiting for the delay, exactly once.
        assertThat(events.count("alpha:onFree:v1")).isEqualTo(1);
        assertThat(events.count("alpha:onFree:v2")).isEqualTo(1);
    }

    @Test
    void eightCallersSeeNoFailureWhileAnotherThreadReloadsTwoHundredTimes() throws Exception {
        byte[] v1 = Files.readAllBytes(plugin("alpha").version("v1").buildInto(dir));
        byte[] v2 = Files.readAllBytes(plugin("alpha").version("v2").buildInto(dir));
        plugin("beta").buildInto(dir);
        int reloads = 200;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            CountDownLatch started = new CountDownLatch(8);
            List<Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        List<Invocation> r = swapper.invokeEach("hum", 1);
                        calls.incrementAndGet();
                        if (r.size() != 2 || !r.stream().allMatch(Invocation::succeeded)) {
                            return "failed call: " + r;
                        }
                    }
                    return "ok";
                }));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Path tmp = dir.resolve("alpha.jar.tmp");
            for (int i = 0; i < reloads; i++) {
                Files.write(tmp, i % 2 == 0 ? v1 : v2);
                Files.move(tmp, dir.resolve("alpha.jar"), StandardCopyOption.ATOMIC_MOVE);
                assertThat(swapper.reload(null).outcome("alpha")).contains(PluginOutcome.OK);
            }
            stop.set(true);
            for (Future<String> f : results) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("ok");
            }
            assertThat(calls.get()).isPositive();
            assertThat(swapper.reloadCounter()).isEqualTo(reloads);

            await().atMost(Duration.ofSeconds(30)).until(() -> swapper.status().freed() == reloads);
            await("every retired layer to be collected").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        System.gc();
                        return swapper.status().collected() == reloads;
                    });
            assertThat(swapper.status().leaked()).isZero();
            assertThat(swapper.status().retired()).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aGenerationKeptByTheHostAfterItsFreeRefusesCallsInsteadOfPinningTheOldLayer() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            Generation kept = swapper.current();
            var loader = SwapperTestSupport.loaderOf(swapper, "alpha");
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            await().until(() -> events.count("alpha:onFree:v1") == 1);

            Gc.awaitCollected(loader); // although `kept` is still reachable from this frame
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> kept.invokeEach("hum"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("generation 1 was replaced and freed");
        }
    }
}
