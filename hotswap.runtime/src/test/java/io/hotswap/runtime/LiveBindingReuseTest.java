package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer carried into the next generation keeps its live binding; a new layer is bound anew. */
class LiveBindingReuseTest {

    @TempDir
    Path dir;

    private void alpha(String version) {
        plugin("alpha").version(version)
                .source("alpha/impl/Fns.java", """
                        package alpha.impl;
                        public final class Fns {
                            public static String live_who() { return "alpha %s"; }
                        }
                        """.formatted(version))
                .buildInto(dir);
    }

    private static List<Object> bindings(Swapper swapper) {
        return List.copyOf(swapper.current().liveVault().bindings().values());
    }

    @Test
    void anUnchangedPluginIsNotBoundAgainAndAChangedOneIs() throws Exception {
        alpha("v1");
        plugin("beta").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            List<Object> first = bindings(swapper);
            assertThat(first).as("only plugins with live names").hasSize(1);

            plugin("beta").version("v2").buildInto(dir);
            assertThat(swapper.reload(null).outcome("alpha")).contains(PluginOutcome.UNCHANGED);
            assertThat(bindings(swapper)).singleElement().isSameAs(first.get(0));
            assertThat(swapper.current().vault().liveFuncs().call("live_who")).isEqualTo("alpha v1");

            alpha("v2");
            assertThat(swapper.reload(null).outcome("alpha")).contains(PluginOutcome.OK);
            assertThat(bindings(swapper)).singleElement().isNotSameAs(first.get(0));
            assertThat(swapper.current().vault().liveFuncs().call("live_who")).isEqualTo("alpha v2");
        }
    }
}
