package io.hotswap.runtime;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedding example of the README, as code that compiles and runs. Keep the two in step. */
class ReadmeExampleTest {

    @Test
    void theReadmeEmbeddingExampleWorks(@TempDir Path plugins) throws Exception {
        plugin("greeter").version("v1").invoke("return \"hello from version 1, \" + params[0];").buildInto(plugins);
        try (Swapper swapper = Swapper.builder(plugins)
                .name("greeting-service")
                .freeDelay(Duration.ofSeconds(5))
                .build()) {
            swapper.loadPlugins(null);
            assertThat(swapper.invokeEach("greet", "world")).extracting(Invocation::result)
                    .containsExactly("hello from version 1, world");

            plugin("greeter").version("v2").invoke("return \"hello from version 2, \" + params[0];").buildInto(plugins);
            ReloadDetails details = swapper.reload(null);
            assertThat(details.toString()).startsWith("generation 2 in ").endsWith("greeter=OK");
            assertThat(swapper.invokeEach("greet", "world")).extracting(Invocation::result)
                    .containsExactly("hello from version 2, world");
        }
    }
}
