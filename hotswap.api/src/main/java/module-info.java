/**
 * The hotswap API: what plugins and hosts compile against.
 *
 * <p>A plugin is an explicit module that {@code requires io.hotswap.api} and
 * {@code provides io.hotswap.api.Plugin with} exactly one implementation.
 *
 * <p>The module holds no state: whatever belongs to one swapper (its live functions, its live
 * types) is reached through that swapper's {@link io.hotswap.api.Vault}, so two swappers in one
 * JVM, or two copies of the runtime, never see each other's.
 *
 * @since 0.1
 */
module io.hotswap.api {
    exports io.hotswap.api;
}
