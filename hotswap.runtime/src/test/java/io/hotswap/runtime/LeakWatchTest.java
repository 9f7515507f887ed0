package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.leak.UnloadingCollections;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
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

    // Written so that the allocations below are not optimised away.
    private static volatile byte[] sink;

    @Test
    void youngCollectionsAloneNeverProveAFreedVersionLeakedAFullOneDoes() throws Exception {
        Optional<GarbageCollectorMXBean> young = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(gc -> !UnloadingCollections.canUnloadClasses(gc.getName())).findFirst();
        Assumptions.assumeTrue(young.isPresent(), "this JVM's collector has no young collections to tell apart");
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).leakThreshold(1, Duration.ZERO).collectWhenQuiet(false)
                .leakCheckInterval(Duration.ofMillis(100)).build()) {
            swapper.loadPlugins(null);
            // The test holds the first version, as a host's static cache would: it cannot be collected.
            Object held = swapper.current().find("alpha").orElseThrow().plugin();
            plugin("alpha").version("v2").buildInto(dir);
            // A full collection now (before the free, so it proves nothing) resets the metaspace
            // threshold, whose crossing after the compiles above would start a concurrent cycle below.
            System.gc();
            // From before the free: a collection that can unload classes anywhere after it would prove the leak.
            long unloadingBefore = UnloadingCollections.count();
            swapper.reload(null);
            await().until(() -> events.count("alpha:onFree:v1") == 1);

            // Young collections, many a second on a busy host: none unloads a class, none may count.
            long youngBefore = young.get().getCollectionCount();
            await("two young collections").atMost(Duration.ofSeconds(60)).until(() -> {
                for (int i = 0; i < 1024; i++) {
                    sink = new byte[16 * 1024]; // 16 MiB a poll, in arrays small: a humongous one would start a concurrent cycle
                }
                return young.get().getCollectionCount() >= youngBefore + 2;
            });
            int leaked = swapper.status().leaked();
            // Read after the sweep: unchanged then, no collection the sweep saw could unload a class.
            Assumptions.assumeTrue(UnloadingCollections.count() == unloadingBefore,
                    "a collection that can unload classes ran meanwhile (a concurrent cycle on a busy machine)");
            assertThat(leaked).isZero();

            // A full collection does look at the classes: the version it could not collect is proven leaked.
            await("the leak report").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                System.gc();
                return swapper.status().leaked() == 1;
            });
            assertThat(swapper.status().leaks().get(0).loaderName()).startsWith("plugin-alpha@").endsWith("#1");
            assertThat(held).isNotNull();
        }
    }
}
