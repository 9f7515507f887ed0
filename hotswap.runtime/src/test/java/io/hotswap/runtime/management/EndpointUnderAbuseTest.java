package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static io.hotswap.runtime.management.TestHosts.withEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.protocol.Command;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.ProtocolCodec;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The endpoint against clients that send too much, or connect and send nothing. */
class EndpointUnderAbuseTest {

    @TempDir
    Path plugins;

    @TempDir
    Path base;

    private final Events events = new Events();

    @BeforeEach
    void onePluginToServe() {
        plugin("alpha").buildInto(plugins);
    }

    @Test
    void anOversizedRequestOf8MiBGetsTheErrorReplyBeforeTheConnectionCloses() throws Exception {
        // A read timeout that 8 MiB through a socket meets on a loaded machine too.
        try (Swapper swapper = withEndpoint(plugins, base, "host").managementReadTimeout(Duration.ofSeconds(30)).build()) {
            swapper.loadPlugins(events);
            Path socket = TestHosts.socket(base);

            String reply = EndpointClient.exchange(socket, "x".repeat(8 << 20) + "\n");

            assertThat(reply).contains("\"ok\":false").contains("request longer than 8192 bytes");
            assertThat(EndpointClient.send(socket, new Request(Command.STATUS))).isInstanceOf(StatusReply.class);
        }
    }

    @Test
    void anOversizedRequestThatEndsWithTheClientsOutputGetsTheErrorReplyToo() throws Exception {
        try (Swapper swapper = withEndpoint(plugins, base, "host").managementReadTimeout(Duration.ofSeconds(30)).build();
             SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            swapper.loadPlugins(events);
            ch.connect(UnixDomainSocketAddress.of(TestHosts.socket(base)));
            ByteBuffer out = ByteBuffer.wrap(new byte[1 << 20]); // zeros, no newline
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ch.shutdownOutput();

            assertThat(readAll(ch)).contains("\"ok\":false").contains("request longer than 8192 bytes");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void twoHundredIdleConnectionsLeaveStatusAnsweredAndAreClosedAfterTheReadTimeout() throws Exception {
        try (Swapper swapper = withEndpoint(plugins, base, "host").build()) {
            swapper.loadPlugins(events);
            Path socket = TestHosts.socket(base);
            try (IdleConnections idle = IdleConnections.open(socket, 200)) {
                assertThat(EndpointClient.send(socket, new Request(Command.STATUS))).isInstanceOf(StatusReply.class);

                // Each read returns once the endpoint closes the connection at its read timeout
                // (the test's own timeout bounds the wait if it never did).
                for (SocketChannel ch : idle.channels()) {
                    assertThat(ch.read(ByteBuffer.allocate(16))).as("closed without a reply").isEqualTo(-1);
                }
                assertThat(EndpointClient.send(socket, new Request(Command.STATUS))).isInstanceOf(StatusReply.class);
            }
        }
    }

    @Test
    void oneConnectionBeyondTheBoundIsToldBusyAndServedOnceOneLeaves() throws Exception {
        try (ManagementEndpoint endpoint = ManagementEndpoint.openWithLimit(EndpointDirectory.under(base), new Fake(),
                plugins, Duration.ofSeconds(60), 3, LoggerFactory.getLogger("test"));
             IdleConnections idle = IdleConnections.open(endpoint.socket(), 3)) {
            // Accepted in the order they connected: the three are waiting when this one comes.
                assertThat(EndpointClient.exchange(endpoint.socket(), ProtocolCodec.encode(new Request(Command.STATUS)) + "\n"))
                    .contains("\"ok\":false").contains("busy: 3 connections are waiting for their request");

            idle.channels().get(0).close();

            // The endpoint sees the close when its selector next runs: until then, busy.
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                Reply r = EndpointClient.send(endpoint.socket(), new Request(Command.STATUS));
                return r instanceof StatusReply;
            });
        }
    }

    /** Connections that connect and send nothing; closed together. */
    private record IdleConnections(List<SocketChannel> channels) implements AutoCloseable {

        static IdleConnections open(Path socket, int n) throws IOException {
            IdleConnections idle = new IdleConnections(new ArrayList<>());
            try {
                for (int i = 0; i < n; i++) {
                    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                    idle.channels.add(ch);
                    ch.connect(UnixDomainSocketAddress.of(socket));
                }
                return idle;
            } catch (IOException | RuntimeException e) {
                idle.close();
                throw e;
            }
        }

        @Override
        public void close() throws IOException {
            for (SocketChannel ch : channels) {
                ch.close();
            }
        }
    }

    private static String readAll(SocketChannel ch) throws IOException {
        StringBuilder sb = new StringBuilder();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (ch.read(buf) >= 0) {
            buf.flip();
            sb.append(java.nio.charset.StandardCharsets.UTF_8.decode(buf));
            buf.clear();
        }
        return sb.toString();
    }

    /** A swapper that only has a status. */
    private static final class Fake implements ManagedSwapper {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public HostStatus status() {
            return new HostStatus("fake", 1, "/plugins", 1, 0, false, List.of(), 0, 0, 0, 0, List.of(), Optional.empty());
        }

        @Override
        public Reply reload() {
            throw new AssertionError("nobody asks for a reload here");
        }
    }
}
