/**
 * The hotswap runtime: loads plugin modules into their own layers, swaps generations of them
 * atomically, frees and unloads the old ones, and watches for leaks.
 *
 * <p>Start with {@link io.hotswap.runtime.Swapper}.
 */
module io.hotswap.runtime {
    requires transitive io.hotswap.api;
    requires transitive org.slf4j;
    requires io.github.classgraph;
    requires java.management;

    exports io.hotswap.runtime;
    exports io.hotswap.runtime.live;

    uses io.hotswap.api.Plugin;
}
