package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak watch needs no luck: a thread left running plugin code is reported at once, without
 * waiting for collections, and a quiet host proves collection without calling the collector itself.
 */
class LeakWatchAtOnceTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Swapper swapper;

    @AfterEach
    void close() {
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("leaky-alpha")).forEach(Thread::interrupt);
        if (swapper != null) {
            swapper.close();
        }
    }

    @Test
    void aThreadLeftRunningPluginCodeIsReportedAtOnceWithItsNameAndFrame() throws Exception {
        plugin("alpha").version("v1").members("""
                public static void spin() {
                    while (true) {
                        try { Thread.sleep(20); } catch (InterruptedException e) { return; }
                    }
                }
                """).onInit("Thread t = new Thread(Impl::spin, \"leaky-alpha\"); t.setDaemon(true); t.start();")
                .buildInto(dir);
        // The default threshold proves a leak only after 3 collections and 60 s: this one must not need it.
        swapper = swapper(dir).leakCheckInterval(Duration.ofMillis(100)).collectWhenQuiet(false).build();
        swapper.loadPlugins(null);
        plugin("alpha").version("v2").buildInto(dir);
        swapper.reload(null);

        await("the running thread reported").atMost(BOUND).until(() -> !swapper.status().leaks().isEmpty());
        LeakReport leak = swapper.status().leaks().get(0);
        assertThat(leak.plugin()).isEqualTo("alpha");
        assertThat(leak.threads()).anySatisfy(t -> assertThat(t).startsWith("\"leaky-alpha\"")
                .contains("it runs plugin code at plugin-alpha@").contains("/alpha/alpha.impl.Impl.spin("));
        assertThat(leak.aliveFor()).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void aQuietHostProvesItsFreedVersionsCollectedWithoutAnyHostCode() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        swapper = swapper(dir).leakThreshold(3, Duration.ofMillis(200)).leakCheckInterval(Duration.ofMillis(100)).build();
        swapper.loadPlugins(null);
        plugin("alpha").version("v2").buildInto(dir);
        swapper.reload(null);

        // No System.gc() here: the leak watch asks for the collection that proves the unload.
        await("the freed version proven collected").atMost(BOUND).until(() -> swapper.status().collected() == 1);
        assertThat(swapper.status().leaks()).isEmpty();
    }
}
