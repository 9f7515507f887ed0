package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code leakPaths} names the holder of a leaked version as a chain from a GC root to its class
 * loader, read from a heap dump that it deletes; a host without leaks dumps nothing.
 */
class LeakPathsTest {

    // The test host's registry: a static collection a host might keep listeners in.
    static final List<Object> LISTENERS = new ArrayList<>();

    @TempDir
    Path dir;

    @TempDir
    Path base;

    @AfterEach
    void clear() {
        LISTENERS.clear();
    }

    @Test
    void aPluginObjectLeftInAHostsStaticCollectionIsNamedByTheChainFromThatField() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).name("leakpaths").managementDirectory(base).jmx(true)
                .leakThreshold(1, Duration.ZERO).leakCheckInterval(Duration.ofMillis(100)).build()) {
            swapper.loadPlugins(null);
            keepThePlugin(swapper);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);
            // No System.gc() here: the watch asks for the collection that proves the leak.
            await("the leak proven").atMost(Duration.ofSeconds(60)).until(() -> swapper.status().leaked() == 1);

            List<LeakPath> paths = swapper.leakPaths();

            assertThat(paths).singleElement().satisfies(p -> {
                assertThat(p.leak().plugin()).isEqualTo("alpha");
                assertThat(p.chain()).isEqualTo("static field " + LeakPathsTest.class.getName() + ".LISTENERS"
                        + " -> java.util.ArrayList.elementData -> java.lang.Object[] [0] -> alpha.impl.Impl"
                        + " -> class alpha.impl.Impl -> class loader " + p.leak().loaderName());
            });
            // The MBean's operation says the same, as one line per leaked version.
            Object lines = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("io.hotswap:type=Swapper,name=leakpaths"), "leakPaths", new Object[0], new String[0]);
            assertThat((String[]) lines).containsExactly("alpha " + paths.get(0).leak().version() + ": " + paths.get(0).chain());
            assertThat(dumps()).as("the dumps are deleted").isEmpty();
        }
    }

    @Test
    void aHostWithoutLeaksHasNoPathsAndDumpsNothing() throws Exception {
        plugin("alpha").version("v1").buildInto(dir);
        try (Swapper swapper = swapper(dir).managementDirectory(base).build()) {
            swapper.loadPlugins(null);
            plugin("alpha").version("v2").buildInto(dir);
            swapper.reload(null);

            assertThat(swapper.leakPaths()).isEmpty();
            assertThat(dumps()).isEmpty();
        }
    }

    // In a frame of its own, so that no local variable of the test holds the plugin.
    private static void keepThePlugin(Swapper swapper) {
        LISTENERS.add(swapper.current().find("alpha").orElseThrow().plugin());
    }

    private List<Path> dumps() throws Exception {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(f -> f.toString().endsWith(".hprof")).toList();
        }
    }
}
