package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.fixtures.Events;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** alpha <- beta <- gamma, wired by requires edges and export/imports. */
class DependencyTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    static PluginBuilder alpha(String version) {
        return plugin("alpha").version(version)
                .source("alpha/api/AlphaApi.java", "package alpha.api; public interface AlphaApi { String version(); }")
                .moduleLine("exports alpha.api;")
                .export("(alpha.api.AlphaApi) () -> VERSION");
    }

    static PluginBuilder beta(String version) {
        return plugin("beta").version(version).requires("alpha")
                .source("beta/api/BetaApi.java", "package beta.api; public interface BetaApi { String chain(); }")
                .moduleLine("exports beta.api;")
                .members("private volatile alpha.api.AlphaApi alpha;")
                .imports("alpha = imports.get(\"alpha\", alpha.api.AlphaApi.class);")
                .export("(beta.api.BetaApi) () -> \"beta-\" + VERSION + \">alpha-\" + alpha.version()")
                .invoke("return \"beta-\" + VERSION + \">alpha-\" + alpha.version();");
    }

    static PluginBuilder gamma(String version) {
        return plugin("gamma").version(version).requires("beta")
                .members("private volatile beta.api.BetaApi beta;")
                .imports("beta = imports.get(\"beta\", beta.api.BetaApi.class);")
                .invoke("return \"gamma-\" + VERSION + \">\" + beta.chain();");
    }

    private void buildTrine() {
        alpha("v1").buildInto(dir);
        beta("v1").buildInto(dir);
        gamma("v1").buildInto(dir);
    }

    @Test
    void pluginsComeInDependencyOrderAndSeeTheirDependenciesExports() throws Exception {
        buildTrine();
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            assertThat(swapper.current().plugins()).extracting(PluginHandle::name).containsExactly("alpha", "beta", "gamma");
            assertThat(swapper.current().find("gamma").orElseThrow().invokeFunc("chain"))
                    .isEqualTo("gamma-v1>beta-v1>alpha-v1");
            assertThat(events.all()).containsSubsequence("alpha:onLoad:v1", "beta:imports:v1", "beta:onLoad:v1",
                    "gamma:imports:v1", "gamma:onLoad:v1", "alpha:onInit:v1", "beta:onInit:v1", "gamma:onInit:v1");
        }
    }

    @Test
    void changingAlphaRelinksBetaAndGammaWithoutRebuildingThem() throws Exception {
        buildTrine();
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            alpha("v2").buildInto(dir);

            ReloadDetails details = swapper.reload(events);

            assertThat(details.outcomes()).containsExactly(
                    java.util.Map.entry("alpha", PluginOutcome.OK),
                    java.util.Map.entry("beta", PluginOutcome.RELINKED),
                    java.util.Map.entry("gamma", PluginOutcome.RELINKED));
            assertThat(swapper.current().find("gamma").orElseThrow().invokeFunc("chain"))
                    .isEqualTo("gamma-v1>beta-v1>alpha-v2");
            org.awaitility.Awaitility.await().until(() -> events.all().containsAll(
                    java.util.List.of("alpha:onFree:v1", "beta:onFree:v1", "gamma:onFree:v1")));
            // Freed newest dependency first: gamma, then beta, then alpha.
            assertThat(events.all()).containsSubsequence("gamma:onFree:v1", "beta:onFree:v1", "alpha:onFree:v1");
        }
    }

    @Test
    void changingOnlyTheLastPluginLeavesItsDependenciesUnchanged() throws Exception {
        buildTrine();
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            gamma("v2").buildInto(dir);

            ReloadDetails details = swapper.reload(events);

            assertThat(details.outcomes()).containsEntry("alpha", PluginOutcome.UNCHANGED)
                    .containsEntry("beta", PluginOutcome.UNCHANGED).containsEntry("gamma", PluginOutcome.OK);
        }
    }

    @Test
    void anImportOfTheWrongTypeIsALoadErrorNamingBothPluginsAndBothTypes() throws Exception {
        alpha("v1").buildInto(dir);
        plugin("beta").requires("alpha").imports("imports.get(\"alpha\", Runnable.class);").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            assertThatThrownBy(() -> swapper.loadPlugins(events))
                    .isInstanceOfSatisfying(HookException.class, e -> {
                        assertThat(e.plugin()).contains("beta");
                        assertThat(e.step()).isEqualTo(ReloadStep.IMPORTS);
                    })
                    .hasMessageContaining("Plugin beta imports alpha as java.lang.Runnable")
                    .hasMessageContaining("alpha exports a alpha.impl.Impl");
            assertThat(swapper.current().number()).isZero();
        }
    }

    @Test
    void aMissingDependencyIsALoadErrorNamingBothPlugins() throws Exception {
        buildTrine();
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(events);
            Files.delete(dir.resolve("alpha.jar"));

            assertThatThrownBy(() -> swapper.reload(events))
                    .isInstanceOf(ResolveException.class)
                    .hasMessageContaining("Plugin beta requires alpha, which is not in the plugin directory");
            assertThat(swapper.current().number()).isEqualTo(1);
            assertThat(swapper.current().find("gamma").orElseThrow().invokeFunc("chain"))
                    .isEqualTo("gamma-v1>beta-v1>alpha-v1");
        }
    }

    @Test
    void aNonReloadablePluginThatRequiresAReloadableOneIsALoadError() throws Exception {
        alpha("v1").buildInto(dir);
        beta("v1").notReloadable().buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            assertThatThrownBy(() -> swapper.loadPlugins(events))
                    .isInstanceOf(HookException.class)
                    .hasMessageContaining("Plugin beta is not reloadable but requires alpha, which is");
            assertThat(events.all()).contains("alpha:onFree:v1", "beta:onFree:v1");
        }
    }
}
