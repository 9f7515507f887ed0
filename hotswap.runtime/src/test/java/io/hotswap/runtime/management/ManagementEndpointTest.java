package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static io.hotswap.runtime.management.TestHosts.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.Command;
import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostEntry;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ReloadOutcome;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import io.hotswap.protocol.StatusReply;
import io.hotswap.protocol.endpoint.EndpointClient;
import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.fixtures.Events;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class ManagementEndpointTest {

    @TempDir
    Path plugins;

    @TempDir
    Path base;

    private final Events events = new Events();

    @Test
    void socketIsOwnerOnlyInAnOwnerOnlyDirectoryAndGoneAfterClose() throws Exception {
        plugin("alpha").buildInto(plugins);
        Path socket;
        Path sidecar;
        try (Swapper swapper = withEndpoint(plugins, base, "perm host").build()) {
            swapper.loadPlugins(events);
            HostEntry host = EndpointDirectory.under(base).hosts().get(0);
            socket = host.socket();
            sidecar = socket.resolveSibling(socket.getFileName().toString().replace(".sock", ".host"));

            assertThat(host.name()).isEqualTo("perm host");
            assertThat(host.pid()).isEqualTo(ProcessHandle.current().pid());
            assertThat(host.pluginDir()).isEqualTo(plugins);
            assertThat(socket.getFileName().toString()).isEqualTo("perm_host-" + host.pid() + ".sock");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                    .isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sidecar))).isEqualTo("rw-------");
        }
        assertThat(socket).doesNotExist();
        assertThat(sidecar).doesNotExist();
        assertThat(EndpointDirectory.under(base).hosts()).isEmpty();
    }

    @Test
    void theSidecarFollowsTheSwapperToANewPluginDirectory(@TempDir Path other) throws Exception {
        plugin("alpha").buildInto(plugins);
        try (Swapper swapper = withEndpoint(plugins, base, "mover").build()) {
            swapper.loadPlugins(null);
            assertThat(EndpointDirectory.under(base).hosts()).singleElement()
                    .satisfies(h -> assertThat(h.pluginDir()).isEqualTo(plugins));

            swapper.resetPluginDir(other);

            assertThat(EndpointDirectory.under(base).hosts()).as("what hotswap hosts lists").singleElement()
                    .satisfies(h -> assertThat(h.pluginDir()).isEqualTo(other));
        }
    }

    @Test
    void statusAndReloadAreAnsweredThroughTheSocket() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        try (Swapper swapper = withEndpoint(plugins, base, "host").build()) {
            swapper.loadPlugins(events);
            Path socket = TestHosts.socket(base);

            Reply status = EndpointClient.send(socket, new Request(Command.STATUS));
            assertThat(status.ok()).isTrue();
            HostStatus s = ((StatusReply) status).status();
            assertThat(s.generation()).isEqualTo(1L);
            assertThat(s.plugins()).singleElement()
                    .satisfies(p -> assertThat(p.name()).isEqualTo("alpha"));

            plugin("alpha").version("v2").buildInto(plugins);
            Reply reload = EndpointClient.send(socket, new Request(Command.RELOAD));

            assertThat(reload.ok()).isTrue();
            var details = ((ReloadReply) reload).details();
            assertThat(details.generation()).isEqualTo(2L);
            assertThat(details.outcomes()).isEqualTo(Map.of("alpha", ReloadOutcome.OK));
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v2");
            // The data of the first load went to the reloaded plugin's onLoad.
            assertThat(events.of("alpha")).contains("alpha:onLoad:v2");
        }
    }

    @Test
    void failedReloadRepliesWithPluginStepAndCauseAndTheOldGenerationServes() throws Exception {
        plugin("alpha").version("v1").buildInto(plugins);
        try (Swapper swapper = withEndpoint(plugins, base, "host").build()) {
            swapper.loadPlugins(events);
            plugin("alpha").version("v2").throwIn("onLoad").buildInto(plugins);

            Reply sent = EndpointClient.send(TestHosts.socket(base), new Request(Command.RELOAD));

            assertThat(sent.ok()).isFalse();
            ErrorReply reply = (ErrorReply) sent;
            assertThat(reply.plugin()).contains("alpha");
            assertThat(reply.step()).contains("onLoad()");
            assertThat(reply.error()).contains("alpha").contains("boom in onLoad");
            assertThat(swapper.current().number()).isEqualTo(1);
            assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v1");
        }
    }

    @Test
    void concurrentReloadRequestsRunOneAtATime() throws Exception {
        plugin("alpha").buildInto(plugins);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch allSent = new java.util.concurrent.CountDownLatch(3);
        try (Swapper swapper = withEndpoint(plugins, base, "busy").reloadCallback((next, old) -> {
            if (next.number() == 1) {
                return true; // the first load
            }
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            try {
                // Hold the first reload until every request is in flight, so they really overlap.
                allSent.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return true;
        }).build()) {
            swapper.loadPlugins(events);
            Path socket = TestHosts.socket(base);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    replies.add(pool.submit(() -> {
                        allSent.countDown();
                        return EndpointClient.send(socket, new Request(Command.RELOAD));
                    }));
                }
                java.util.Set<Object> generations = new java.util.HashSet<>();
                for (var r : replies) {
                    Reply reply = r.get(30, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(reply.ok()).isTrue();
                    generations.add(((ReloadReply) reply).details().generation());
                }
                assertThat(generations).containsExactlyInAnyOrder(2L, 3L, 4L);
                assertThat(most.get()).as("reloads never overlapped").isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void garbageOversizedAndHalfOpenRequestsDoNotStopTheEndpoint() throws Exception {
        plugin("alpha").buildInto(plugins);
        try (Swapper swapper = withEndpoint(plugins, base, "host").build()) {
            swapper.loadPlugins(events);
            Path socket = TestHosts.socket(base);

            assertThat(EndpointClient.exchange(socket, "hello there\n")).contains("\"ok\":false").contains("malformed");
            assertThat(EndpointClient.exchange(socket, "{\"command\":\"format-disk\"}\n"))
                    .contains("\"ok\":false").contains("unknown command 'format-disk'");
            assertThat(EndpointClient.exchange(socket, "{\"verb\":1}\n")).contains("no \\\"command\\\"");
            assertThat(EndpointClient.exchange(socket, "x".repeat(ProtocolCodec.MAX_REQUEST_BYTES + 100) + "\n"))
                    .contains("\"ok\":false").contains("longer than 8192 bytes");
            assertThat(EndpointClient.exchange(socket, "\u0000\u00ff\n")).contains("\"ok\":false");

            try (SocketChannel halfOpen = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                halfOpen.connect(UnixDomainSocketAddress.of(socket));
                halfOpen.write(ByteBuffer.wrap("{\"command\":".getBytes()));
                // While it hangs, others are served; after the read timeout it is dropped.
                assertThat(EndpointClient.send(socket, new Request(Command.STATUS))).isInstanceOf(StatusReply.class);
                ByteBuffer buf = ByteBuffer.allocate(16);
                assertThat(halfOpen.read(buf)).as("dropped without a reply after the read timeout").isEqualTo(-1);
            }

            assertThat(EndpointClient.send(socket, new Request(Command.STATUS))).isInstanceOf(StatusReply.class);
        }
    }

    @Test
    void filesOfADeadHostAreCleanedUpAndNotListed() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        EndpointDirectory dir = EndpointDirectory.under(base);
        dir.create();
        Path deadSocket = dir.socket("dead", gone.pid());
        Files.createFile(deadSocket);
        dir.describe(new HostEntry("dead", gone.pid(), plugins, deadSocket, java.util.Optional.of("2000-01-01T00:00:00Z")));
        plugin("alpha").buildInto(plugins);

        try (Swapper swapper = withEndpoint(plugins, base, "alive").build()) {
            assertThat(dir.hosts()).extracting(HostEntry::name).containsExactly("alive");
            assertThat(deadSocket).doesNotExist();
            assertThat(dir.sidecar("dead", gone.pid())).doesNotExist();
        }
    }

    @Test
    void aSecondSwapperOfTheSameNameInOneProcessIsRefused() throws Exception {
        plugin("alpha").buildInto(plugins);
        try (Swapper first = withEndpoint(plugins, base, "twin").build()) {
            assertThatThrownBy(() -> withEndpoint(plugins, base, "twin").build())
                    .hasMessageContaining("twin").hasMessageContaining("already has an endpoint");
            assertThat(EndpointClient.send(TestHosts.socket(base), new Request(Command.STATUS))).isInstanceOf(StatusReply.class);
        }
    }

    @Test
    void theServerRefusesAPeerThatIsNotTheAllowedUser() throws Exception {
        ManagedSwapper fake = new ManagedSwapper() {
            @Override public String name() {
                return "fake";
            }

            @Override public HostStatus status() {
                throw new AssertionError("a refused peer must not get the status");
            }

            @Override public Reply reload() {
                throw new AssertionError("a refused peer must not reload");
            }
        };
        try (ManagementEndpoint endpoint = ManagementEndpoint.openFor(EndpointDirectory.under(base), fake, plugins,
                Duration.ofSeconds(1), "somebody-else", LoggerFactory.getLogger("test"))) {
            String reply = EndpointClient.exchange(endpoint.socket(), "{\"command\":\"reload\"}\n");

            assertThat(reply).contains("\"ok\":false").contains("refused")
                    .contains("user " + System.getProperty("user.name") + " is not the owner (somebody-else)");
        }
    }

    @Test
    void directoryOfAnotherUserIsRefused() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "giving a directory to another user needs root");
        Path dir = EndpointDirectory.under(base).dir();
        Files.createDirectories(dir);
        Files.setOwner(dir, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertThatThrownBy(() -> EndpointDirectory.under(base).create())
                .isInstanceOf(IOException.class).hasMessageContaining("belongs to nobody");
    }
}
