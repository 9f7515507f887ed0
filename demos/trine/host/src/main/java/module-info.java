/** The trine demo's host: pulses the gamma plugin, which calls through beta to alpha. */
module io.hotswap.demo.trine {
    requires io.hotswap.demo.host;
}
