package io.hotswap.protocol.endpoint;

import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ProtocolException;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The client side of the management protocol: one request line, one reply line, per connection.
 *
 * @since 0.2
 */
public final class EndpointClient {

    private EndpointClient() {
    }

    /**
     * Sends {@code request} to the endpoint at {@code socket} and returns its reply, decoded.
     *
     * @throws IOException if the socket cannot be reached (no host, or not ours), closes early or
     *         sends a reply that is not of this protocol
     */
    public static Reply send(Path socket, Request request) throws IOException {
        String reply = exchange(socket, ProtocolCodec.encode(request) + "\n");
        try {
            return ProtocolCodec.decodeReply(reply);
        } catch (ProtocolException e) {
            throw new IOException("the endpoint at " + socket + " sent an unreadable reply: " + e.getMessage());
        }
    }

    /**
     * Sends raw text and returns the reply line as sent, stripped; for diagnostics and for tests of
     * what garbage gets.
     *
     * @throws IOException if the socket cannot be reached, or closes without a reply
     */
    public static String exchange(Path socket, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                ch.write(out);
            }
            ByteArrayOutputStream in = new ByteArrayOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            while (ch.read(buf) >= 0) {
                buf.flip();
                in.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
            String reply = in.toString(StandardCharsets.UTF_8).strip();
            if (reply.isEmpty()) {
                throw new IOException("the endpoint at " + socket + " closed without a reply");
            }
            return reply;
        }
    }
}
