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
    void anEndpointThatClosesWithoutAnAnswerIsAnError() throws Exception {
        Path socket = refusingAtOnce("");

        assertThatThrownBy(() -> EndpointClient.exchange(socket, "x".repeat(8 << 20) + "\n", Duration.ofSeconds(60)))
                .isInstanceOf(IOException.class);
    }
}
