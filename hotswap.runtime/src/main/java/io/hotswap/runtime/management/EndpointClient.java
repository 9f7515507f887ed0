package io.hotswap.runtime.management;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** The client side of the management protocol: one request, one reply, per connection. */
public final class EndpointClient {

    private EndpointClient() {
    }

    /**
     * Sends {@code command} to the endpoint at {@code socket} and returns its reply, parsed.
     *
     * @throws IOException if the socket cannot be reached (no host, or not ours) or closes early
     */
    public static Map<String, Object> send(Path socket, ManagementCommand command) throws IOException {
        String reply = exchange(socket, RequestCodec.encode(command));
        try {
            return JsonReader.parseObject(reply);
        } catch (IllegalArgumentException e) {
            throw new IOException("the endpoint at " + socket + " sent an unreadable reply: " + e.getMessage(), e);
        }
    }

    /** Sends raw text and returns the reply line as sent; for tests of what garbage gets. */
    static String exchange(Path socket, String request) throws IOException {
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
