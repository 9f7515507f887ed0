/**
 * Plugin jars made inside a test: {@link io.hotswap.testkit.plugins.PluginBuilder} writes a plugin
 * module's sources, compiles them ({@link io.hotswap.testkit.plugins.Javac}) against the API and
 * what the test names, and packs them ({@link io.hotswap.testkit.plugins.Jars}), with the live index
 * the build library computes and nested libraries stored as {@code hotswap build --lib} stores them.
 * It does not read the runtime: the runtime's own tests use it, as do the command's, the
 * benchmarks and {@code io.hotswap.testkit}.
 */
module io.hotswap.testkit.plugins {
    requires transitive io.hotswap.build;
    requires io.hotswap.api;

    exports io.hotswap.testkit.plugins;
}
