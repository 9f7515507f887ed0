package io.hotswap.api;

/**
 * One version of a plugin, as seen by the runtime.
 *
 * <p>During a load the runtime calls, in this order: {@link #reloadable()}, {@link #export()},
 * {@link #imports(Imports)}, {@link #onLoad(Object)}, then sets up the generation's vault, then
 * {@link #onInit(Vault)}. Afterwards {@link #invokeFunc(String, Object...)} any number of times,
 * from any thread, and {@link #onFree()} exactly once, after the generation that held this
 * version was replaced and the calls into it have returned. Every method has a default, so a
 * plugin writes only what it uses.
 *
 * <p>An exception thrown by any hook fails the load or reload that ran it: the previous
 * generation stays current and keeps serving.
 *
 * @since 0.1
 */
public interface Plugin {

    /**
     * Whether a later reload may replace this version. A plugin that answers {@code false} is
     * carried over unchanged by every reload, even if its jar changed.
     */
    default boolean reloadable() {
        return true;
    }

    /**
     * The object this plugin offers to the plugins that {@code requires} it, or {@code null} for
     * none. Its type should live in a package this plugin's module exports, or in a host-layer
     * module, so that dependents can name it.
     */
    default Object export() {
        return null;
    }

    /**
     * Receives the exports of the plugins this one {@code requires}, before {@link #onLoad(Object)}.
     */
    default void imports(Imports imports) {
    }

    /**
     * Called once when this version is loaded, with the data the host passed to
     * {@code loadPlugins} or {@code reload}.
     *
     * @param data host-defined, may be {@code null}
     */
    default void onLoad(Object data) throws Exception {
    }

    /**
     * Called once after the generation's vault is set up: fill its data bag, its extension, or
     * read the live functions of other plugins here.
     */
    default void onInit(Vault vault) throws Exception {
    }

    /**
     * A call from the host by function name.
     *
     * @throws UnsupportedOperationException by default, naming the function
     */
    default Object invokeFunc(String name, Object... params) throws Exception {
        throw new UnsupportedOperationException("this plugin has no function '" + name + "'");
    }

    /**
     * Called exactly once, after the generation holding this version was replaced, its calls
     * returned and the free delay passed. Stop threads and release what {@link #onInit(Vault)}
     * acquired here: after it returns the runtime drops this version so that it can be unloaded.
     */
    default void onFree() {
    }
}
