package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.runtime.fixtures.RecordingLogger;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A host that calls {@code invokeEach} every few seconds, with a plugin that has no such function,
 * gets one warning per plugin version, without a stack trace: not a trace on every call.
 */
class InvokeEachMissingFunctionTest {

    @TempDir
    Path dir;

    private final RecordingLogger log = new RecordingLogger("test");

    @ParameterizedTest
    @ValueSource(strings = {
            "return io.hotswap.api.Plugin.super.invokeFunc(name, params);", // the API's default
            "throw new UnsupportedOperationException(\"no \" + name);"})    // the plugin's own answer
    void aMissingFunctionIsToldOncePerVersionWithoutATraceAndEveryCallStillSaysSo(String answer) throws Exception {
        plugin("alpha").buildInto(dir);
        plugin("beta").version("v1").invoke(answer).buildInto(dir);
        try (Swapper swapper = swapper(dir).logger(log).build()) {
            swapper.loadPlugins(null);
            for (int i = 0; i < 3; i++) {
                List<Invocation> calls = swapper.invokeEach("hum", i);
                assertThat(calls.get(0).result()).isEqualTo("alpha:hum:v1");
                assertThat(calls.get(1).error()).isInstanceOf(UnsupportedOperationException.class);
            }
            assertThat(missing()).singleElement().satisfies(line -> assertThat(line)
                    .startsWith("WARN Plugin beta (").contains(") has no function \"hum\" (")
                    .doesNotContain(" [java.lang.")); // no throwable given to the logger: no trace

            // A new version of it is told about once more, its own once.
            plugin("beta").version("v2").invoke(answer).buildInto(dir);
            swapper.reload(null);
            swapper.invokeEach("hum", 4);
            swapper.invokeEach("hum", 5);
            assertThat(missing()).hasSize(2);
        }
    }

    @Test
    void anUnsupportedOperationFromDeeperInThePluginKeepsItsTraceOnEveryCall() throws Exception {
        plugin("alpha").invoke("return java.util.List.of().add(name);").buildInto(dir);
        try (Swapper swapper = swapper(dir).logger(log).build()) {
            swapper.loadPlugins(null);
            swapper.invokeEach("hum");
            swapper.invokeEach("hum");
        }
        assertThat(log.lines()).filteredOn(l -> l.startsWith("WARN Plugin alpha: invokeFunc(\"hum\") threw"))
                .hasSize(2).allSatisfy(l -> assertThat(l).endsWith("[java.lang.UnsupportedOperationException]"));
        assertThat(missing()).isEmpty();
    }

    private List<String> missing() {
        return log.lines().stream().filter(l -> l.contains("has no function")).toList();
    }
}
