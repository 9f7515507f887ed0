package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.fixtures.Events;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SwapperBeanTest {

    @TempDir
    Path plugins;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Events events = new Events();

    private Swapper.Builder jmxSwapper(String name) {
        return Swapper.builder(plugins).name(name).freeDelay(Duration.ZERO).jmx(true);
    }

    @Test
    void reloadThroughThePlatformMBeanServerServesTheNewVersion() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        ObjectName name = new ObjectName("io.hotswap:type=Swapper,name=jmxhost");
        try (Swapper swapper = jmxSwapper("jmxhost").build()) {
            swapper.loadPlugins(events);
            assertThat(server.getAttribute(name, "Generation")).isEqualTo(1L);
            assertThat((String[]) server.getAttribute(name, "Plugins")).singleElement().asString().startsWith("alpha sha256:");

            plugin("alpha").version("v2").buildInto(plugins);
            Object details = server.invoke(name, "reload", new Object[0], new String[0]);

            assertThat(details).asString().startsWith("generation 2").contains("alpha=OK");
            assertThat(server.getAttribute(name, "ReloadCounter")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Generation")).isEqualTo(2L);
            assertThat(server.getAttribute(name, "StaticLinking")).isEqualTo(false);
            assertThat(server.getAttribute(name, "Leaked")).isEqualTo(0);
            assertThat((String[]) server.getAttribute(name, "Leaks")).isEmpty();
            assertThat(server.getAttribute(name, "PluginDir")).isEqualTo(plugins.toString());
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v2");
            assertThat(events.of("alpha")).contains("alpha:onLoad:v2");
        }
        assertThat(server.isRegistered(name)).as("unregistered on close").isFalse();
    }

    @Test
    void aFailedReloadThroughJmxNamesThePluginAndTheStep() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        ObjectName name = SwapperBean.objectName("jmx host, failing");
        try (Swapper swapper = jmxSwapper("jmx host, failing").build()) {
            swapper.loadPlugins(events);
            plugin("alpha").version("v2").throwIn("onInit").buildInto(plugins);

            assertThatThrownBy(() -> server.invoke(name, "reload", new Object[0], new String[0]))
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Plugin alpha failed at step 'onInit()'").hasMessageContaining("boom in onInit")
                    .hasNoCause();
            assertThat(server.getAttribute(name, "Generation")).isEqualTo(1L);
        }
    }

    @Test
    void twoSwappersOfOneNameCannotBothRegister() throws Exception {
        plugin("alpha").buildInto(plugins);
        try (Swapper first = jmxSwapper("twin").build()) {
            assertThatThrownBy(() -> jmxSwapper("twin").build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("io.hotswap:type=Swapper,name=twin");
        }
    }
}
