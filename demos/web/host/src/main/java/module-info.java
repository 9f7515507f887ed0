/**
 * The web demo's host: an HTTP server on the JDK's {@code jdk.httpserver} whose pages come from a
 * plugin. {@link io.hotswap.demo.web.PluginPages} is the handler, exported so that the web
 * benchmark serves through the same code.
 */
module io.hotswap.demo.web {
    requires transitive io.hotswap.demo.host;
    requires transitive jdk.httpserver;

    exports io.hotswap.demo.web;
}
