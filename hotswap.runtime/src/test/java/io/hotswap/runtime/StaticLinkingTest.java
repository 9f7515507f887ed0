package io.hotswap.runtime;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.fixtures.Events;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static linking: the plugins are modules of the host's layer. The host's module path is stood
 * in for by a layer over a directory on top of the boot layer, as a host launched with
 * {@code --module-path} would have them (the CLI's end-to-end test runs a real one).
 */
class StaticLinkingTest {

    @TempDir
    Path modulePath;

    private final Events events = new Events();

    private ModuleLayer hostLayer() {
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration().resolveAndBind(ModuleFinder.of(modulePath), ModuleFinder.of(), Set.of());
        return boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
    }

    private Swapper.Builder staticSwapper(ModuleLayer layer) {
        return Swapper.builder(modulePath.resolve("no-plugin-dir")).name("static").freeDelay(Duration.ZERO)
                .staticLinking(true).hostLayer(layer);
    }

    @Test
    void pluginsOfTheHostLayerRunTheirHooksInDependencyOrder() throws Exception {
        plugin("alpha").export("\"alpha's export\"").buildInto(modulePath);
        plugin("beta").requires("alpha").members("private volatile String imported;")
                .imports("imported = imports.get(\"alpha\", String.class);")
                .invoke("return imported;")
                .buildInto(modulePath);
        ModuleLayer layer = hostLayer();
        try (Swapper swapper = staticSwapper(layer).build()) {
            ReloadDetails details = swapper.loadPlugins(events);

            assertThat(swapper.staticLinking()).isTrue();
            assertThat(swapper.status().staticLinking()).isTrue();
            assertThat(details.outcomes()).containsExactly(
                    java.util.Map.entry("alpha", PluginOutcome.OK), java.util.Map.entry("beta", PluginOutcome.OK));
            assertThat(events.all()).containsExactly(
                    "alpha:reloadable:v1", "alpha:export:v1", "alpha:imports:v1", "alpha:onLoad:v1",
                    "beta:reloadable:v1", "beta:export:v1", "beta:imports:v1", "beta:onLoad:v1",
                    "alpha:onInit:v1", "beta:onInit:v1");
            assertThat(swapper.current().find("beta").orElseThrow().invokeFunc("imported")).isEqualTo("alpha's export");
            PluginHandle alpha = swapper.current().find("alpha").orElseThrow();
            assertThat(alpha.plugin().getClass().getModule().getLayer()).isSameAs(layer);
            assertThat(alpha.invokeFunc("version")).isEqualTo("alpha:version:v1");
            assertThat(alpha.file()).contains(modulePath.resolve("alpha.jar"));
        }
        assertThat(events.count("alpha:onFree:v1")).as("onFree runs on close").isEqualTo(1);
        assertThat(events.count("beta:onFree:v1")).isEqualTo(1);
    }

    @Test
    void reloadIsRefusedWithAMessageSayingStaticLinkingIsOn() throws Exception {
        plugin("alpha").buildInto(modulePath);
        try (Swapper swapper = staticSwapper(hostLayer()).build()) {
            swapper.loadPlugins(events);
            events.clear();

            assertThatThrownBy(() -> swapper.reload(events)).isInstanceOf(SwapException.class)
                    .hasMessageContaining("static linking is on").hasMessageContaining("static");
            assertThat(swapper.current().number()).isEqualTo(1);
            assertThat(swapper.reloadCounter()).isZero();
            assertThat(events.all()).isEmpty();
            assertThatThrownBy(() -> swapper.resetPluginDir(modulePath)).hasMessageContaining("static linking is on");
        }
    }

    @Test
    void theWhitelistAppliesToStaticPlugins() throws Exception {
        plugin("alpha").buildInto(modulePath);
        plugin("beta").buildInto(modulePath);
        try (Swapper swapper = staticSwapper(hostLayer()).whitelist(Set.of("beta")).build()) {
            swapper.loadPlugins(events);

            assertThat(swapper.current().plugins()).extracting(PluginHandle::name).containsExactly("beta");
        }
    }

    @Test
    void aHookFailureOfAStaticPluginFailsTheLoadNamingIt() throws Exception {
        plugin("alpha").throwIn("onInit").buildInto(modulePath);
        try (Swapper swapper = staticSwapper(hostLayer()).build()) {
            assertThatThrownBy(() -> swapper.loadPlugins(events)).isInstanceOf(HookException.class)
                    .hasMessageContaining("Plugin alpha failed at step 'onInit()'");
            assertThat(swapper.current().number()).isZero();
            assertThat(events.count("alpha:onFree:v1")).isEqualTo(1);
        }
    }
}
