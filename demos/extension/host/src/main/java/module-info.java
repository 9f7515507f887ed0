/**
 * The extension demo's host. It exports only its extension type, so that plugins can fill it;
 * the host's own package stays internal.
 */
module io.hotswap.demo.extension {
    requires io.hotswap.demo.host;

    exports io.hotswap.demo.extension.spi;
}
