/**
 * The layout of a plugin bundle, which {@code hotswap build --lib} writes and the runtime reads.
 *
 * @since 0.2
 */
package io.hotswap.protocol.bundle;
