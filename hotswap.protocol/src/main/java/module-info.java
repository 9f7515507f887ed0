/**
 * What the hotswap runtime and the {@code hotswap} command share, and nothing else: the
 * management protocol (typed requests and replies, one codec, strict JSON), the directory where
 * hosts put their sockets, the live-index format that {@code hotswap build} writes and the
 * runtime reads, and the layout of a plugin bundle. It depends on no module but {@code java.base},
 * so the command loads neither the runtime, nor ClassGraph, nor JFR to send one line.
 *
 * @since 0.2
 */
module io.hotswap.protocol {
    exports io.hotswap.protocol;
    exports io.hotswap.protocol.endpoint;
    exports io.hotswap.protocol.live;
    exports io.hotswap.protocol.bundle;
}
