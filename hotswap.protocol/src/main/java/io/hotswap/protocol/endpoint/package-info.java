/**
 * Where hosts put their management sockets and sidecar files ({@link
 * io.hotswap.protocol.endpoint.EndpointDirectory}), and the client that talks to one ({@link
 * io.hotswap.protocol.endpoint.EndpointClient}).
 *
 * <p>No method accepts or returns {@code null}.
 *
 * @since 0.2
 */
package io.hotswap.protocol.endpoint;
