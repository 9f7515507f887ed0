package io.hotswap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rules of {@link DependencyOrder} as properties over random plugin graphs: every plugin comes
 * after everything it requires, and a graph with a cycle is always refused, naming a real cycle.
 * {@link DependencyOrderTest} has the examples with their exact messages.
 */
class DependencyOrderProperties {

    private final ModuleLayer host = io.hotswap.api.Plugin.class.getModule().getLayer();

    /**
     * An acyclic graph: node {@code i} requires node {@code x % i} for each {@code x} of its list,
     * so only nodes before it.
     */
    @Provide
    Arbitrary<List<List<Integer>>> dags() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(4).list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 300)
    void everyPluginComesAfterEverythingItRequires(@ForAll("dags") List<List<Integer>> dag, @ForAll Random random) {
        Map<String, Set<String>> requires = graph(dag, names(dag.size(), random));

        List<String> order = DependencyOrder.sort(jars(requires, random), host).stream().map(PluginJar::name).toList();

        assertThat(order).containsExactlyInAnyOrderElementsOf(requires.keySet());
        for (String plugin : order) {
            for (String required : requires.get(plugin)) {
                assertThat(order.indexOf(required)).as("%s requires %s in %s", plugin, required, order)
                        .isLessThan(order.indexOf(plugin));
            }
        }
    }

    @Property(tries = 300)
    void aGraphWithACycleIsAlwaysRefusedNamingACycleOfIt(@ForAll("dags") List<List<Integer>> dag,
                                                          @ForAll Random random) {
        List<String> names = names(Math.max(2, dag.size()), random);
        List<List<Integer>> nodes = new ArrayList<>(dag);
        while (nodes.size() < names.size()) {
            nodes.add(List.of());
        }
        Map<String, Set<String>> requires = graph(nodes, names);
        // A cycle through 2 or more random plugins, on top of the acyclic edges.
        List<String> cycle = new ArrayList<>(names);
        Collections.shuffle(cycle, random);
        cycle = cycle.subList(0, 2 + random.nextInt(names.size() - 1));
        for (int i = 0; i < cycle.size(); i++) {
            requires.get(cycle.get(i)).add(cycle.get((i + 1) % cycle.size()));
        }

        ResolveException e = catchThrowableOfType(() -> DependencyOrder.sort(jars(requires, random), host),
                ResolveException.class);

        assertThat(e).as("a cycle through %s was not refused", cycle).isNotNull();
        assertThat(e.step()).isEqualTo(ReloadStep.ORDER);
        String message = e.getMessage();
        assertThat(message).contains("Cycle detected: ");
        List<String> named = Arrays.asList(message.substring(message.indexOf("Cycle detected: ") + 16).split(" -> "));
        assertThat(named.get(0)).as("the cycle in '%s' closes", message).isEqualTo(named.get(named.size() - 1));
        for (int i = 0; i + 1 < named.size(); i++) {
            assertThat(requires.get(named.get(i))).as("'%s' names edges of the graph", message).contains(named.get(i + 1));
        }
    }

    /** {@code n} distinct plugin names, their order unrelated to their alphabetical one. */
    private static List<String> names(int n, Random random) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("p" + i);
        }
        Collections.shuffle(names, random);
        return names;
    }

    private static Map<String, Set<String>> graph(List<List<Integer>> nodes, List<String> names) {
        Map<String, Set<String>> requires = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            Set<String> deps = new TreeSet<>();
            for (int x : nodes.get(i)) {
                if (i > 0) {
                    deps.add(names.get(x % i));
                }
            }
            requires.put(names.get(i), deps);
        }
        return requires;
    }

    /** The plugins in a random insertion order: the sort must not depend on it. */
    private static Map<String, PluginJar> jars(Map<String, Set<String>> requires, Random random) {
        List<String> names = new ArrayList<>(requires.keySet());
        Collections.shuffle(names, random);
        Map<String, PluginJar> jars = new java.util.LinkedHashMap<>();
        for (String name : names) {
            ModuleDescriptor.Builder b = ModuleDescriptor.newModule(name).requires("io.hotswap.api");
            requires.get(name).forEach(b::requires);
            jars.put(name, new PluginJar(Path.of(name + ".jar"), "0".repeat(64),
                    b.packages(Set.of(name + ".impl")).build(), JarEntries.none()));
        }
        return jars;
    }
}
