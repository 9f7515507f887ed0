package io.hotswap.runtime.management;

import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostEntry;
import io.hotswap.protocol.LeaksReply;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ProtocolException;
import io.hotswap.protocol.Reply;
import io.hotswap.protocol.Request;
import io.hotswap.protocol.StatusReply;
import io.hotswap.protocol.endpoint.EndpointDirectory;
import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.slf4j.Logger;

/**
 * A swapper's management endpoint: a Unix-domain socket in the user's {@link EndpointDirectory}
 * that answers one request per connection, in the protocol of {@link ProtocolCodec}.
 *
 * <p><b>Who may connect.</b> The directory is 0700 and the socket 0600, which the kernel enforces
 * on {@code connect()}: that is the guard. On top of it the server reads the peer's credentials
 * ({@code SO_PEERCRED}, Linux) and refuses any user but the directory's owner, in case the
 * directory was loosened by hand. Where the JDK cannot read peer credentials (other systems),
 * the permissions alone guard the socket.
 *
 * <p><b>Robustness.</b> Request lines are read by one selector thread, without a thread per
 * connection, so idle connections cost a buffer each and no thread: at most
 * {@value #MAX_PENDING} may wait for their request line at once (one more is answered "busy"), each
 * for the read timeout, after which it is closed without a reply. A complete line goes to one of
 * {@value #MAX_ANSWERING} worker threads. Garbage gets an error reply; an oversized line is read
 * away (up to {@value #MAX_DISCARD} bytes) and then gets its error reply, since closing a Unix socket
 * with unread input resets the connection and the client would never see why. Reloads are
 * serialized by the swapper's lock, so a second reload waits for the first.
 */
public final class ManagementEndpoint implements AutoCloseable {

    // Requests answered at once; a reload holds its worker until the swapper's lock lets it run.
    private static final int MAX_ANSWERING = 4;
    // Connections waiting for their request line; 8 KiB of buffer each at most, 2 MiB in all.
    static final int MAX_PENDING = 256;
    // How much of an oversized request is read away before the reply (a request is 8 KiB at most).
    static final long MAX_DISCARD = 16L << 20;

    private final EndpointDirectory directory;
    private final ManagedSwapper swapper;
    private final Logger log;
    private final long pid = ProcessHandle.current().pid();
    private final Path socket;
    private final ServerSocketChannel server;
    private final Duration readTimeout;
    private final String allowedUser;
    private final int maxPending;
    private final ThreadPoolExecutor workers;
    private final Selector selector;
    private final Thread acceptor;
    // The connections waiting for their request line, oldest first, so also by deadline; only the
    // selector thread touches it.
    private final Set<Pending> pending = new LinkedHashSet<>();
    private volatile boolean open = true;

    /** A connection whose request line is being read, and by when it must have come. */
    private record Pending(SocketChannel client, RequestLine line, Optional<String> refusal, long deadline) {
    }

    private ManagementEndpoint(EndpointDirectory directory, ManagedSwapper swapper, Path pluginDir, Duration readTimeout,
                               Optional<String> allowedUser, int maxPending, Logger log) throws IOException {
        this.directory = directory;
        this.maxPending = maxPending;
        this.swapper = swapper;
        this.log = log;
        this.readTimeout = readTimeout;
        Path dir = directory.create();
        directory.hosts(); // sweeps the files of dead hosts
        this.socket = directory.socket(swapper.name(), pid);
        if (Files.exists(socket)) {
            throw new IOException("a swapper named " + swapper.name() + " in this process already has an endpoint at "
                    + socket);
        }
        this.allowedUser = allowedUser.orElse(Files.getOwner(dir).getName());
        this.server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        Selector opened = null;
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            directory.restrictToOwner(socket);
            describe(pluginDir);
            server.configureBlocking(false);
            opened = Selector.open();
            server.register(opened, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            server.close();
            directory.remove(swapper.name(), pid);
            throw e;
        }
        this.selector = opened;
        String name = swapper.name();
        this.workers = new ThreadPoolExecutor(0, MAX_ANSWERING, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("hotswap-endpoint-" + name));
        this.acceptor = daemon("hotswap-endpoint-accept-" + name).newThread(this::selectLoop);
        acceptor.start();
        log.info("Management endpoint of {} listening on {}", name, socket);
    }

    /** Writes the sidecar that {@code hotswap hosts} reads, again when the plugin directory changes. */
    void describe(Path pluginDir) throws IOException {
        directory.describe(new HostEntry(swapper.name(), pid, pluginDir, socket,
                ProcessHandle.current().info().startInstant().map(Object::toString)));
    }

