package io.hotswap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ordering of plugins by requires edges, on descriptors built in memory. */
class DependencyOrderTest {

    private final ModuleLayer host = io.hotswap.api.Plugin.class.getModule().getLayer();

    private static PluginJar jar(String name, String... requires) {
        ModuleDescriptor.Builder b = ModuleDescriptor.newModule(name).requires("io.hotswap.api");
        for (String r : requires) {
            b.requires(r);
        }
        return new PluginJar(Path.of(name + ".jar"), "0".repeat(64), b.packages(Set.of(name + ".impl")).build(), io.hotswap.runtime.jar.JarEntries.none());
    }

    private static Map<String, PluginJar> jars(PluginJar... jars) {
        Map<String, PluginJar> m = new LinkedHashMap<>();
        for (PluginJar j : jars) {
            m.put(j.name(), j);
        }
        return m;
    }

    @Test
    void everyPluginComesAfterThePluginsItRequires() {
        var order = DependencyOrder.sort(jars(jar("gamma", "beta"), jar("beta", "alpha"), jar("alpha"), jar("delta")), host);
        assertThat(order).extracting(PluginJar::name).containsExactly("alpha", "beta", "delta", "gamma");
    }

    @Test
    void aCycleIsRefusedWithThePathInTheMessage() {
        assertThatThrownBy(() -> DependencyOrder.sort(jars(jar("a", "b"), jar("b", "c"), jar("c", "a")), host))
                .isInstanceOfSatisfying(ResolveException.class, e -> assertThat(e.step()).isEqualTo(ReloadStep.ORDER))
                .hasMessageContaining("Cycle detected: a -> b -> c -> a");
    }

    @Test
    void aRequirementThatNothingProvidesIsRefusedNamingBothModules() {
        assertThatThrownBy(() -> DependencyOrder.sort(jars(jar("beta", "alpha")), host))
                .isInstanceOf(ResolveException.class)
                .hasMessageContaining("Plugin beta requires alpha, which is not in the plugin directory");
    }

    @Test
    void hostModulesSatisfyRequirementsWithoutBeingPlugins() {
        var order = DependencyOrder.sort(jars(jar("alpha", "org.slf4j")), host);
        assertThat(order).extracting(PluginJar::name).containsExactly("alpha");
    }
}
