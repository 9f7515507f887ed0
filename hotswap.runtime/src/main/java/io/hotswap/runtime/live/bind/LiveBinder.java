package io.hotswap.runtime.live.bind;

import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.runtime.call.CallGate;
import io.hotswap.runtime.layer.DefinedLayer;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Binds the live functions and live types of one generation, from all of its plugins, carried
 * ones included, so every name points to the newest version.
 *
 * <p>To reach plugin members the runtime opens the packages that hold live names to itself, and
 * only to itself, through the layer's controller: plugin authors open nothing.
 */
public final class LiveBinder {

    private static final Module RUNTIME = LiveBinder.class.getModule();

    private LiveBinder() {
    }

    /**
     * @param layers   the layers of the generation's plugins, in dependency order
     * @param previous the vault of the generation being replaced: a layer carried over from it
     *                 keeps its binding (same classes, same handles, same invokers)
     * @param gate     the gate of the generation being built: every live call of the vault passes it
     * @throws LiveBindException if a plugin's index is malformed or stale, a live name cannot be
     *         bound, or two plugins declare the same live name
     */
    public static LiveVault bind(List<DefinedLayer> layers, String prefix, Logger log, LiveVault previous,
                                 CallGate gate) {
        // Keyed by the layer itself: identity, where the record's hash would hash its three parts.
        Map<ModuleLayer, LayerBinding> bindings = new LinkedHashMap<>();
        Map<String, BoundFunction> functions = new LinkedHashMap<>();
        Map<String, BoundType> types = new LinkedHashMap<>();
        Map<String, LiveSource> sources = new LinkedHashMap<>();
        for (DefinedLayer layer : layers) {
            LayerBinding b = previous.bindings().get(layer.layer());
            if (b == null) {
                b = bindLayer(layer, prefix, log);
            }
            if (!b.functions().isEmpty() || !b.types().isEmpty()) {
                // Only layers with live names: the binding holds the layer, which the vault's
                // functions and types hold anyway; a plugin without any is not kept by it.
                bindings.put(layer.layer(), b);
            }
            sources.put(b.names().plugin(), b.names().source());
            for (BoundFunction f : b.functions()) {
                BoundFunction other = functions.putIfAbsent(f.name(), f);
                if (other != null) {
                    throw duplicate("function", f.name(), other.plugin(), other.target(), f.plugin(), f.target());
                }
            }
            for (BoundType t : b.types()) {
                BoundType other = types.putIfAbsent(t.name(), t);
                if (other != null) {
                    throw duplicate("type", t.name(), other.plugin(), other.type().getName(), t.plugin(), t.type().getName());
                }
            }
        }
        return new LiveVault(new BoundFunctions(functions, gate), new BoundTypes(types), sources, bindings);
    }

    /** The live names of one plugin version, bound: once per layer. */
    private static LayerBinding bindLayer(DefinedLayer layer, String prefix, Logger log) {
        PluginLiveNames names = PluginLiveNames.of(layer, prefix, log);
        List<BoundFunction> functions = new ArrayList<>();
        List<BoundType> types = new ArrayList<>();
        Set<String> opened = new HashSet<>();
        for (LiveEntry e : names.entries()) {
            Class<?> type = classOf(layer, names, e);
            if (opened.add(type.getPackageName())) {
                layer.controller().addOpens(layer.module(), type.getPackageName(), RUNTIME);
            }
            if (e.kind() == LiveEntry.Kind.FUNCTION) {
                functions.add(function(names, e, type));
            } else {
                types.add(type(names, e, type));
            }
        }
        log.debug("Plugin {}: {} live names from its {}", names.plugin(), names.entries().size(),
                names.source() == LiveSource.INDEX ? "live index" : "module scan");
        return new LayerBinding(names, List.copyOf(functions), List.copyOf(types));
    }

    private static Class<?> classOf(DefinedLayer layer, PluginLiveNames names, LiveEntry e) {
        Class<?> type = Class.forName(layer.module(), e.className());
        if (type == null) {
            throw stale(names, e, "class " + e.className() + ", which is not in the plugin");
        }
        return type;
    }

    private static BoundFunction function(PluginLiveNames names, LiveEntry e, Class<?> type) {
        List<Method> candidates = Arrays.stream(type.getDeclaredMethods())
                .filter(m -> m.getName().equals(e.member()) && !m.isSynthetic() && !m.isBridge())
                .toList();
        if (candidates.isEmpty()) {
            throw stale(names, e, "method " + e.target() + ", which is not in the plugin");
        }
        if (candidates.size() > 1) {
            throw new LiveBindException(names.plugin(), "live function '" + e.name()
                    + "' is overloaded (" + e.target() + "): a live name stands for exactly one method", null);
        }
        Method m = candidates.get(0);
        if (!Modifier.isStatic(m.getModifiers())) {
            throw stale(names, e, "method " + e.target() + ", which is not static");
        }
        try {
            return new BoundFunction(e.name(), names.plugin(), m, PluginAccess.into(type).unreflect(m));
        } catch (ReflectiveOperationException | RuntimeException ex) {
            throw new LiveBindException(names.plugin(), "cannot bind live function '" + e.name() + "' (" + e.target() + ")", ex);
        }
    }

    private static BoundType type(PluginLiveNames names, LiveEntry e, Class<?> type) {
        try {
            return new BoundType(e.name(), names.plugin(), type, TypeShape.of(type));
        } catch (IllegalArgumentException ex) {
            throw new LiveBindException(names.plugin(), "live type '" + e.name() + "' cannot be used", ex);
        }
    }

    private static LiveBindException stale(PluginLiveNames names, LiveEntry e, String what) {
        String hint = names.source() == LiveSource.INDEX ? " (its live index is stale: rebuild the plugin)" : "";
        return new LiveBindException(names.plugin(), "live " + e.kind().name().toLowerCase() + " '" + e.name()
                + "' names " + what + hint, null);
    }

    private static LiveBindException duplicate(String kind, String name, String first, String firstTarget,
                                               String second, String secondTarget) {
        return new LiveBindException(second, "live " + kind + " '" + name + "' is declared by two plugins: "
                + first + " (" + firstTarget + ") and " + second + " (" + secondTarget + ")", null);
    }
}
