package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.loaderOf;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.Gc;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadAndReloadTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    @Test
    void reloadServesTheNewVersionAndTheOldOneLeavesMemory() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            ReloadDetails first = swapper.loadPlugins(events);
            assertThat(first.generation()).isEqualTo(1);
            assertThat(first.outcome("alpha")).contains(PluginOutcome.OK);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
            assertThat(events.of("alpha")).containsExactly(
                    "alpha:reloadable:v1", "alpha:export:v1", "alpha:imports:v1", "alpha:onLoad:v1", "alpha:onInit:v1");
            WeakReference<ClassLoader> v1 = loaderOf(swapper, "alpha");
            assertThat(v1.get().getName()).startsWith("plugin-alpha@").endsWith("#1");

            plugin("alpha").version("v2").buildInto(dir);
            ReloadDetails second = swapper.reload(events);

            assertThat(second.generation()).isEqualTo(2);
            assertThat(second.outcome("alpha")).contains(PluginOutcome.OK);
            assertThat(swapper.reloadCounter()).isEqualTo(1);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
            await().until(() -> events.count("alpha:onFree:v1") == 1);
            Gc.awaitCollected(v1);
            await().until(() -> swapper.status().collected() == 1);
            assertThat(swapper.status().freed()).isEqualTo(1);
        }
    }

    @Test
    void unchangedJarIsCarriedOverWithoutRunningAnyHook() throws Exception {
        plugin("alpha").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            PluginHandle before = swapper.current().find("alpha").orElseThrow();
            events.clear();

            ReloadDetails details = swapper.reload(events);

            assertThat(details.outcome("alpha")).contains(PluginOutcome.UNCHANGED);
            assertThat(events.all()).isEmpty();
            assertThat(swapper.current().find("alpha").orElseThrow().plugin()).isSameAs(before.plugin());
            assertThat(swapper.current().number()).isEqualTo(2);
        }
    }

    @Test
    void notReloadablePluginIsCarriedOverEvenWhenItsJarChanged() throws Exception {
        plugin("alpha").version("v1").notReloadable().buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            plugin("alpha").version("v2").buildInto(dir);
            events.clear();

            ReloadDetails details = swapper.reload(events);

            assertThat(details.outcome("alpha")).contains(PluginOutcome.NOT_RELOADABLE);
            assertThat(events.all()).isEmpty();
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
        }
    }

    @Test
    void removedJarIsDroppedAndFreed() throws Exception {
        plugin("alpha").buildInto(dir);
        Path beta = plugin("beta").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            WeakReference<ClassLoader> betaLoader = loaderOf(swapper, "beta");
            Files.delete(beta);

            ReloadDetails details = swapper.reload(events);

            assertThat(details.outcomes()).containsEntry("alpha", PluginOutcome.UNCHANGED)
                    .containsEntry("beta", PluginOutcome.REMOVED);
            assertThat(swapper.current().find("beta")).isEmpty();
            await().until(() -> events.count("beta:onFree:v1") == 1);
            assertThat(events.count("alpha:onFree:v1")).isZero();
            Gc.awaitCollected(betaLoader);
        }
    }

    @Test
    void invokeEachGoesOnAfterAThrowingPluginAndReportsItsError() throws Exception {
        plugin("alpha").throwIn("invokeFunc").buildInto(dir);
        plugin("beta").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);

            List<Invocation> results = swapper.invokeEach("hum", 1);

            assertThat(results).extracting(Invocation::plugin).containsExactly("alpha", "beta");
            assertThat(results.get(0).succeeded()).isFalse();
            assertThat(results.get(0).error()).hasMessage("boom in invokeFunc");
            assertThat(results.get(1).result()).isEqualTo("beta:hum:v1");
            assertThat(swapper.invokeEachBackward("hum")).extracting(Invocation::plugin).containsExactly("beta", "alpha");
        }
    }

    @Test
    void classesAndResourcesComeFromTheBytesReadAtLoadNotFromTheFile() throws Exception {
        Path jar = plugin("alpha").version("v1")
                .source("alpha/impl/Lazy.java", "package alpha.impl; final class Lazy { static String text() { return \"lazy\"; } }")
                .resource("alpha/impl/greeting.txt", "hello from the jar")
                .invoke("""
                        try (var in = Impl.class.getResourceAsStream("greeting.txt")) {
                            return Lazy.text() + " " + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        }""")
                .buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            Files.write(jar, "overwritten by a build in progress".getBytes()); // Lazy was never loaded yet

            assertThat(call(swapper, "alpha")).isEqualTo("lazy hello from the jar");
            assertThat(swapper.current().find("alpha").orElseThrow().plugin().getClass().getModule().getDescriptor()
                    .name()).isEqualTo("alpha");
        }
    }

    @Test
    void statusNamesTheGenerationAndEveryPluginWithItsVersion() throws Exception {
        plugin("alpha").buildInto(dir);
        plugin("beta").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            SwapperStatus status = swapper.status();
            assertThat(status.generation()).isEqualTo(1);
            assertThat(status.plugins()).extracting(PluginInfo::name).containsExactly("alpha", "beta");
            PluginHandle alpha = swapper.current().find("alpha").orElseThrow();
            assertThat(status.plugins().get(0).version()).isEqualTo("sha256:" + alpha.sha256().substring(0, 12))
                    .isEqualTo(alpha.version());
            assertThat(alpha.sha256()).isEqualTo(io.hotswap.runtime.jar.PluginJarReader.sha256(Files.readAllBytes(dir.resolve("alpha.jar"))));
            assertThat(alpha.file()).contains(dir.resolve("alpha.jar"));
        }
    }

    @Test
    void whitelistLoadsOnlyTheNamedPlugins() throws Exception {
        plugin("alpha").buildInto(dir);
        plugin("beta").buildInto(dir);
        try (Swapper swapper = swapper(dir).whitelist(java.util.Set.of("beta")).build()) {
            swapper.loadPlugins(events);
            assertThat(swapper.current().plugins()).extracting(PluginHandle::name).containsExactly("beta");
        }
    }

    @Test
    void resetPluginDirMakesTheNextReloadReadTheNewDirectory(@TempDir Path other) throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        plugin("alpha").version("v2").buildInto(other);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            swapper.resetPluginDir(other);
            swapper.reload(events);
            assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v2");
            assertThat(swapper.status().pluginDir()).isEqualTo(other);
        }
    }
}
