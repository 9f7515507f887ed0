/**
 * The management protocol: a {@link io.hotswap.protocol.Request} to a host's endpoint, a
 * {@link io.hotswap.protocol.Reply} back, the sidecar {@link io.hotswap.protocol.HostEntry} of each
 * endpoint, all through {@link io.hotswap.protocol.ProtocolCodec}. Records are immutable and
 * complete when their constructor returns.
 *
 * <p>No method accepts or returns {@code null}; a value that can be absent is an
 * {@link java.util.Optional}.
 *
 * @since 0.2
 */
package io.hotswap.protocol;
