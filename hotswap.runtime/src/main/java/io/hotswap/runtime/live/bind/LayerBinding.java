package io.hotswap.runtime.live.bind;

import java.util.List;

/**
 * The live names of one plugin version, bound to its classes. Kept by the vault, so that the next
 * generation, if it carries the same layer over, binds nothing again: its functions keep their
 * invokers (a hidden class each) and its types their shapes.
 *
 * @param functions not yet held by any generation: each vault wraps them with its own hold
 */
record LayerBinding(PluginLiveNames names, List<BoundFunction> functions, List<BoundType> types) {
}
