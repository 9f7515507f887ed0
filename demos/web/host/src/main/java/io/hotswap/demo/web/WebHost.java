package io.hotswap.demo.web;

import io.hotswap.demo.host.DemoHost;

/**
 * The web demo's host: serves HTTP on 127.0.0.1 (port {@code WEB_PORT}, default 8080; 0 picks a
 * free one) and answers every request with the {@code page} plugin's {@code invokeFunc("get",
 * path)}. {@code hotswap reload --host web} swaps the page while clients keep asking; no request
 * fails or waits for it.
 *
 * <p>Usage: {@code web <pluginDir> [name]}; the name (default {@code web}) is what
 * {@code hotswap reload --host} finds the host by.
 */
public final class WebHost {

    private static final int DEFAULT_PORT = 8080;
    private static final int REQUEST_THREADS = 8;

    private WebHost() {
    }

    public static void main(String[] args) {
        DemoHost demo = DemoHost.start(args, WebHost.class, "web", "web-unloads", b -> b,
                "serves http://127.0.0.1:$WEB_PORT/ (default 8080) from the page plugin;\n  reload it with: hotswap reload --host <name>");
        String port = System.getenv().getOrDefault("WEB_PORT", String.valueOf(DEFAULT_PORT));
        WebServer server = WebServer.start(demo.swapper(), "page", Integer.parseInt(port), REQUEST_THREADS, demo.log());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "web-shutdown"));
        demo.logLoaded("; serving " + server.uri());
        // The rounds do no work of their own here: after each, the host reports unloading.
        demo.everyRound(DemoHost.PACE, n -> { });
    }
}
