/**
 * The live index of a plugin: which of its static methods and classes are live functions and
 * live types, under which names. Written into the plugin jar by {@code hotswap build}, read by the
 * runtime on every load (which scans the module with ClassGraph when a jar has no index). Here,
 * in the protocol module, since 0.2: the build and the runtime share the format, and the rule
 * itself ({@link io.hotswap.protocol.live.LiveRule} over a {@link io.hotswap.protocol.live.ClassView},
 * which the build fills from class files with ASM and the runtime from ClassGraph).
 *
 * <p>No method accepts or returns {@code null}.
 *
 * @since 0.1
 */
package io.hotswap.protocol.live;
