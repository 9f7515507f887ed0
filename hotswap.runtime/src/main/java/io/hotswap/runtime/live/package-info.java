/**
 * The live index of a plugin: which of its static methods and classes are live functions and
 * live types, under which names. Written into the plugin jar by {@code hotswap build}, read by the
 * runtime on every load.
 *
 * <p>No method accepts or returns {@code null}.
 *
 * @since 0.1
 */
package io.hotswap.runtime.live;
