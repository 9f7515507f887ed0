package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCallHoldsGenerationTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    private void build(String version) {
        plugin("slow").version(version)
                .source("slow/impl/Slow.java", """
                        package slow.impl;
                        import java.util.concurrent.CountDownLatch;
                        public final class Slow {
                            static long live_add(int a, long b) { return a + b; }
                            public static String live_wait(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
                                entered.countDown();
                                release.await();
                                return "%s";
                            }
                        }
                        """.formatted(version))
                .buildInto(dir);
    }

    @Test
    void aLiveCallInFlightKeepsItsGenerationFromBeingFreed() throws Exception {
        build("v1");
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            Generation first = swapper.current();
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Object> call = CompletableFuture.supplyAsync(
                    () -> first.vault().liveFuncs().call("live_wait", entered, release));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            build("v2");
            swapper.reload(events);

            assertThat(first.callsInFlight()).isEqualTo(1);
            assertThat(events.count("slow:onFree:v1")).isZero();
            release.countDown();
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo("v1");
            await().until(() -> events.count("slow:onFree:v1") == 1);
            assertThatThrownBy(() -> first.vault().liveFuncs().call("live_wait", entered, release))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("generation 1 was replaced and freed");
        }
    }

    /**
     * A live function's invoker is a hidden class holding the plugin's method as a constant: once
     * its generation is freed and the host holds no live function of it, the version still goes,
     * although the JIT compiled the calls through it.
     */
    @Test
    void aVersionWhoseLiveFunctionWasCalledHotIsStillCollected() throws Exception {
        build("v1");
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            var v1 = SwapperTestSupport.loaderOf(swapper, "slow");
            assertThat(callHot(swapper)).isEqualTo(100_000L * 100_001L);

            build("v2");
            swapper.reload(events);
            await().until(() -> events.count("slow:onFree:v1") == 1);
            io.hotswap.runtime.fixtures.Gc.awaitCollected(v1);
            assertThat(swapper.current().vault().liveFuncs().call("live_add", 1, 2L)).isEqualTo(3L);
        }
    }

    private static long callHot(Swapper swapper) {
        io.hotswap.api.LiveFunction add = swapper.current().vault().liveFuncs().find("live_add").orElseThrow();
        long sum = 0;
        for (int i = 0; i <= 100_000; i++) {
            sum += (Long) add.call(i, (long) i);
        }
        return sum;
    }
}
