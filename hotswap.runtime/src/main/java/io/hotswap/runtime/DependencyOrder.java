package io.hotswap.runtime;

import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Orders plugin jars by their {@code requires} edges (a plugin after everything it requires),
 * refusing cycles and requirements that nothing can satisfy.
 */
final class DependencyOrder {

    private final Map<String, PluginJar> jars;
    private final ModuleLayer hostLayer;
    private final Map<String, List<String>> edges = new HashMap<>();

    private DependencyOrder(Map<String, PluginJar> jars, ModuleLayer hostLayer) {
        this.jars = new TreeMap<>(jars); // a stable order, whatever the directory listing says
        this.hostLayer = hostLayer;
    }

    /**
     * @param jars      the plugins by name
     * @param hostLayer the layer whose modules plugins may require besides each other
     * @return the jars, each after the plugins it requires, ties broken by name
     * @throws ResolveException on a cycle or a requirement found neither among the plugins nor in
     *         the host layer
     */
    static List<PluginJar> sort(Map<String, PluginJar> jars, ModuleLayer hostLayer) {
        return new DependencyOrder(jars, hostLayer).sort();
    }

    /** The plugins among {@code jarsByName} that {@code jar} requires. */
    static List<String> pluginRequires(PluginJar jar, Set<String> plugins) {
        List<String> deps = new ArrayList<>();
        for (ModuleDescriptor.Requires r : jar.descriptor().requires()) {
            if (plugins.contains(r.name())) {
                deps.add(r.name());
            }
        }
        deps.sort(null);
        return deps;
    }

    private List<PluginJar> sort() {
        for (PluginJar jar : jars.values()) {
            for (ModuleDescriptor.Requires r : jar.descriptor().requires()) {
                boolean optional = r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC);
                if (!jars.containsKey(r.name()) && !optional && hostLayer.findModule(r.name()).isEmpty()
                        && !bundled(r.name())) {
                    throw new ResolveException(jar.name(), ReloadStep.ORDER, "Plugin " + jar.name() + " requires "
                            + r.name() + ", which is not in the plugin directory, nor a library of a bundle there,"
                            + " nor a module of the host's layers");
                }
            }
            edges.put(jar.name(), pluginRequires(jar, jars.keySet()));
        }
        List<PluginJar> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String name : jars.keySet()) {
            visit(name, new ArrayList<>(), done, order);
        }
        return order;
    }

    /**
     * Whether some plugin's bundle has the module: its own, or another's that defining its layer
     * checks (a library of another plugin is read only where that plugin re-exports it).
     */
    private boolean bundled(String module) {
        return jars.values().stream().anyMatch(j -> j.libraryNames().contains(module));
    }

    private void visit(String name, List<String> path, Set<String> done, List<PluginJar> order) {
        if (done.contains(name)) {
            return;
        }
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            throw new ResolveException(name, ReloadStep.ORDER, "Cycle detected: " + String.join(" -> ", cycle));
        }
        path.add(name);
        for (String dep : edges.get(name)) {
            visit(dep, path, done, order);
        }
        path.remove(path.size() - 1);
        done.add(name);
        order.add(jars.get(name));
    }
}
