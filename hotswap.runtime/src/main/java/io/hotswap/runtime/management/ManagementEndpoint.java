package io.hotswap.runtime.management;

import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostEntry;
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
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
 * <p><b>Robustness.</b> A request is read with a deadline and a size bound; garbage, oversized
 * lines and half-open connections get an error reply or are dropped, and the endpoint keeps
 * serving. A few connections are served at once; reloads are serialized by the swapper's lock, so
 * a second reload waits for the first.
 */
public final class ManagementEndpoint implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 4;

    private final EndpointDirectory directory;
    private final ManagedSwapper swapper;
    private final Logger log;
    private final long pid = ProcessHandle.current().pid();
    private final Path socket;
    private final ServerSocketChannel server;
    private final Duration readTimeout;
    private final String allowedUser;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService deadlines;
    private final Thread acceptor;
    private volatile boolean open = true;

    private ManagementEndpoint(EndpointDirectory directory, ManagedSwapper swapper, Path pluginDir, Duration readTimeout,
                               Optional<String> allowedUser, Logger log) throws IOException {
        this.directory = directory;
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
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            directory.restrictToOwner(socket);
            describe(pluginDir);
        } catch (IOException | RuntimeException e) {
            server.close();
            directory.remove(swapper.name(), pid);
            throw e;
        }
        String name = swapper.name();
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon("hotswap-endpoint-" + name));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("hotswap-endpoint-deadline-" + name));
        this.acceptor = daemon("hotswap-endpoint-accept-" + name).newThread(this::acceptLoop);
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
        return new ManagementEndpoint(directory, swapper, pluginDir, readTimeout, Optional.empty(), log);
    }

    /** As {@link #open}, accepting only {@code user} as peer: lets a test see the peer check refuse. */
    static ManagementEndpoint openFor(EndpointDirectory directory, ManagedSwapper swapper, Path pluginDir,
                                      Duration readTimeout, String user, Logger log) throws IOException {
        return new ManagementEndpoint(directory, swapper, pluginDir, readTimeout, Optional.of(user), log);
    }

    /** The socket file. */
    public Path socket() {
        return socket;
    }

    private void acceptLoop() {
        while (open) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                if (open) {
                    log.warn("Management endpoint of {}: accept failed; going on", swapper.name(), e);
                }
                continue;
            }
            try {
                workers.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                reply(client, ErrorReply.of("busy: " + MAX_CONNECTIONS + " requests are being served; try again"));
                closeQuietly(client);
            }
        }
    }

    private void serve(SocketChannel client) {
        // Not try-with-resources: its close would run before the catch clauses that reply.
        try {
            Optional<String> refused = refusal(client);
            if (refused.isPresent()) {
                log.warn("Management endpoint of {}: refused a connection: {}", swapper.name(), refused.get());
                // Read the request first (and ignore it): closing on a peer that has not written
                // yet would fail its write with a broken pipe, and it would never see why.
                try {
                    readRequest(client);
                } catch (BadRequestException e) {
                    // refused whatever it asked
                }
                reply(client, ErrorReply.of("refused: " + refused.get()));
                return;
            }
            reply(client, answer(ProtocolCodec.decodeRequest(readRequest(client))));
        } catch (BadRequestException | ProtocolException e) {
            log.warn("Management endpoint of {}: bad request: {}", swapper.name(), e.getMessage());
            reply(client, ErrorReply.of(e.getMessage()));
        } catch (EOFException | ClosedChannelException e) {
            log.debug("Management endpoint of {}: client sent no request within {} ms; dropped",
                    swapper.name(), readTimeout.toMillis());
        } catch (IOException | RuntimeException e) {
            log.warn("Management endpoint of {}: request failed; still serving", swapper.name(), e);
        } finally {
            closeQuietly(client);
        }
    }

    /** One request line, within the read timeout (the connection is closed when it passes). */
    private String readRequest(SocketChannel client) throws IOException, BadRequestException {
        ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(client),
                readTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return RequestLine.read(client, ProtocolCodec.MAX_REQUEST_BYTES);
        } finally {
            deadline.cancel(false);
        }
    }

    private Reply answer(Request request) {
        return switch (request.command()) {
            case STATUS -> new StatusReply(swapper.status());
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
        workers.shutdownNow();
        deadlines.shutdownNow();
        try {
            directory.remove(swapper.name(), pid);
        } catch (IOException e) {
            log.warn("Management endpoint of {}: could not remove {}", swapper.name(), socket, e);
        }
        log.info("Management endpoint of {} closed", swapper.name());
    }
}
