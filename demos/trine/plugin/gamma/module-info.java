/** The trine demo's top plugin: requires beta; the host pulses it. */
module gamma {
    requires io.hotswap.api;
    requires org.slf4j;
    requires beta;

    provides io.hotswap.api.Plugin with io.hotswap.demo.trine.gamma.GammaPlugin;
}
