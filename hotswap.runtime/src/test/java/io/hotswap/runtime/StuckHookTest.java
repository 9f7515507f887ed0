package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hook that never returns cannot wedge the host: the reload fails at that step within the hook
 * timeout and the next one works, frees do not queue behind a stuck one, a reload that must wait
 * says what runs, and close returns.
 */
class StuckHookTest {

    // Long enough that a hook that does return always does on a loaded machine; short enough for a test.
    private static final Duration LIMIT = Duration.ofSeconds(5);
    // A bound for what must end "at once": far above what it takes, far below a hang.
    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final Events events = new Events();
    // Threads of their own for a stuck reload and a close: a shared pool (the common pool has one
    // worker on two cores, on JDK 25) would queue the close behind the reload it must cancel.
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    private Swapper swapper;

    @AfterEach
    void close() {
        System.setProperty("hotswap.fixture.release", "true"); // lets stubborn hooks of this test return
        if (swapper != null) {
            swapper.close();
        }
        threads.shutdownNow();
    }

    private Swapper.Builder builder() {
        return SwapperTestSupport.swapper(dir).hookTimeout(LIMIT);
    }

    private void loadVersionOne() {
        System.clearProperty("hotswap.fixture.release");
        plugin("alpha").version("v1").buildInto(dir);
        swapper = builder().build();
        swapper.loadPlugins(null);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"reloadable, RELOADABLE, reloadable", "export, EXPORT, export", "imports, IMPORTS, imports",
            "onLoad, ON_LOAD, onLoad", "onInit, ON_INIT, onInit"})
    void aHookThatNeverReturnsFailsTheReloadAtItsStepAndTheNextReloadWorks(String hook, ReloadStep step, String name)
            throws Exception {
        loadVersionOne();
        plugin("alpha").version("v2").hangIn(hook).buildInto(dir);

        assertThatThrownBy(() -> swapper.reload(null))
                .isInstanceOfSatisfying(HookException.class, e -> {
                    assertThat(e.plugin()).contains("alpha");
                    assertThat(e.step()).isEqualTo(step);
                })
                .hasMessageContaining("Plugin alpha failed at step '" + step.label() + "'")
                .hasMessageContaining(name + " of alpha did not return within 5 s");

        assertThat(swapper.current().number()).isEqualTo(1);
        assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
        plugin("alpha").version("v3").buildInto(dir);
        assertThat(swapper.reload(null).outcome("alpha")).contains(PluginOutcome.OK);
        assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v3");
    }

    @Test
    void aHookThatIgnoresInterruptsStillReleasesTheLockAndTheLeakWatchNamesItsThread() throws Exception {
        System.clearProperty("hotswap.fixture.release");
        plugin("alpha").version("v1").buildInto(dir);
        swapper = builder().leakThreshold(1, Duration.ZERO).build();
        swapper.loadPlugins(null);
        plugin("alpha").version("v2").hangIn("onLoad").stubbornly().buildInto(dir);

        assertThatThrownBy(() -> swapper.reload(null)).isInstanceOf(HookException.class)
                .hasMessageContaining("onLoad of alpha did not return within 5 s");

        plugin("alpha").version("v3").buildInto(dir);
        assertThat(swapper.reload(null).outcome("alpha")).contains(PluginOutcome.OK);
        await("the leak watch to name the stuck hook's thread").atMost(BOUND).until(() -> {
            System.gc();
            return swapper.status().leaks().stream()
                    .anyMatch(l -> l.plugin().equals("alpha") && l.threads().stream().anyMatch(t -> t.contains("hotswap-hook-")));
        });
    }

    @Test
    void aStuckOnFreeIsAbandonedAndTheFreesOfLaterGenerationsGoOn() throws Exception {
        System.clearProperty("hotswap.fixture.release");
        plugin("alpha").version("v1").hangIn("onFree").buildInto(dir);
        swapper = builder().build();
        swapper.loadPlugins(null);

        plugin("alpha").version("v2").buildInto(dir);
        swapper.reload(null);
        plugin("alpha").version("v3").buildInto(dir);
        swapper.reload(null);

        await("v2 freed after the stuck free of v1").atMost(BOUND).until(() -> events.count("alpha:onFree:v2") == 1);
        assertThat(events.count("alpha:onFree:v1")).as("v1's onFree was called (and abandoned)").isEqualTo(1);
        await().atMost(BOUND).until(() -> swapper.status().retired() == 0);
        assertThat(swapper.status().freed()).isEqualTo(2);
    }

    @Test
    void aReloadDuringAStuckOneFailsSayingWhatRunsAndStatusShowsIt() throws Exception {
        System.clearProperty("hotswap.fixture.release");
        plugin("alpha").version("v1").buildInto(dir);
        swapper = builder().hookTimeout(Duration.ofSeconds(30)).reloadWait(Duration.ofMillis(100)).build();
        swapper.loadPlugins(null);
        plugin("alpha").version("v2").hangIn("onLoad").stubbornly().buildInto(dir);
        CompletableFuture<ReloadDetails> stuck = CompletableFuture.supplyAsync(() -> swapper.reload(null), threads);

        await("the first reload to be stuck in onLoad").atMost(BOUND).until(() -> swapper.status().reloading()
                .filter(r -> r.plugin().equals(java.util.Optional.of("alpha")) && r.step() == ReloadStep.ON_LOAD).isPresent());

        assertThatThrownBy(() -> swapper.reload(null)).isInstanceOf(SwapException.class)
                .hasMessageContaining("a reload is in progress since")
                .hasMessageContaining(": alpha at step onLoad()")
                .hasMessageContaining("did not end within 100 ms");
        assertThat(call(swapper, "alpha")).as("the old generation serves meanwhile").isEqualTo("alpha:version:v1");

        System.setProperty("hotswap.fixture.release", "true");
        assertThat(stuck.get(BOUND.toSeconds(), TimeUnit.SECONDS).outcome("alpha")).as("once it returns").contains(PluginOutcome.OK);
        assertThat(swapper.status().reloading()).isEmpty();
    }

    @Test
    void closeReturnsWhileAHookIsStuckAndTheStuckReloadFails() throws Exception {
        System.clearProperty("hotswap.fixture.release");
        plugin("alpha").version("v1").hangIn("onFree").buildInto(dir);
        swapper = builder().hookTimeout(Duration.ofSeconds(30)).build();
        swapper.loadPlugins(null);
        plugin("alpha").version("v2").hangIn("onLoad").stubbornly().buildInto(dir);
        CompletableFuture<ReloadDetails> stuck = CompletableFuture.supplyAsync(() -> swapper.reload(null), threads);
        await().atMost(BOUND).until(() -> swapper.status().reloading().isPresent());

        CompletableFuture<Void> closing = CompletableFuture.runAsync(swapper::close, threads);

        closing.get(BOUND.toSeconds(), TimeUnit.SECONDS); // fails the test if close hangs
        assertThatThrownBy(() -> stuck.get(BOUND.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(SwapException.class).hasMessageContaining("was cancelled");
        swapper = null;
    }
}
