/**
 * The hotswap runtime: loads plugin modules into their own layers, swaps generations of them
 * atomically, frees and unloads the old ones, and watches for leaks. Optionally exposes a
 * management endpoint (Unix-domain socket), an MBean and JFR events, and watches the plugin
 * directory.
 *
 * <p>Start with {@link io.hotswap.runtime.Swapper}.
 */
module io.hotswap.runtime {
    requires transitive io.hotswap.api;
    requires transitive org.slf4j;
    // The wire format of the endpoint, the endpoint directory, the live index and the bundle
    // layout, which the hotswap command shares; no exported type of this module shows them.
    requires io.hotswap.protocol;
    requires io.github.classgraph;
    requires java.management;
    requires jdk.jfr;
    requires jdk.net;

    exports io.hotswap.runtime;
    // Only for JMX: the platform MBean server introspects SwapperMXBean, and calls SwapperBean,
    // reflectively from java.management. Hosts and the hotswap command use neither.
    exports io.hotswap.runtime.management to java.management;

    uses io.hotswap.api.Plugin;
}