    /**
     * Opens the endpoint of {@code swapper} and writes its sidecar.
     *
     * @param readTimeout how long a client may take to send its request line
     * @throws IOException if the directory or the socket cannot be made
     */
    public static ManagementEndpoint open(EndpointDirectory directory, ManagedSwapper swapper, Path pluginDir,
                                          Duration readTimeout, Logger log) throws IOException {
        return new ManagementEndpoint(directory, swapper, pluginDir, readTimeout, Optional.empty(), MAX_PENDING, log);
    }

    /** As {@link #open}, with another bound on waiting connections: lets a test reach it. */
    static ManagementEndpoint openWithLimit(EndpointDirectory directory, ManagedSwapper swapper, Path pluginDir,
                                            Duration readTimeout, int maxPending, Logger log) throws IOException {
        return new ManagementEndpoint(directory, swapper, pluginDir, readTimeout, Optional.empty(), maxPending, log);
    }

    /** As {@link #open}, accepting only {@code user} as peer: lets a test see the peer check refuse. */
    static ManagementEndpoint openFor(EndpointDirectory directory, ManagedSwapper swapper, Path pluginDir,
                                      Duration readTimeout, String user, Logger log) throws IOException {
        return new ManagementEndpoint(directory, swapper, pluginDir, readTimeout, Optional.of(user), MAX_PENDING, log);
    }

    /** The socket file. */
    public Path socket() {
        return socket;
    }

