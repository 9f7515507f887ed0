package io.hotswap.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.testkit.plugins.PluginBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotswap:plugin}'s failures, on a project model made in the test; what it builds from a
 * real Maven build is SampleProjectsIT's part.
 */
class PluginMojoTest {

    @TempDir
    Path basedir;

    private PluginMojo mojo(Path classes, Path output, Artifact... dependencies) {
        Model model = new Model();
        model.setArtifactId("greeter");
        MavenProject project = new MavenProject(model);
        project.setFile(basedir.resolve("pom.xml").toFile());
        project.getBuild().setOutputDirectory(classes.toString());
        project.setArtifacts(Set.of(dependencies));
        PluginMojo mojo = new PluginMojo();
        mojo.project = project;
        mojo.outputDirectory = output.toFile();
        return mojo;
    }

    private static Artifact jarDependency(Path file) {
        DefaultArtifactHandler jar = new DefaultArtifactHandler("jar");
        jar.setAddedToClasspath(true); // as Maven's own handler of type jar says
        Artifact a = new DefaultArtifact("acme", "lib", "1.0", "compile", "jar", null, jar);
        a.setFile(file.toFile());
        return a;
    }

    private Path compiledPlugin() {
        return PluginBuilder.plugin("greeter").compileInto(basedir.resolve("target/classes"), createDirectory(basedir.resolve("none")));
    }

    private static Path createDirectory(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aProjectWithoutModuleInfoFailsTheBuildNamingTheProjectAndTheDirectory() {
        Path classes = createDirectory(basedir.resolve("target/classes"));

        assertThatThrownBy(() -> mojo(classes, basedir.resolve("target")).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hotswap:plugin of greeter failed: no module-info.class in " + classes
                        + ": a plugin is an explicit module");
    }

    @Test
    void aDependencyBuiltOnlyToItsClassesFailsTheBuildNamingIt() {
        Path reactorClasses = createDirectory(basedir.resolve("lib/target/classes"));

        assertThatThrownBy(() -> mojo(compiledPlugin(), basedir.resolve("target"), jarDependency(reactorClasses)).execute())
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("hotswap:plugin of greeter: dependency acme:lib:jar:1.0:compile is not a jar (" + reactorClasses
                        + "); build it to the package phase first");
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenFailsTheBuildNamingIt() throws Exception {
        Path notADirectory = Files.writeString(basedir.resolve("plugins"), "a file");

        assertThatThrownBy(() -> mojo(compiledPlugin(), notADirectory).execute())
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("hotswap:plugin of greeter failed writing " + notADirectory + ": ");
    }
}
