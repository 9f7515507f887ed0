/** The slink demo's plugin: the same kind of plugin as world, loaded statically. */
module ticker {
    requires io.hotswap.api;
    requires org.slf4j;

    provides io.hotswap.api.Plugin with io.hotswap.demo.slink.ticker.Ticker;
}
