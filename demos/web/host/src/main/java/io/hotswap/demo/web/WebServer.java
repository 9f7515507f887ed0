package io.hotswap.demo.web;

import com.sun.net.httpserver.HttpServer;
import io.hotswap.runtime.Swapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;

/**
 * The JDK's {@link HttpServer} on 127.0.0.1, serving {@link PluginPages} from a pool of threads,
 * with {@code TCP_NODELAY} on (the JDK server's {@code sun.net.httpserver.nodelay}): a small
 * response is sent at once instead of waiting for the client's acknowledgement.
 */
public final class WebServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;

    private WebServer(HttpServer server, ExecutorService threads) {
        this.server = server;
        this.threads = threads;
    }

    /**
     * Starts serving {@code plugin}'s pages of {@code swapper} on 127.0.0.1:{@code port} (0: any
     * free port) with {@code threads} request threads.
     */
    public static WebServer start(Swapper swapper, String plugin, int port, int threads, Logger log) {
        // Read by the JDK server when it is created; set before, for every server of this JVM.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "http");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(pool);
            server.createContext("/", new PluginPages(swapper, plugin, log));
            server.start();
            return new WebServer(server, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    /** Where it listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
