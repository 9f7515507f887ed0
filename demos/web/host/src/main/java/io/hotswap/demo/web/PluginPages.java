package io.hotswap.demo.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hotswap.runtime.Generation;
import io.hotswap.runtime.PluginHandle;
import io.hotswap.runtime.Swapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Answers every request with what the current version of one plugin makes of its path:
 * {@code invokeFunc("get", path)}, sent as {@code text/plain}. Each request looks the plugin up in
 * {@link Swapper#current()}: a request that started before a reload finishes on the version it
 * started on, the next one runs the new version, and none waits for the reload.
 *
 * <p>{@code 503} when no such plugin is loaded, {@code 500} when it throws; a failing version is
 * logged once per generation, not once per request.
 */
public final class PluginPages implements HttpHandler {

    private final Swapper swapper;
    private final String plugin;
    private final Logger log;
    /** The last generation whose failure was logged: one line per generation, however many requests fail. */
    private final AtomicLong loggedFailureOf = new AtomicLong(-1);

    public PluginPages(Swapper swapper, String plugin, Logger log) {
        this.swapper = swapper;
        this.plugin = plugin;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Generation g = swapper.current();
            Optional<PluginHandle> page = g.find(plugin);
            if (page.isEmpty()) {
                send(exchange, 503, "no plugin " + plugin + " is loaded in generation " + g.number() + "\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Object body;
            try {
                body = page.get().invokeFunc("get", path);
            } catch (Exception e) {
                if (loggedFailureOf.getAndSet(g.number()) != g.number()) {
                    log.warn("Plugin {} failed on {} in generation {} (logged once per generation): {}", plugin, path,
                            g.number(), e.toString());
                }
                send(exchange, 500, "plugin " + plugin + " failed: " + e + "\n");
                return;
            }
            send(exchange, 200, String.valueOf(body));
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
