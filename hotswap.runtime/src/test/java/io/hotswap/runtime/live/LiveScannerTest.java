package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.protocol.live.LiveEntry;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.jar.PluginJarReader;
import io.hotswap.runtime.layer.DefinedLayer;
import io.hotswap.runtime.layer.PluginLayers;
import io.hotswap.runtime.live.scan.LiveScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveScannerTest {

    @TempDir
    Path dir;

    @Test
    void aModuleScanReadsTheBytesTheLayerWasDefinedFromNotTheJarFile() throws Exception {
        Path file = plugin("mem")
                .source("mem/impl/F.java", "package mem.impl; public final class F { static void live_f() { } }")
                .buildInto(dir);
        PluginJar jar = PluginJarReader.describe(file);
        DefinedLayer layer = PluginLayers.define(jar, 1, List.of(io.hotswap.api.Plugin.class.getModule().getLayer()));
        Files.write(file, new byte[] {1, 2, 3}); // a build overwrote the jar meanwhile

        List<LiveEntry> entries = LiveScanner.scanModule(layer.layer(), "mem", "live_");

        assertThat(entries).containsExactly(new LiveEntry(LiveEntry.Kind.FUNCTION, "live_f", "mem.impl.F", "live_f"));
    }
}
