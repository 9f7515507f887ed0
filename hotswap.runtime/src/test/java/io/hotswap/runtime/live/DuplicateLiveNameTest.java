package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.ReloadStep;
import io.hotswap.runtime.SwapException;
import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.fixtures.Events;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateLiveNameTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    private void build(String name, String typeName) {
        plugin(name)
                .source(name + "/impl/Jobs.java", """
                        package %1$s.impl;
                        public final class Jobs {
                            public static String live_run() { return "%1$s"; }
                        }
                        """.formatted(name))
                .source(name + "/impl/" + typeName + ".java", "package " + name + ".impl; public final class " + typeName + " { }")
                .buildInto(dir);
    }

    @Test
    void theSameLiveFunctionNameInTwoPluginsFailsTheReloadAndTheOldGenerationKeepsServing() {
        build("alpha", "live_A");
        try (Swapper swapper = Swapper.builder(dir).name("test").freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(events);
            build("beta", "live_B");

            SwapException e = catchThrowableOfType(SwapException.class, () -> swapper.reload(events));

            assertThat(e.step()).isEqualTo(ReloadStep.VAULT);
            assertThat(e.plugin()).contains("beta");
            assertThat(e).hasMessageContaining("live function 'live_run' is declared by two plugins: "
                    + "alpha (alpha.impl.Jobs.live_run) and beta (beta.impl.Jobs.live_run)");
            assertThat(swapper.current().number()).isEqualTo(1);
            assertThat(swapper.current().vault().liveFuncs().call("live_run")).isEqualTo("alpha");
            await().until(() -> events.count("beta:onFree:v1") == 1);
            assertThat(events.count("alpha:onFree:v1")).isZero();
        }
    }

    @Test
    void theSameLiveTypeNameInTwoPluginsFailsTheFirstLoad() {
        plugin("alpha").source("alpha/impl/live_T.java", "package alpha.impl; public final class live_T { }").buildInto(dir);
        plugin("beta").source("beta/impl/live_T.java", "package beta.impl; public record live_T(int x) { }").buildInto(dir);
        try (Swapper swapper = Swapper.builder(dir).name("test").freeDelay(Duration.ZERO).build()) {
            SwapException e = catchThrowableOfType(SwapException.class, () -> swapper.loadPlugins(events));

            assertThat(e).hasMessageContaining("live type 'live_T' is declared by two plugins: alpha (alpha.impl.live_T)"
                    + " and beta (beta.impl.live_T)");
            assertThat(swapper.current().number()).isZero();
        }
    }
}
