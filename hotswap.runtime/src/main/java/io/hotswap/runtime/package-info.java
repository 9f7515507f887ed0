/**
 * The host's API of the hotswap runtime: a {@link io.hotswap.runtime.Swapper} built from a plugin
 * directory loads the plugins, each version into its own {@link java.lang.ModuleLayer}, and
 * replaces them generation by generation while the host keeps running.
 *
 * <ul>
 *   <li>{@link io.hotswap.runtime.Swapper} and its {@code Builder}: the entry point, its options.</li>
 *   <li>{@link io.hotswap.runtime.Generation} and {@link io.hotswap.runtime.PluginHandle}: one set of
 *       plugin versions and one plugin in it, to call.</li>
 *   <li>Values, immutable: {@link io.hotswap.runtime.ReloadDetails}, {@link io.hotswap.runtime.SwapperStatus},
 *       {@link io.hotswap.runtime.PluginInfo}, {@link io.hotswap.runtime.LibraryInfo},
 *       {@link io.hotswap.runtime.LeakReport}, {@link io.hotswap.runtime.ReloadProgress},
 *       {@link io.hotswap.runtime.Invocation}.</li>
 *   <li>Failures: {@link io.hotswap.runtime.ReloadException}, one subtype per phase, each naming the
 *       plugin, the {@link io.hotswap.runtime.ReloadStep} and the cause.</li>
 * </ul>
 *
 * <p><b>Null policy.</b> No method of this package accepts or returns {@code null} unless its
 * documentation says so: a value that can be absent is an {@link java.util.Optional}. The
 * exceptions, stated where they are: the {@code data} passed to {@code loadPlugins} and
 * {@code reload} (handed to plugins as it is), and what a plugin's {@code invokeFunc} returned or
 * threw, in the components of {@link io.hotswap.runtime.Invocation}.
 *
 * <p><b>Threads.</b> Every type here is safe to use from any thread; {@code current()} never
 * blocks, and reloads are serialized by the swapper.
 *
 * @since 0.1
 */
package io.hotswap.runtime;
