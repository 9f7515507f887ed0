/**
 * The test kit for plugin authors: {@link io.hotswap.testkit.PluginTestHost} loads plugin jars
 * into a {@link io.hotswap.runtime.Swapper} on a plugin directory of the test's own, calls them,
 * reloads to other versions, and {@link io.hotswap.testkit.Replaced#assertCollected} says in one
 * line whether the versions a reload replaced were freed and collected, naming what holds one
 * that was not. {@code io.hotswap.testkit.plugins} (read transitively) makes plugin jars from
 * sources inside the test. Plain Java assertions ({@link AssertionError}): any test framework
 * shows them, JUnit 5 among them.
 */
module io.hotswap.testkit {
    requires transitive io.hotswap.runtime;
    requires transitive io.hotswap.testkit.plugins;

    exports io.hotswap.testkit;
}
