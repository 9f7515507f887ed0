package io.hotswap.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.protocol.bundle.BundleLayout;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.testkit.PluginTestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the invoker's real Maven builds of {@code src/it} wrote (they run before this, in the same
 * phase): the greeter's two jars are loaded into a swapper and reloaded, and the plugin without a
 * provider failed its build saying why.
 */
class SampleProjectsIT {

    private static final Path IT = Path.of(System.getProperty("hotswap.it.dir"));
    private static final Path GREETER = IT.resolve("greeter-with-gson");

    private static Path greeterJar(int version) {
        return GREETER.resolve("jars/" + version + "/greeter.jar");
    }

    private static String entry(JarFile jar, String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        assertThat(e).as(name + " in " + jar.getName()).isNotNull();
        return new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void thePluginGoalNestsTheCompileDependencyAndLeavesTheProvidedApiOut() throws IOException {
        try (JarFile jar = new JarFile(greeterJar(1).toFile())) {
            assertThat(jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(BundleLayout.LIBRARIES) && !n.endsWith("/")))
                    .containsExactly(BundleLayout.LIBRARIES + "gson-" + System.getProperty("gson.version") + ".jar");
            assertThat(entry(jar, LiveIndex.PATH)).contains("live_greet");
            assertThat(entry(jar, "greeter/impl/version.txt")).as("the resource as Maven filtered it").isEqualTo("1\n");
            assertThat(jar.getManifest().getMainAttributes().getValue("Hotswap-Module")).isEqualTo("greeter");
            assertThat(jar.getManifest().getMainAttributes().getValue("Hotswap-Version")).matches("\\d{8}\\.\\d{6}\\+.+");
        }
    }

    @Test
    void theGreeterBuiltByMavenLoadsCallsItsGsonAndReloadsToItsSecondBuild(@TempDir Path dir) throws Exception {
        try (PluginTestHost host = PluginTestHost.start(dir)) {
            host.load(greeterJar(1));
            assertThat(host.call("greeter", "greet", "Maven")).isEqualTo("{\"greeting\":\"hello Maven\",\"version\":\"1\"}");

            host.reloadAs("greeter", greeterJar(2)).assertCollected();

            assertThat(host.call("greeter", "greet", "Maven")).isEqualTo("{\"greeting\":\"hello Maven\",\"version\":\"2\"}");
        }
    }

    @Test
    void aModuleWithoutAPluginProviderFailsItsBuildNamingThePluginTheFileAndTheRule() throws IOException {
        Path project = IT.resolve("plugin-without-provider");
        String log = Files.readString(project.resolve("build.log"));

        assertThat(log).contains("hotswap:plugin of lonely failed: plugin lonely: module-info.class must provide"
                + " io.hotswap.api.Plugin with exactly one implementation, it provides 0").contains("BUILD FAILURE");
        assertThat(project.resolve("target/lonely.jar")).doesNotExist();
    }
}
