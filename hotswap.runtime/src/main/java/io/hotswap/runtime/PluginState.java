package io.hotswap.runtime;

/**
 * The lifecycle of one loaded plugin version, in order. {@link LoadedPlugin} owns every transition
 * and refuses the ones that do not start from the state they expect; {@link #FREED} is terminal.
 * The load hooks before {@link #LOADED} run in {@link PluginLoading}, which makes the
 * {@code LoadedPlugin} only once they all returned.
 */
enum PluginState {
    /** Its load hooks ran; {@code onInit} may run; not yet in a current generation. */
    LOADED,
    /** In the current generation or in a retired one still draining. */
    LIVE,
    /** {@code onFree} has run (or the reload that loaded it failed) and every reference to its layer was dropped. */
    FREED
}
