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
}
