package io.hotswap.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A management endpoint that answers one request with a fixed reply line: for replies that a real
 * host of this runtime cannot send yet (a plugin bundle's libraries). It keeps the request line.
 */
final class CannedEndpoint implements AutoCloseable {

    private final ServerSocketChannel server;
    private final CompletableFuture<String> request = new CompletableFuture<>();

    private CannedEndpoint(ServerSocketChannel server) {
        this.server = server;
    }

    /** Listens at {@code socket} and answers the first connection with {@code reply}. */
    static CannedEndpoint answering(Path socket, String reply) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        CannedEndpoint endpoint = new CannedEndpoint(server);
        Thread t = new Thread(() -> endpoint.answer(reply), "canned-endpoint");
        t.setDaemon(true);
        t.start();
        return endpoint;
    }

    /** Listens at {@code socket}, reads the first request and never answers (a host stuck in a reload). */
    static CannedEndpoint silent(Path socket) throws IOException {
        return answering(socket, null);
    }

    private void answer(String reply) {
        try (SocketChannel ch = server.accept()) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(1);
            while (ch.read(buf) > 0 && buf.get(0) != '\n') {
                line.write(buf.get(0));
                buf.clear();
            }
            request.complete(line.toString(StandardCharsets.UTF_8));
            if (reply == null) {
                // keep the connection open and say nothing until the client gives up (it closes)
                while (ch.read(ByteBuffer.allocate(1)) >= 0) {
                    // nothing to read but the close
                }
                return;
            }
            ch.write(ByteBuffer.wrap((reply + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            request.completeExceptionally(e);
        }
    }

    /** The request line the endpoint was sent, once it answered. */
    String request() throws Exception {
        return request.get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
