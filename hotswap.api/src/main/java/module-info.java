/**
 * The hotswap API: what plugins and hosts compile against.
 *
 * <p>A plugin is an explicit module that {@code requires io.hotswap.api} and
 * {@code provides io.hotswap.api.Plugin with} exactly one implementation.
 *
 * @since 0.1
 */
module io.hotswap.api {
    exports io.hotswap.api;
    // Only the runtime may serve LiveData (it alone can open plugin packages to itself).
    exports io.hotswap.api.spi to io.hotswap.runtime;
}
