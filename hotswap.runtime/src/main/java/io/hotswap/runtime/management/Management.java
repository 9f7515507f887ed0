package io.hotswap.runtime.management;

import io.hotswap.protocol.endpoint.EndpointDirectory;
import io.hotswap.runtime.event.SwapperAttachment;
import io.hotswap.runtime.event.SwapperEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * The management side of one swapper: its management endpoint and its MBean, opened either in the
 * caller's thread or on a thread of their own, and closed together.
 *
 * <p><b>Why a thread of their own.</b> The platform MBean server is made on first use, with every
 * platform MXBean in it: about 700 classes and, in a freshly started JVM, a few hundred
 * milliseconds of CPU time; the endpoint another hundred classes. A host that opens them in the
 * background loads and calls its plugins first. The opening thread waits for {@link #begin()},
 * which the swapper calls when its first load has ended, so that on a machine with few cores it
 * does not compete with that load; it begins on its own after a second at most.
 * {@link #ready()} says when they are up.
 *
 * <p><b>Closing.</b> {@link #close()} waits for the opening thread (it runs for a fraction of a
 * second), then closes what it opened: a swapper closed right after it was built leaves no
 * socket, no sidecar and no MBean behind.
 */
public final class Management implements AutoCloseable, SwapperAttachment {

    private static final Duration OPENING_WAIT = Duration.ofSeconds(10);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(1);

    private final ManagedSwapper swapper;
    private final Request request;
    private final Logger log;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CountDownLatch begin = new CountDownLatch(1);
    private final Object lock = new Object();
    private ManagementEndpoint endpoint; // guarded by lock
    private SwapperBean bean;            // guarded by lock
    private boolean closed;              // guarded by lock
    private volatile Thread opener;      // set once, before the opening thread starts
    private volatile Path pluginDir;     // what the endpoint's sidecar says; the swapper's may change

    /**
     * What to open.
     *
     * @param endpointDirectory the directory of the endpoint's socket; {@code null}: no endpoint
     * @param jmx               whether to register the MBean
     * @param pluginDir         written to the endpoint's sidecar, for {@code hotswap hosts}
     * @param readTimeout       how long an endpoint client may take to send its request
     */
    public record Request(EndpointDirectory endpointDirectory, boolean jmx, Path pluginDir, Duration readTimeout) {
    }

    private Management(ManagedSwapper swapper, Request request, Logger log) {
        this.swapper = swapper;
        this.request = request;
        this.log = log;
        this.pluginDir = request.pluginDir();
    }

    /**
     * Opens the endpoint, then registers the MBean, in the caller's thread. If either fails,
     * whatever was opened is closed again.
     *
     * @throws IOException           if the endpoint cannot be opened
     * @throws IllegalStateException if an MBean of the swapper's name is already registered
     */
    public static Management open(ManagedSwapper swapper, Request request, Logger log) throws IOException {
        Management m = new Management(swapper, request, log);
        m.openParts();
        m.ready.complete(null);
        return m;
    }

    /**
     * Starts a daemon thread that opens the endpoint, then registers the MBean, once
     * {@link #begin()} is called or a second has passed, and returns at once. A failure is logged with the swapper's name and what could not be opened; whatever was
     * opened is closed again, {@link #ready()} completes with the failure, and the swapper goes on
     * serving its plugins without management.
     */
    public static Management openInBackground(ManagedSwapper swapper, Request request, Logger log) {
        Management m = new Management(swapper, request, log);
        Thread t = new Thread(m::openOrLog, "hotswap-management-" + swapper.name());
        t.setDaemon(true);
        m.opener = t;
        t.start();
        return m;
    }

    /**
     * The swapper reads another plugin directory now: the endpoint's sidecar says so, for
     * {@code hotswap hosts}, whether the endpoint is open already or opens later.
     */
    public void pluginDirChanged(Path dir) {
        pluginDir = dir;
        ManagementEndpoint e;
        synchronized (lock) {
            e = endpoint;
        }
        if (e != null) {
            try {
                e.describe(dir);
            } catch (IOException ex) {
                log.warn("Management endpoint of {}: cannot rewrite its sidecar with plugin directory {}",
                        swapper.name(), dir, ex);
            }
        }
    }

    /**
     * The first load ended: a background opening may begin. The plugin directory changed: the
     * sidecar says so. The swapper closes: the endpoint and the MBean go.
     */
    @Override
    public void on(SwapperEvent event) {
        if (event instanceof SwapperEvent.FirstLoadDone) {
            begin();
        } else if (event instanceof SwapperEvent.PluginDirChanged changed) {
            pluginDirChanged(changed.to());
        } else if (event instanceof SwapperEvent.Closing) {
            close();
        }
    }

    /** Lets a background opening begin now; the swapper calls it when its first load has ended. */
    public void begin() {
        begin.countDown();
    }

    /**
     * Completes once the endpoint listens and the MBean is registered (at once when opened in the
     * caller's thread); completes exceptionally with an {@link UncheckedIOException} or an
     * {@link IllegalStateException} naming the swapper if opening failed.
     */
    public CompletionStage<Void> ready() {
        return ready.minimalCompletionStage();
    }

    private void openOrLog() {
        try {
            begin.await(LONGEST_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            // Nothing interrupts this thread (close() counts the latch down): open now. The flag
            // stays clear, or the socket channel would refuse to open.
        }
        long start = System.nanoTime();
        try {
            openParts();
            synchronized (lock) {
                if (closed) {
                    ready.completeExceptionally(new IllegalStateException("Swapper " + swapper.name()
                            + " was closed while its management was opening"));
                    return;
                }
            }
            log.info("Management of {} ready ({}) in {} ms", swapper.name(), parts(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            ready.complete(null);
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("Swapper " + swapper.name()
                    + ": cannot open the management endpoint: " + e.getMessage(), e);
            log.error("{}; it runs without management", failure.getMessage(), e);
            ready.completeExceptionally(failure);
        } catch (RuntimeException | Error e) {
            log.error("Swapper {}: cannot set up management: {}; it runs without management", swapper.name(),
                    e.getMessage(), e);
            ready.completeExceptionally(e);
        }
    }

    private String parts() {
        if (request.endpointDirectory() != null && request.jmx()) {
            return "endpoint, MBean";
        }
        return request.jmx() ? "MBean" : "endpoint";
    }

    /** Opens the parts in turn; each one opened after {@link #close()} is closed at once. */
    private void openParts() throws IOException {
        try {
            synchronized (lock) {
                if (closed) {
                    return;
                }
            }
            if (request.endpointDirectory() != null) {
                ManagementEndpoint e = ManagementEndpoint.open(request.endpointDirectory(), swapper,
                        pluginDir, request.readTimeout(), log);
                synchronized (lock) {
                    endpoint = e;
                    if (closed) {
                        return;
                    }
                }
            }
            if (request.jmx()) {
                SwapperBean b = SwapperBean.register(swapper);
                synchronized (lock) {
                    bean = b;
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            closeParts();
            throw e;
        } finally {
            boolean closedMeanwhile;
            synchronized (lock) {
                closedMeanwhile = closed;
            }
            if (closedMeanwhile) {
                closeParts();
            }
        }
    }

    /**
     * Closes the endpoint (the socket and its files) and unregisters the MBean; first waits, up to
     * 10 s, for a background opening to finish.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        begin.countDown();
        Thread t = opener;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(OPENING_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                // It closes what it opens from now on: it sees closed.
                log.warn("Swapper {}: management still opening after {} s; closing without waiting", swapper.name(),
                        OPENING_WAIT.toSeconds());
            }
        }
        closeParts();
    }

    private void closeParts() {
        ManagementEndpoint e;
        SwapperBean b;
        synchronized (lock) {
            e = endpoint;
            b = bean;
            endpoint = null;
            bean = null;
        }
        if (e != null) {
            e.close();
        }
        if (b != null) {
            b.close();
        }
    }
}
