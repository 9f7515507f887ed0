package io.hotswap.protocol.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against endpoints that answer before they read, or never answer. */
class EndpointClientTest {

    @TempDir
    Path dir;

    // Its own thread: on two cores the common pool may have one worker, busy elsewhere.
    private final ExecutorService server = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    /** An endpoint that accepts one connection, sends {@code reply} (if any) and closes without reading. */
    private Path refusingAtOnce(String reply) throws IOException {
        Path socket = dir.resolve("e.sock");
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        CompletableFuture.runAsync(() -> {
            try (listening; SocketChannel ch = listening.accept()) {
                if (!reply.isEmpty()) {
                    ch.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, server);
        return socket;
    }

    @Test
    void theAnswerOfAnEndpointThatClosedBeforeReadingTheRequestIsReadAll() throws Exception {
        Path socket = refusingAtOnce("{\"ok\":false,\"error\":\"busy\"}\n");

        // 8 MiB: more than the socket buffers hold, so the write is still going when the endpoint closes.
        String reply = EndpointClient.exchange(socket, "x".repeat(8 << 20) + "\n", Duration.ofSeconds(60));

        assertThat(reply).isEqualTo("{\"ok\":false,\"error\":\"busy\"}");
    }

    @Test
    void anEndpointThatNeverAnswersTimesOut() throws Exception {
        Path socket = dir.resolve("silent.sock");
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<SocketChannel> held = CompletableFuture.supplyAsync(() -> accept(listening), server);

            assertThatThrownBy(() -> EndpointClient.exchange(socket, "{\"command\":\"status\"}\n", Duration.ofSeconds(1)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("the host at " + socket + " did not answer within 1 s (a reload may still be running"
                            + " there: see 'hotswap status')");
            held.join().close();
        }
    }

    @Test
    void anEndpointWhoseBacklogIsFullTimesOutAsOneThatNeverAnswers() throws Exception {
        Path socket = dir.resolve("stuck.sock");
        List<SocketChannel> queued = new ArrayList<>();
        try (ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listening.bind(UnixDomainSocketAddress.of(socket), 1);
            // Never accepted: fill the backlog until a connect that does not block is refused.
            for (boolean full = false; !full; ) {
                SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
                ch.configureBlocking(false);
                queued.add(ch);
                try {
                    full = !ch.connect(UnixDomainSocketAddress.of(socket));
                } catch (IOException e) {
                    full = true;
                }
            }

            assertThatThrownBy(() -> EndpointClient.exchange(socket, "{\"command\":\"status\"}\n", Duration.ofSeconds(1)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("the host at " + socket + " did not answer within 1 s");
        } finally {
            for (SocketChannel ch : queued) {
                ch.close();
            }
        }
    }

    @Test
    void aSocketFileWithoutAnEndpointIsRefusedAtOnce() throws Exception {
        Path socket = dir.resolve("gone.sock");
        ServerSocketChannel listening = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        listening.bind(UnixDomainSocketAddress.of(socket));
        listening.close(); // the file stays, nobody listens: a host killed with SIGKILL

        // Refused, not waited on: a timeout of an hour would hang the test.
        assertThatThrownBy(() -> EndpointClient.exchange(socket, "{\"command\":\"status\"}\n", Duration.ofHours(1)))
                .isInstanceOf(IOException.class)
                .hasMessageNotContaining("did not answer");
    }

    private static SocketChannel accept(ServerSocketChannel listening) {
        try {
            return listening.accept();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEndpointThatClosesWithoutAnAnswerIsAnError() throws Exception {
        Path socket = refusingAtOnce("");

        assertThatThrownBy(() -> EndpointClient.exchange(socket, "x".repeat(8 << 20) + "\n", Duration.ofSeconds(60)))
                .isInstanceOf(IOException.class);
    }
}
