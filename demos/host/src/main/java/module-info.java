/**
 * What every demo host does around its own work: reads {@code <pluginDir> [name]}, answers
 * {@code --help}, sets the swapper up the demo way, runs the host's work on one thread and closes
 * both on exit.
 */
module io.hotswap.demo.host {
    requires transitive io.hotswap.runtime;

    exports io.hotswap.demo.host;
}
