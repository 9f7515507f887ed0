package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadStepTimesTest {

    @TempDir
    Path dir;

    @Test
    void reloadThatDefinesANewLayerTimesEveryStepItRan() {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);

            ReloadDetails details = swapper.reload(null);

            assertThat(details.steps()).containsKeys(ReloadStep.READ_JAR, ReloadStep.ORDER, ReloadStep.DEFINE_LAYER,
                    ReloadStep.INSTANTIATE, ReloadStep.RELOADABLE, ReloadStep.EXPORT, ReloadStep.IMPORTS,
                    ReloadStep.ON_LOAD, ReloadStep.VAULT, ReloadStep.ON_INIT, ReloadStep.CALLBACK, ReloadStep.SWAP);
            assertThat(details.step(ReloadStep.READ_JAR)).isPositive();
            assertThat(details.step(ReloadStep.DEFINE_LAYER)).isPositive();
            Duration built = details.steps().entrySet().stream()
                    .filter(e -> e.getKey() != ReloadStep.SWAP)
                    .map(java.util.Map.Entry::getValue)
                    .reduce(Duration.ZERO, Duration::plus);
            assertThat(built).isLessThanOrEqualTo(details.took());
        }
    }

    @Test
    void reloadOfAnUnchangedJarDefinesNoLayerAndRunsNoHook() {
        plugin("alpha").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);

            ReloadDetails details = swapper.reload(null);

            assertThat(details.steps()).containsKeys(ReloadStep.READ_JAR, ReloadStep.SWAP)
                    .doesNotContainKeys(ReloadStep.DEFINE_LAYER, ReloadStep.INSTANTIATE, ReloadStep.ON_LOAD);
            assertThat(details.step(ReloadStep.DEFINE_LAYER)).isZero();
        }
    }
}
