package io.hotswap.protocol.endpoint;

import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ProtocolException;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
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
     * end of the reply.
     *
     * <p>A channel in blocking mode has no read timeout, so the channel is non-blocking and a
     * selector waits for it with the time left: no thread is started for the deadline, which a
     * short-lived {@code hotswap reload} would pay at every start (benchmarks/NOTES.md). A Unix
     * socket connects at once or not at all without blocking (a host whose backlog is full, one
     * that is gone); then the connect is made in blocking mode, as before, with a timer thread to
     * end its wait, so such a host still fails the same way.
     */
    public static String exchange(Path socket, String request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.configureBlocking(false);
            boolean connected;
            try {
                connected = ch.connect(UnixDomainSocketAddress.of(socket));
            } catch (SocketException e) {
                connected = false; // refused or would block: the blocking connect below says which
            }
            if (connected) {
                try (Selector selector = Selector.open()) {
                    return exchange(ch, new Deadline(selector, ch.register(selector, 0), deadline, socket, timeout),
                            socket, request);
                }
            }
        }
        return exchangeBlocking(socket, request, timeout);
    }

    /** Waits for a non-blocking channel until the exchange's deadline. */
    private record Deadline(Selector selector, SelectionKey key, long at, Path socket, Duration timeout) {

        /** Waits until the channel is ready for {@code ops}; throws the timeout's error once the time is up. */
        void await(int ops) throws IOException {
            key.interestOps(ops);
            while (true) {
                long left = at - System.nanoTime();
                if (left <= 0) {
                    throw timedOut(socket, timeout, null);
                }
                // select(0) would wait for ever: at least 1 ms.
                if (selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))) > 0) {
                    selector.selectedKeys().clear();
                    return;
                }
            }
        }
    }

    private static TimedOut timedOut(Path socket, Duration timeout, Throwable cause) {
        return new TimedOut("the host at " + socket + " did not answer within " + timeout.toSeconds()
                + " s (a reload may still be running there: see 'hotswap status')", cause);
    }

    /** No reply within the timeout; not taken for the failure of a write that the endpoint's answer explains. */
    private static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The exchange on a blocking channel, a timer closing it at the deadline; for a connect that did not complete at once. */
    private static String exchangeBlocking(Path socket, String request, Duration timeout) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> deadline = Timer.TIMER.schedule(() -> {
                timedOut.set(true); // before the close: the waiting thread reads it when the close wakes it
                try {
                    ch.close();
                } catch (IOException e) {
                    // closing to end a wait: nothing more to do
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return exchange(ch, null, socket, request);
            } catch (ClosedChannelException e) {
                if (!timedOut.get()) {
                    throw e;
                }
                throw timedOut(socket, timeout, e);
            } finally {
                deadline.cancel(false);
            }
        }
    }

    /** One daemon timer for the deadlines of blocking exchanges, made on the first. */
    private static final class Timer {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotswap-client-timeout");
            t.setDaemon(true);
            return t;
        });
    }

    /** Writes the request and reads the reply on a connected channel: non-blocking, waiting on {@code deadline}, or blocking if that is null. */
    private static String exchange(SocketChannel ch, Deadline deadline, Path socket, String request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
        IOException unsent = null;
        try {
            while (out.hasRemaining()) {
                if (ch.write(out) == 0 && deadline != null) {
                    deadline.await(SelectionKey.OP_WRITE);
                }
            }
        } catch (TimedOut e) {
            throw e;
        } catch (IOException e) {
            // An endpoint that refuses at once (busy, or not the allowed user) answers and closes
            // before it has read the request: the write then breaks the pipe, but the answer it sent
            // is still there to read. Only when there is none is the write's failure the error.
            unsent = e;
        }
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            for (int n; (n = ch.read(buf)) >= 0; ) {
                if (n == 0 && deadline != null) {
                    deadline.await(SelectionKey.OP_READ);
                    continue;
                }
                buf.flip();
                in.write(buf.array(), 0, buf.limit());
                buf.clear();
            }
        } catch (TimedOut e) {
            throw e;
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
