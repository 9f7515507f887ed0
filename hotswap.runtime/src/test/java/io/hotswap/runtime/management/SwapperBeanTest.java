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

    /** A swapper of {@code builder} that loaded alpha v1. */
    private Swapper loadedV1(Swapper.Builder builder) {
        plugin("alpha").version("v1").buildInto(plugins);
        Swapper swapper = builder.build();
        swapper.loadPlugins(events);
        return swapper;
    }

    @Test
    void reloadThroughThePlatformMBeanServerServesTheNewVersion() throws Exception {
        ObjectName name = new ObjectName("io.hotswap:type=Swapper,name=jmxhost");
        try (Swapper swapper = loadedV1(jmxSwapper("jmxhost"))) {
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
        ObjectName name = SwapperBean.objectName("jmx host, failing");
        try (Swapper swapper = loadedV1(jmxSwapper("jmx host, failing"))) {
            plugin("alpha").version("v2").throwIn("onInit").buildInto(plugins);

            assertThatThrownBy(() -> server.invoke(name, "reload", new Object[0], new String[0]))
                    .rootCause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Plugin alpha failed at step 'onInit()'").hasMessageContaining("boom in onInit")
                    .hasNoCause();
            assertThat(server.getAttribute(name, "Generation")).isEqualTo(1L);
        }
    }

    @Test
    void theProbationAttributeAndTheRollbackOperationGoBackToTheKeptGeneration() throws Exception {
        ObjectName name = SwapperBean.objectName("jmx-probation");
        try (Swapper swapper = loadedV1(jmxSwapper("jmx-probation").probation(Duration.ofDays(1)))) {
            assertThat(server.getAttribute(name, "Probation")).isEqualTo("none");
            plugin("alpha").version("v2").buildInto(plugins);
            assertThat(server.invoke(name, "reload", new Object[0], new String[0])).asString()
                    .contains("; on probation until ");
            assertThat(server.getAttribute(name, "Probation")).asString()
                    .startsWith("generation 2 on probation, ").contains(" s left (until ").contains("generation 1 kept");

            Object rolledBack = server.invoke(name, "rollback", new Object[0], new String[0]);

            assertThat(rolledBack).isEqualTo("generation 1 is current again (rolled back from generation 2)");
            assertThat(server.getAttribute(name, "Generation")).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Probation")).asString()
                    .startsWith("probation of generation 2 ended by a rollback to generation 1");
            assertThatThrownBy(() -> server.invoke(name, "rollback", new Object[0], new String[0]))
                    .rootCause().isInstanceOf(IllegalStateException.class).hasNoCause()
                    .hasMessageStartingWith("no generation on probation: generation 2 was already rolled back");
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
