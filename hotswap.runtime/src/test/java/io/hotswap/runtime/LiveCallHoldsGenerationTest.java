package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.runtime.fixtures.PluginBuilder.plugin;
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
}
