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
    // HotSpotDiagnosticMXBean: the heap dump that names a leaked version's holder, on demand.
    requires jdk.management;
    requires jdk.jfr;
    requires jdk.net;
    // Optional: the leak watch names JDBC drivers and logging handlers a freed plugin left, where the
    // host has these modules; an image without them is not made to carry them.
    requires static java.logging;
    requires static java.sql;

    exports io.hotswap.runtime;
    // The management API over JMX: the MBean's interface, for JMX's introspection and any client
    // (jconsole, VisualVM, a remote connector). Nothing else of the management package is exported.
    exports io.hotswap.runtime.jmx;

    uses io.hotswap.api.Plugin;
}
