package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakWatchTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    @Test
    void aPluginThatLeavesAThreadRunningIsReportedLeakedNamingTheThreadAndTheHostGoesOn() throws Exception {
        plugin("alpha").version("v1")
                .members("static final java.util.concurrent.CountDownLatch STOP = new java.util.concurrent.CountDownLatch(1);")
                .onInit("""
                        Thread t = new Thread(() -> {
                            try { STOP.await(); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
                        }, "leaky-alpha-worker");
                        t.setDaemon(true);
                        t.start();""")
                .buildInto(dir);
        try (Swapper swapper = swapper(dir).leakThreshold(1, Duration.ZERO).build()) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            await().until(() -> events.count("alpha:onFree:v1") == 1);

            await("the leak report").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                System.gc();
                return swapper.status().leaked() == 1;
            });
            LeakReport report = swapper.status().leaks().get(0);
            assertThat(report.plugin()).isEqualTo("alpha");
            assertThat(report.loaderName()).startsWith("plugin-alpha@").endsWith("#1");
            assertThat(report.threads()).anySatisfy(t -> assertThat(t).contains("leaky-alpha-worker"));
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");

            // Once the thread ends, the leak resolves itself: the layer is collected after all.
            Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("leaky-alpha-worker"))
                    .forEach(Thread::interrupt);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                System.gc();
                return swapper.status().leaked() == 0 && swapper.status().collected() == 1;
            });
        }
    }
}
