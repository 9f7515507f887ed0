package io.hotswap.runtime;

/**
 * The lifecycle of one loaded plugin version, in order. {@link LoadedPlugin} owns every transition;
 * {@link #FREED} is terminal.
 */
enum PluginState {
    /** Layer defined, provider instantiated, no hook has run. */
    DEFINED,
    /** Its load hooks are running or have run; not yet in a current generation. */
    LOADING,
    /** In the current generation or in a retired one still draining. */
    LIVE,
    /** {@code onFree} has run (or the load failed) and every reference to its layer was dropped. */
    FREED
}
