package io.hotswap.runtime;

import io.hotswap.api.Imports;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The exports of a plugin's dependencies, as handed to its {@code imports} hook. */
final class PluginImports implements Imports {

    private final String requester;
    private final Map<String, LoadedPlugin> dependencies;

    PluginImports(String requester, Iterable<LoadedPlugin> dependencies) {
        this.requester = requester;
        Map<String, LoadedPlugin> deps = new LinkedHashMap<>();
        dependencies.forEach(d -> deps.put(d.name(), d));
        this.dependencies = deps;
    }

    @Override
    public Set<String> plugins() {
        return Set.copyOf(dependencies.keySet());
    }

    @Override
    public <T> T get(String plugin, Class<T> type) {
        LoadedPlugin dep = dependencies.get(plugin);
        if (dep == null) {
            throw new IllegalArgumentException("Plugin " + requester + " imports " + plugin
                    + ", which it does not require (it requires " + dependencies.keySet() + ")");
        }
        Object export = dep.export();
        if (export == null) {
            throw new IllegalArgumentException("Plugin " + requester + " imports " + plugin
                    + " as " + describe(type) + ", but " + plugin + " exports nothing");
        }
        if (!type.isInstance(export)) {
            throw new IllegalArgumentException("Plugin " + requester + " imports " + plugin + " as "
                    + describe(type) + ", but " + plugin + " exports a " + describe(export.getClass()));
        }
        return type.cast(export);
    }

    @Override
    public <T> Optional<T> find(String plugin, Class<T> type) {
        LoadedPlugin dep = dependencies.get(plugin);
        Object export = dep == null ? null : dep.export();
        return type.isInstance(export) ? Optional.of(type.cast(export)) : Optional.empty();
    }

    private static String describe(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return type.getName() + " (from " + (loader == null ? "the boot loader" : loader.getName()) + ")";
    }
}
