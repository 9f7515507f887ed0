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
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client side of the management protocol: one request line, one reply line, per connection.
 *
 * @since 0.2
 */
public final class EndpointClient {

    /** How long a request waits for its reply unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    // One daemon timer for every request's deadline.
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hotswap-client-timeout");
        t.setDaemon(true);
        return t;
    });

    private EndpointClient() {
    }

    /**
     * Sends {@code request} to the endpoint at {@code socket} and returns its reply, decoded.
     *
     * @throws IOException if the socket cannot be reached (no host, or not ours), closes early or
     *         sends a reply that is not of this protocol
     */
    public static Reply send(Path socket, Request request) throws IOException {
        return send(socket, request, DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #send(Path, Request)}, waiting at most {@code timeout} for the reply.
     *
     * @throws IOException also if no reply came within {@code timeout}
     */
    public static Reply send(Path socket, Request request, Duration timeout) throws IOException {
        String reply = exchange(socket, ProtocolCodec.encode(request) + "\n", timeout);
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
        return exchange(socket, request, DEFAULT_TIMEOUT);
    }

    /**
     * As {@link #exchange(Path, String)}, waiting at most {@code timeout} from the connect to the
     * end of the reply: a blocking socket has no read timeout, so a timer closes the channel.
     */
    public static String exchange(Path socket, String request, Duration timeout) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> deadline = TIMER.schedule(() -> {
                timedOut.set(true); // before the close: the waiting thread reads it when the close wakes it
                try {
                    ch.close();
                } catch (IOException e) {
                    // closing to end a wait: nothing more to do
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                return exchange(ch, socket, request);
            } catch (ClosedChannelException e) {
                if (!timedOut.get()) {
                    throw e;
                }
                throw new IOException("the host at " + socket + " did not answer within " + timeout.toSeconds()
                        + " s (a reload may still be running there: see 'hotswap status')", e);
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static String exchange(SocketChannel ch, Path socket, String request) throws IOException {
        ch.connect(UnixDomainSocketAddress.of(socket));
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
        IOException unsent = null;
        try {
            while (out.hasRemaining()) {
                ch.write(out);
            }
        } catch (IOException e) {
            // An endpoint that refuses at once (busy, or not the allowed user) answers and closes
            // before it has read the request: the write then breaks the pipe, but the answer it sent
            // is still there to read. Only when there is none is the write's failure the error.
            unsent = e;
        }
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (ch.read(buf) >= 0) {
                buf.flip();
                in.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
        } catch (IOException e) {
            if (unsent == null || in.size() == 0) {
                throw unsent != null ? unsent : e;
            }
        }
        String reply = in.toString(StandardCharsets.UTF_8).strip();
        if (reply.isEmpty()) {
            if (unsent != null) {
                throw unsent;
            }
            throw new IOException("the endpoint at " + socket + " closed without a reply");
        }
        return reply;
    }
}
