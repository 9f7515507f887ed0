/** The trine demo's middle plugin: requires alpha, exports the Beta service that gamma uses. */
module beta {
    requires io.hotswap.api;
    requires org.slf4j;
    requires alpha;

    exports io.hotswap.demo.trine.beta;

    provides io.hotswap.api.Plugin with io.hotswap.demo.trine.beta.internal.BetaPlugin;
}