    /**
     * The selector thread: accepts connections, reads their request lines as bytes arrive, closes
     * those past their deadline, and hands complete lines to the workers.
     */
    private void selectLoop() {
        try {
            while (open) {
                selector.select(closeExpired());
                List<Pending> complete = new ArrayList<>();
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        read(key, complete);
                    }
                }
                if (!complete.isEmpty()) {
                    // A channel is deregistered only at the next selection after its key was
                    // cancelled, and only then can it be made blocking again for the worker.
                    selector.selectNow();
                    complete.forEach(this::dispatch);
                }
            }
        } catch (ClosedSelectorException e) {
            // closed: stop
        } catch (IOException | RuntimeException e) {
            if (open) {
                log.error("Management endpoint of {}: the selector failed; the endpoint stops serving", swapper.name(), e);
            }
        } finally {
            pending.forEach(p -> closeQuietly(p.client()));
            pending.clear();
            try {
                selector.close();
            } catch (IOException e) {
                log.debug("Management endpoint of {}: closing the selector failed", swapper.name(), e);
            }
        }
    }

    private void accept() {
        SocketChannel client;
        try {
            client = server.accept();
        } catch (ClosedChannelException e) {
            return;
        } catch (IOException e) {
            if (open) {
                log.warn("Management endpoint of {}: accept failed; going on", swapper.name(), e);
            }
            return;
        }
        if (client == null) {
            return;
        }
        if (pending.size() >= maxPending) {
            log.warn("Management endpoint of {}: {} connections wait for their request; refused one more",
                    swapper.name(), maxPending);
            busy(client, maxPending + " connections are waiting for their request");
            return;
        }
        try {
            client.configureBlocking(false);
            Pending p = new Pending(client, new RequestLine(ProtocolCodec.MAX_REQUEST_BYTES, MAX_DISCARD), refusal(client),
                    System.nanoTime() + readTimeout.toNanos());
            client.register(selector, SelectionKey.OP_READ, p);
            pending.add(p);
        } catch (IOException e) {
            log.debug("Management endpoint of {}: client went away right after connecting", swapper.name());
            closeQuietly(client);
        }
    }

    private void read(SelectionKey key, List<Pending> complete) {
        Pending p = (Pending) key.attachment();
        try {
            if (!p.line().readFrom(p.client())) {
                return;
            }
        } catch (IOException e) {
            log.debug("Management endpoint of {}: client went away while sending its request", swapper.name());
            pending.remove(p);
            key.cancel();
            closeQuietly(p.client());
            return;
        }
        pending.remove(p);
        key.cancel();
        complete.add(p);
    }

    /** Closes the connections past their deadline; returns the milliseconds until the next one (0: none). */
    private long closeExpired() {
        long now = System.nanoTime();
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            long left = p.deadline() - now;
            if (left > 0) {
                return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
            it.remove();
            closeQuietly(p.client()); // also cancels its key
            log.debug("Management endpoint of {}: client sent no request within {} ms; dropped",
                    swapper.name(), readTimeout.toMillis());
        }
        return 0;
    }

    private void dispatch(Pending p) {
        try {
            p.client().configureBlocking(true);
        } catch (IOException e) {
            closeQuietly(p.client());
            return;
        }
        try {
            workers.execute(() -> serve(p));
        } catch (RejectedExecutionException e) {
            busy(p.client(), MAX_ANSWERING + " requests are being served");
        }
    }

    private void busy(SocketChannel client, String why) {
        reply(client, ErrorReply.of("busy: " + why + "; try again"));
        closeQuietly(client);
    }

    private void serve(Pending p) {
        SocketChannel client = p.client();
        // Not try-with-resources: its close would run before the catch clauses that reply.
        try {
            if (p.refusal().isPresent()) {
                log.warn("Management endpoint of {}: refused a connection: {}", swapper.name(), p.refusal().get());
                // The request was read first (and is ignored): closing on a peer that has not
                // written yet would fail its write with a broken pipe, and it would never see why.
                try {
                    p.line().line();
                } catch (BadRequestException e) {
                    // refused whatever it asked
                }
                reply(client, ErrorReply.of("refused: " + p.refusal().get()));
                return;
            }
            reply(client, answer(ProtocolCodec.decodeRequest(p.line().line())));
        } catch (BadRequestException | ProtocolException e) {
            log.warn("Management endpoint of {}: bad request: {}", swapper.name(), e.getMessage());
            reply(client, ErrorReply.of(e.getMessage()));
        } catch (EOFException e) {
            log.debug("Management endpoint of {}: client closed without a request", swapper.name());
        } catch (RuntimeException e) {
            log.warn("Management endpoint of {}: request failed; still serving", swapper.name(), e);
        } finally {
            closeQuietly(client);
        }
    }

    private Reply answer(Request request) {
        return switch (request.command()) {
            case STATUS -> new StatusReply(swapper.status());
            case LEAKS -> {
                log.info("Management endpoint of {}: leak paths requested (a heap dump)", swapper.name());
                try {
                    yield new LeaksReply(swapper.leakPaths());
                } catch (RuntimeException e) {
                    log.warn("Management endpoint of {}: leak paths failed", swapper.name(), e);
                    yield ErrorReply.of("leak paths failed: " + e.getMessage());
                }
            }
            case RELOAD -> {
                log.info("Management endpoint of {}: reload requested", swapper.name());
                try {
                    yield swapper.reload();
                } catch (RuntimeException e) {
                    // The reply says what happened without the exception's class; the log has the trace.
                    log.error("Management endpoint of {}: reload failed unexpectedly", swapper.name(), e);
                    yield ErrorReply.of("reload failed: " + (e.getMessage() == null
                            ? "an unexpected error, see the host's log" : e.getMessage()));
                }
            }
        };
    }

    /** Why this peer may not talk to us, if it may not. */
    private Optional<String> refusal(SocketChannel client) {
        UnixDomainPrincipal peer;
        try {
            peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
        } catch (UnsupportedOperationException | IOException e) {
            // No peer credentials on this system: the 0700 directory and the 0600 socket guard it.
            return Optional.empty();
        }
        UserPrincipal user = peer.user();
        if (user.getName().equals(allowedUser)) {
            return Optional.empty();
        }
        return Optional.of("user " + user.getName() + " is not the owner (" + allowedUser + ") of this endpoint");
    }

    private void reply(SocketChannel client, Reply reply) {
        ByteBuffer out = ByteBuffer.wrap((ProtocolCodec.encode(reply) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (out.hasRemaining()) {
                client.write(out);
            }
            client.shutdownOutput();
            discardUnread(client);
        } catch (IOException e) {
            log.debug("Management endpoint of {}: client went away before the reply", swapper.name());
        }
    }

    /**
     * Closing a Unix socket with unread input resets the connection, and the client would lose the
     * reply: read away what a refused or oversized request left, without waiting for more.
     */
    private static void discardUnread(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        ByteBuffer sink = ByteBuffer.allocate(8192);
        for (int i = 0; i < 16; i++) {
            sink.clear();
            if (client.read(sink) <= 0) {
                return;
            }
        }
    }

    private static void closeQuietly(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            // closing to unblock a read: nothing more to do
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops serving and removes the socket and sidecar files. */
    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            log.debug("Management endpoint of {}: closing the socket failed", swapper.name(), e);
        }
        selector.wakeup(); // the selector thread sees open == false, closes what waits and stops
        workers.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            directory.remove(swapper.name(), pid);
        } catch (IOException e) {
            log.warn("Management endpoint of {}: could not remove {}", swapper.name(), socket, e);
        }
        log.info("Management endpoint of {} closed", swapper.name());
    }
}
