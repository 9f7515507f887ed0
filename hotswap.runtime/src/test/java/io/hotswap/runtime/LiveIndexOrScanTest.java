package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hotswap.api.LiveFunction;
import io.hotswap.api.Vault;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.testkit.plugins.PluginBuilder;
import io.hotswap.runtime.live.bind.LiveSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveIndexOrScanTest {

    @TempDir
    Path dir;

    private static PluginBuilder pix(String version) {
        return plugin("pix").version(version)
                .source("pix/impl/Jobs.java", """
                        package pix.impl;
                        public final class Jobs {
                            public static String live_run(String s) { return "%s:" + s; }
                            @io.hotswap.api.Live("named") static int count(java.util.List<String> l) { return l.size(); }
                            public static final class live_Inner { }
                        }
                        """.formatted(version))
                .source("pix/impl/live_Job.java", "package pix.impl; public record live_Job(int id) { }");
    }

    private static Map<String, String> describe(Vault vault) {
        Map<String, String> d = new TreeMap<>();
        for (String name : vault.liveFuncs().names()) {
            LiveFunction f = vault.liveFuncs().find(name).orElseThrow();
            d.put("function " + name, f.plugin() + " " + f.parameterTypes() + " -> " + f.returnType());
        }
        for (String name : vault.liveTypes().names()) {
            d.put("type " + name, vault.liveTypes().find(name).orElseThrow().getName());
        }
        return d;
    }

    private static Map<String, LiveSource> sources(Swapper swapper) {
        return ((GenerationVault) swapper.current().vault()).live().sources();
    }

    @Test
    void theIndexAndTheScanGiveTheSameVault(@TempDir Path scanned) {
        pix("v1").withLiveIndex("live_").buildInto(dir);
        pix("v1").buildInto(scanned);
        try (Swapper fromIndex = swapper(dir).build(); Swapper fromScan = swapper(scanned).build()) {
            fromIndex.loadPlugins(null);
            fromScan.loadPlugins(null);

            assertThat(sources(fromIndex)).containsExactly(Map.entry("pix", LiveSource.INDEX));
            assertThat(sources(fromScan)).containsExactly(Map.entry("pix", LiveSource.SCAN));
            assertThat(describe(fromIndex.current().vault()))
                    .containsEntry("function live_run", "pix [class java.lang.String] -> class java.lang.String")
                    .containsEntry("function named", "pix [interface java.util.List] -> int")
                    .containsEntry("type live_Inner", "pix.impl.Jobs$live_Inner")
                    .containsEntry("type live_Job", "pix.impl.live_Job")
                    .hasSize(4)
                    .isEqualTo(describe(fromScan.current().vault()));
        }
    }

    @Test
    void reloadsReadTheIndexOfNewAndCarriedPluginsWithoutScanning() {
        pix("v1").withLiveIndex("live_").buildInto(dir);
        plugin("other").source("other/impl/O.java", "package other.impl; public final class O { static void live_o() { } }")
                .withLiveIndex("live_").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            pix("v2").withLiveIndex("live_").buildInto(dir);

            ReloadDetails details = swapper.reload(null);

            assertThat(details.outcome("other")).contains(PluginOutcome.UNCHANGED);
            assertThat(sources(swapper)).isEqualTo(Map.of("pix", LiveSource.INDEX, "other", LiveSource.INDEX));
            assertThat(swapper.current().vault().liveFuncs().call("live_run", "a")).isEqualTo("v2:a");
            assertThat(swapper.current().vault().liveFuncs().names()).contains("live_o");
        }
    }

    @Test
    void anIndexMadeWithAnotherPrefixIsIgnoredAndThePluginScanned() {
        pix("v1").withLiveIndex("job_").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);

            assertThat(sources(swapper)).containsExactly(Map.entry("pix", LiveSource.SCAN));
            assertThat(swapper.current().vault().liveFuncs().names()).containsExactlyInAnyOrder("live_run", "named");
        }
    }

    @Test
    void aStaleIndexFailsTheReloadNamingThePluginAndTheOldGenerationKeepsServing() {
        pix("v1").withLiveIndex("live_").buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            swapper.loadPlugins(null);
            pix("v2").withRawLiveIndex("""
                    version 1
                    prefix live_
                    function live_gone pix.impl.Jobs live_gone
                    function live_run pix.impl.Jobs live_run
                    """.getBytes(StandardCharsets.UTF_8)).buildInto(dir);

            SwapException e = catchThrowableOfType(SwapException.class, () -> swapper.reload(null));

            assertThat(e.step()).isEqualTo(ReloadStep.VAULT);
            assertThat(e.plugin()).contains("pix");
            assertThat(e).hasMessageContaining("live function 'live_gone' names method pix.impl.Jobs.live_gone,"
                    + " which is not in the plugin (its live index is stale: rebuild the plugin)");
            assertThat(swapper.current().number()).isEqualTo(1);
            assertThat(swapper.current().vault().liveFuncs().call("live_run", "a")).isEqualTo("v1:a");
        }
    }

    @Test
    void aStaleClassOrAMalformedIndexFailsTheLoad() {
        pix("v1").withRawLiveIndex("version 1\nprefix live_\ntype live_Old pix.impl.live_Old\n"
                .getBytes(StandardCharsets.UTF_8)).buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            SwapException e = catchThrowableOfType(SwapException.class, () -> swapper.loadPlugins(null));
            assertThat(e).hasMessageStartingWith("Plugin pix failed at step 'set up vault': live type 'live_Old' names class"
                    + " pix.impl.live_Old, which is not in the plugin (its live index is stale: rebuild the plugin)");
        }
        pix("v1").withRawLiveIndex("version 1\nprefix live_\nfunction x\n".getBytes(StandardCharsets.UTF_8)).buildInto(dir);
        try (Swapper swapper = swapper(dir).build()) {
            SwapException e = catchThrowableOfType(SwapException.class, () -> swapper.loadPlugins(null));
            assertThat(e).hasMessageStartingWith("Plugin pix failed at step 'set up vault': its " + LiveIndex.PATH
                    + " is malformed (caused by java.lang.IllegalArgumentException: live index line 3 'function x'");
        }
    }
}
