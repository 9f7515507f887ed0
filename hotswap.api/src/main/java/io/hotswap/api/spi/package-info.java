/**
 * The hooks by which the runtime serves {@link io.hotswap.api.LiveData}; exported to
 * {@code io.hotswap.runtime} only, not for plugins or hosts.
 *
 * @since 0.1
 */
package io.hotswap.api.spi;
