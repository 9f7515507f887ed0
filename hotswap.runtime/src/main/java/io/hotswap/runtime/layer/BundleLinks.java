package io.hotswap.runtime.layer;

import io.hotswap.runtime.jar.LibraryJar;
import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolvedModule;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The rules that link a bundle's modules, checked before and after the JDK resolves them, so that
 * a broken bundle fails naming the plugin, the library and its nested jar instead of with the
 * resolver's bare module names:
 * <ul>
 *   <li>no package in two of the version's modules, nor in a library and a module of the host's
 *       layer (a library named as a host module shadows it: the plugin's own copy wins);</li>
 *   <li>every module a library requires is in the bundle, in a parent layer, or the host's;</li>
 *   <li>a module of the version reads a library of another plugin's bundle only if that plugin
 *       {@code requires transitive} it (directly or through another library of its bundle).</li>
 * </ul>
 */
final class BundleLinks {

    // Package -> module of the host's layers, per host layer: they never change, and a weak key
    // lets a host layer go (tests make many).
    private static final Map<ModuleLayer, Map<String, String>> HOST_PACKAGES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final PluginJar jar;
    private final List<ModuleLayer> parents;

    BundleLinks(PluginJar jar, List<ModuleLayer> parents) {
        this.jar = jar;
        this.parents = parents;
    }

    /** Before resolution: splits and requirements. */
    void checkBeforeResolve() {
        if (jar.libraries().isEmpty()) {
            return;
        }
        Map<String, String> owners = new HashMap<>();
        for (String pn : jar.descriptor().packages()) {
            owners.put(pn, "the plugin " + jar.name());
        }
        for (LibraryJar lib : jar.libraries()) {
            for (String pn : lib.descriptor().packages()) {
                String other = owners.putIfAbsent(pn, describe(lib));
                if (other != null) {
                    throw new BundleLinkException("Plugin " + jar.name() + ": package " + pn + " is split between "
                            + other + " and " + describe(lib) + ": a package belongs to one module");
                }
            }
        }
        Map<String, String> host = hostPackages();
        for (LibraryJar lib : jar.libraries()) {
            for (String pn : lib.descriptor().packages()) {
                String module = host.get(pn);
                if (module != null && !module.equals(lib.name())) {
                    throw new BundleLinkException("Plugin " + jar.name() + ": package " + pn + " of " + describe(lib)
                            + " is also in module " + module + " of the host's layer: a package cannot be split"
                            + " between a library and the host");
                }
            }
        }
        Set<String> bundled = new HashSet<>(jar.libraryNames());
        bundled.add(jar.name());
        for (LibraryJar lib : jar.libraries()) {
            for (ModuleDescriptor.Requires r : lib.descriptor().requires()) {
                if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC) || bundled.contains(r.name())
                        || parents.stream().anyMatch(p -> p.findModule(r.name()).isPresent())) {
                    continue;
                }
                throw new BundleLinkException("Plugin " + jar.name() + ": " + describe(lib) + " requires " + r.name()
                        + ", which is neither in the bundle, nor in a plugin it requires, nor in the host's layer"
                        + " (bundle it too; a JDK module the host does not resolve needs --add-modules " + r.name() + ")");
            }
        }
    }

    /** After resolution: what the version's modules read from other plugins' bundles. */
    void checkResolved(Configuration cf) {
        for (ResolvedModule self : cf.modules()) {
            if (self.reference().descriptor().isAutomatic()) {
                continue; // an automatic module reads every module by definition: nothing to police
            }
            for (ResolvedModule read : self.reads()) {
                if (read.configuration() == cf) {
                    continue;
                }
                Optional<ModuleLayer> owner = layerOf(read.configuration());
                Optional<PluginClassLoader> loader = owner.flatMap(l -> l.findModule(read.name()))
                        .map(Module::getClassLoader)
                        .filter(PluginClassLoader.class::isInstance).map(PluginClassLoader.class::cast);
                if (loader.isEmpty() || loader.get().moduleName().equals(read.name())) {
                    continue; // the host's, or a plugin module itself
                }
                String plugin = loader.get().moduleName();
                if (!reexported(read.configuration(), plugin).contains(read.name())) {
                    String who = self.name().equals(jar.name()) ? jar.name() : self.name() + " (bundled by " + jar.name() + ")";
                    throw new BundleLinkException(who + " reads " + read.name() + " from the bundle of " + plugin
                            + ", which " + plugin + " does not re-export: bundle " + jar.name() + "'s own copy, or have "
                            + plugin + " 'requires transitive " + read.name() + "'");
                }
            }
        }
    }

    /** The libraries of a plugin's bundle that it re-exports: {@code requires transitive}, followed within the bundle. */
    private static Set<String> reexported(Configuration bundle, String plugin) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(plugin));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            bundle.findModule(name).filter(m -> m.configuration() == bundle).ifPresent(m -> {
                for (ModuleDescriptor.Requires r : m.reference().descriptor().requires()) {
                    if (r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE) && seen.add(r.name())) {
                        todo.push(r.name());
                    }
                }
            });
        }
        return seen;
    }

    private Optional<ModuleLayer> layerOf(Configuration cf) {
        Deque<ModuleLayer> todo = new ArrayDeque<>(parents);
        Set<ModuleLayer> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            ModuleLayer l = todo.pop();
            if (!seen.add(l)) {
                continue;
            }
            if (l.configuration() == cf) {
                return Optional.of(l);
            }
            todo.addAll(l.parents());
        }
        return Optional.empty();
    }

    /** The packages of the host's layers: the parents that are not plugin layers, and all above them. */
    private Map<String, String> hostPackages() {
        Map<String, String> all = new HashMap<>();
        for (ModuleLayer p : parents) {
            if (!isPluginLayer(p)) {
                all.putAll(HOST_PACKAGES.computeIfAbsent(p, BundleLinks::packagesOf));
            }
        }
        return all;
    }

    private static boolean isPluginLayer(ModuleLayer layer) {
        return layer.modules().stream().anyMatch(m -> m.getClassLoader() instanceof PluginClassLoader);
    }

    private static Map<String, String> packagesOf(ModuleLayer layer) {
        Map<String, String> packages = new HashMap<>();
        Deque<ModuleLayer> todo = new ArrayDeque<>(List.of(layer));
        Set<ModuleLayer> seen = Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        while (!todo.isEmpty()) {
            ModuleLayer l = todo.pop();
            if (!seen.add(l)) {
                continue;
            }
            for (Module m : l.modules()) {
                for (String pn : m.getDescriptor().packages()) {
                    packages.putIfAbsent(pn, m.getName());
                }
            }
            todo.addAll(l.parents());
        }
        return Map.copyOf(packages);
    }

    private static String describe(LibraryJar lib) {
        return "library " + lib.name() + " (" + lib.path() + ")";
    }
}
