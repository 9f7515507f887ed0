package io.hotswap.cli;

import io.hotswap.build.BuildRequest;
import io.hotswap.build.BuildResult;
import io.hotswap.build.PluginBuild;
import io.hotswap.build.BuildException;

import static io.hotswap.cli.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.live.LiveEntry;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build behind {@code hotswap build}, called as tests and benchmarks call it: a request in, a result out. */
class PluginBuildTest {

    @TempDir
    Path src;

    @TempDir
    Path out;

    @Test
    void aBuildReturnsTheJarItsModuleVersionAndLiveIndex() throws Exception {
        plugin("hello").writeSourcesTo(src);
        StringWriter diagnostics = new StringWriter();

        BuildResult built = PluginBuild.run(BuildRequest.of(src, out, diagnostics));

        assertThat(built.jar()).isEqualTo(out.resolve("hello.jar")).isRegularFile();
        assertThat(built.module()).isEqualTo("hello");
        assertThat(built.version()).isEqualTo(built.stamp().moduleVersion()).isNotBlank();
        assertThat(built.liveIndex().entries())
                .contains(new LiveEntry(LiveEntry.Kind.FUNCTION, "live_version", "hello.impl.Impl", "live_version"));
        assertThat(built.libraries()).isEmpty();
        assertThat(built.notes()).isEmpty();
        assertThat(built.filesLeft()).isEmpty();
        assertThat(diagnostics.toString()).isEmpty();
    }

    @Test
    void aCompileErrorIsAFailureWithJavacsDiagnosticsInTheRequestsWriter() throws Exception {
        plugin("hello").members("int broken() { return \"not an int\"; }").writeSourcesTo(src);
        StringWriter diagnostics = new StringWriter();

        assertThatThrownBy(() -> PluginBuild.run(BuildRequest.of(src, out, diagnostics)))
                .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.FAILED))
                .hasMessageContaining("does not compile; " + out + " is unchanged");
        assertThat(diagnostics.toString()).contains("incompatible types").contains("1 error");
        assertThat(Files.list(out).toList()).isEmpty();
    }

    @Test
    void aMissingPluginDirectoryIsAWrongRequest() {
        assertThatThrownBy(() -> PluginBuild.run(BuildRequest.of(src.resolve("nowhere"), out, new StringWriter())
                .withJavacArgs(List.of("-Xlint"))))
                .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.REQUEST))
                .hasMessage("plugin directory " + src.resolve("nowhere") + " does not exist");
    }

    @Test
    void packingABuildToolsOutputTakesItsClassesAndResourcesAsTheyAre(@TempDir Path classes, @TempDir Path none) throws Exception {
        plugin("hello").compileInto(classes, none);
        Files.writeString(classes.resolve("hello/impl/greeting.txt"), "processed");
        List<String> steps = new java.util.ArrayList<>();

        BuildResult built = PluginBuild.run(BuildRequest.packing(src, classes, out, List.of(), steps::add));

        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(built.jar().toFile())) {
            assertThat(new String(jar.getInputStream(jar.getEntry("hello/impl/greeting.txt")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("processed");
            assertThat(jar.getManifest().getMainAttributes().getValue("Hotswap-Version")).isEqualTo(built.version());
        }
        assertThat(built.liveIndex().entries()).extracting(LiveEntry::name).containsExactly("live_version");
        assertThat(steps).contains("packing the compiled classes and resources of " + classes, "resource hello/impl/greeting.txt");
    }

    @Test
    void aDirectoryWithoutModuleInfoIsNoPluginToPack(@TempDir Path classes) {
        assertThatThrownBy(() -> PluginBuild.run(BuildRequest.packing(src, classes, out, List.of(), step -> { })))
                .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.FAILED))
                .hasMessage("no module-info.class in " + classes + ": a plugin is an explicit module");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"false, 0", "true, 2"})
    void aPluginProvidesExactlyOnePluginImplementation(boolean two, int count) throws Exception {
        io.hotswap.testkit.plugins.PluginBuilder plugin = plugin("hello");
        (two ? plugin.twoProviders() : plugin.noProvider()).writeSourcesTo(src);

        assertThatThrownBy(() -> PluginBuild.run(BuildRequest.of(src, out, new StringWriter())))
                .isInstanceOfSatisfying(BuildException.class, e -> assertThat(e.reason()).isEqualTo(BuildException.Reason.FAILED))
                .hasMessageStartingWith("plugin hello: module-info.class must provide io.hotswap.api.Plugin with exactly one"
                        + " implementation, it provides " + count);
        assertThat(Files.list(out).toList()).isEmpty();
    }
}
