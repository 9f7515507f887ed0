/**
 * The hotswap runtime: loads plugin modules into their own layers, swaps generations of them
 * atomically, frees and unloads the old ones, and watches for leaks. Optionally exposes a
 * management endpoint (Unix-domain socket), an MBean and JFR events, and watches the plugin
 * directory.
 *
 * <p>Start with {@link io.hotswap.runtime.Swapper}.
 */
// "module": io.hotswap.cli is built after this module, so javac cannot see it for the qualified export.
@SuppressWarnings("module")
module io.hotswap.runtime {
    requires transitive io.hotswap.api;
    requires transitive org.slf4j;
    requires io.github.classgraph;
    requires java.management;
    requires jdk.jfr;
    requires jdk.net;

    exports io.hotswap.runtime;
    exports io.hotswap.runtime.live;
    // The management API over JMX: the MBean's interface, for JMX's introspection and any client.
    exports io.hotswap.runtime.jmx;
    // The wire protocol and the socket directory, for the hotswap command. Hosts do not need it.
    exports io.hotswap.runtime.management to io.hotswap.cli;

    uses io.hotswap.api.Plugin;
}
