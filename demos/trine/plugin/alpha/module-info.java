/** The trine demo's base plugin: exports the Alpha service that beta uses. */
module alpha {
    requires io.hotswap.api;
    requires org.slf4j;

    exports io.hotswap.demo.trine.alpha;

    provides io.hotswap.api.Plugin with io.hotswap.demo.trine.alpha.internal.AlphaPlugin;
}
