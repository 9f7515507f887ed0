package io.hotswap.runtime.live.bind;

import io.hotswap.api.LiveFunctions;
import io.hotswap.api.LiveTypes;
import io.hotswap.runtime.call.CallGate;
import java.util.Map;

/**
 * The live functions and live types of one generation, and where each plugin's names came from.
 *
 * @param functions bound to the newest version of each plugin
 * @param types     the newest version's class of each live type
 * @param sources   plugin name to where its live names were read from
 * @param bindings  each layer's bound names, for the next generation to reuse for the layers it carries over
 */
public record LiveVault(LiveFunctions functions, LiveTypes types, Map<String, LiveSource> sources,
                        Map<ModuleLayer, LayerBinding> bindings) {

    public LiveVault {
        sources = Map.copyOf(sources);
        bindings = Map.copyOf(bindings);
    }

    /** The live vault of a generation without plugins. */
    public static LiveVault empty(CallGate gate) {
        return new LiveVault(new BoundFunctions(Map.of(), gate), new BoundTypes(Map.of()), Map.of(), Map.of());
    }
}
