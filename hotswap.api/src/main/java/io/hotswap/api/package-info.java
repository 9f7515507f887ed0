/**
 * The types a plugin and its host share: {@link io.hotswap.api.Plugin}, {@link io.hotswap.api.Vault}
 * and {@link io.hotswap.api.Imports}; for work that outlives a reload, {@link io.hotswap.api.Live},
 * {@link io.hotswap.api.LiveData}, {@link io.hotswap.api.LiveFunctions} and
 * {@link io.hotswap.api.LiveTypes}.
 *
 * <p><b>Null policy.</b> Unless a method says otherwise, no parameter may be {@code null} and no
 * method returns {@code null}; absence is expressed with {@link java.util.Optional}. The one
 * exception is plugin-defined data that the runtime only passes through: the {@code data} given
 * to {@link io.hotswap.api.Plugin#onLoad(Object)}, the object returned by
 * {@link io.hotswap.api.Plugin#export()} and the parameters and results of
 * {@link io.hotswap.api.Plugin#invokeFunc(String, Object...)}, and the arguments and results of
 * live functions ({@link io.hotswap.api.LiveFunction#call(Object...)}); inside a
 * {@link io.hotswap.api.LiveData} tree {@code null} is a value like any other, and so it is among
 * the values of {@link io.hotswap.api.LiveData.Fields}.
 *
 * <p><b>State.</b> The package holds no mutable state: no registry, no installed hook. What
 * belongs to one swapper (its live functions and live types, and with them the capture and
 * restore of live data) is reached through the {@link io.hotswap.api.Vault} of one of its
 * generations, so two swappers in one JVM never see each other's.
 *
 * <p><b>Stability.</b> Every type here is stable: from the version its {@code @since} names on, it
 * changes only in a compatible way. Members added after their type say so with their own
 * {@code @since}.
 *
 * @since 0.1
 */
package io.hotswap.api;
