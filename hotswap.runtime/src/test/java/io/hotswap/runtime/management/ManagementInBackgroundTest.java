package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static io.hotswap.runtime.management.TestHosts.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.Command;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import io.hotswap.protocol.StatusReply;
import io.hotswap.protocol.endpoint.EndpointClient;
import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.RecordingLogger;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code managementInBackground(true)}: the endpoint and the MBean open while the host loads its plugins. */
class ManagementInBackgroundTest {

    private static final long READY_SECONDS = 30;

    @TempDir
    Path plugins;

    @TempDir
    Path base;

    private final Events events = new Events();
    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    private Swapper.Builder inBackground(String name) {
        return withEndpoint(plugins, base, name).jmx(true).managementInBackground(true);
    }

    @Test
    void theEndpointAndTheMBeanAnswerOnceManagementIsReady() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        ObjectName name = SwapperBean.objectName("background host");
        try (Swapper swapper = inBackground("background host").build()) {
            swapper.loadPlugins(events);
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v1");

            swapper.managementReady().toCompletableFuture().get(READY_SECONDS, TimeUnit.SECONDS);

            Reply status = EndpointClient.send(TestHosts.socket(base), new Request(Command.STATUS));
            assertThat(status.ok()).isTrue();
            assertThat(((StatusReply) status).status().generation()).isEqualTo(1L);
            assertThat(server.getAttribute(name, "Generation")).isEqualTo(1L);

            plugin("alpha").version("v2").buildInto(plugins);
            assertThat(EndpointClient.send(TestHosts.socket(base), new Request(Command.RELOAD))).isInstanceOf(ReloadReply.class);
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v2");
        }
        assertThat(EndpointDirectory.under(base).hosts()).as("endpoint files removed on close").isEmpty();
        assertThat(server.isRegistered(name)).as("MBean unregistered on close").isFalse();
    }

    @Test
    void aSwapperClosedWhileItsManagementOpensLeavesNoSocketAndNoMBean() throws Exception {
        plugin("alpha").buildInto(plugins);
        ObjectName name = SwapperBean.objectName("closed early");
        Swapper swapper = inBackground("closed early").build();
        CompletableFuture<Void> ready = swapper.managementReady().toCompletableFuture();

        swapper.close();

        assertThat(ready).as("close waits for the opening to end").isDone();
        assertThat(EndpointDirectory.under(base).hosts()).isEmpty();
        assertThat(EndpointDirectory.under(base).dir().toFile().list()).isNullOrEmpty();
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void managementThatCannotOpenIsLoggedWithTheSwapperAndTheCauseAndThePluginsStillServe() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        RecordingLogger log = new RecordingLogger("twin");
        try (Swapper first = Swapper.builder(plugins).name("twin").jmx(true).build();
             Swapper second = inBackground("twin").logger(log).build()) {
            second.loadPlugins(events);

            assertThatThrownBy(() -> second.managementReady().toCompletableFuture().get(READY_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("io.hotswap:type=Swapper,name=twin");
            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("ERROR Swapper twin: cannot set up management")
                    .contains("cannot register MBean io.hotswap:type=Swapper,name=twin").contains("runs without management"));
            // All or nothing: the endpoint that did open is closed again.
            assertThat(EndpointDirectory.under(base).hosts()).isEmpty();
            assertThat(second.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v1");
            assertThat(second.invokeEach("version")).singleElement().satisfies(i -> assertThat(i.error()).isNull());
        }
    }

    @Test
    void withoutTheOptionManagementIsReadyWhenBuildReturns() throws Exception {
        plugin("alpha").buildInto(plugins);
        try (Swapper swapper = withEndpoint(plugins, base, "at once").build()) {
            assertThat(swapper.managementReady().toCompletableFuture()).isCompleted();
            assertThat(EndpointDirectory.under(base).hosts()).singleElement()
                    .satisfies(h -> assertThat(h.name()).isEqualTo("at once"));
        }
        try (Swapper none = Swapper.builder(plugins).name("no management").build()) {
            assertThat(none.managementReady().toCompletableFuture()).isCompleted();
        }
    }
}
