/**
 * The management API over JMX: {@link io.hotswap.runtime.jmx.SwapperMXBean}, the interface of the
 * MBean {@code io.hotswap:type=Swapper,name=<host>} that a swapper built with {@code .jmx(true)}
 * registers. The package is exported to every module, so that the JMX introspector (which calls
 * the interface from outside the runtime's module) and any client can use it; it holds that
 * interface only, and the interface exposes JDK types only.
 *
 * <p>No method accepts or returns {@code null}.
 *
 * <p><b>Stability.</b> Stable from the version its {@code @since} names on: attributes and
 * operations are only added, never renamed or removed.
 *
 * @since 0.1
 */
package io.hotswap.runtime.jmx;
