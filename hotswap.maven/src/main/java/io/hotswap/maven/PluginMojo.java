package io.hotswap.maven;

import io.hotswap.build.BuildException;
import io.hotswap.build.BuildRequest;
import io.hotswap.build.BuildResult;
import io.hotswap.build.PluginBuild;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * {@code hotswap:plugin}: packs a plugin module project as {@code hotswap build --compile=false}
 * does, through the same build ({@link PluginBuild}): the classes and processed resources of
 * {@code ${project.build.outputDirectory}}, the live index, the version stamp from the project's
 * git state, exactly one {@code io.hotswap.api.Plugin} provider checked, written atomically as
 * {@code <outputDirectory>/<module>.jar}. The project's {@code compile} and {@code runtime}
 * dependency jars (transitive ones included) are nested as the bundle's private libraries;
 * {@code provided} ones (the API, whatever the host supplies) and {@code test} ones are left out.
 */
@Mojo(name = "plugin", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public final class PluginMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Where {@code <module>.jar} is written: for example a running host's plugin directory. */
    @Parameter(property = "hotswap.outputDirectory", defaultValue = "${project.build.directory}", required = true)
    File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        Path classes = Path.of(project.getBuild().getOutputDirectory());
        List<Path> libraries = libraries();
        BuildResult built;
        try {
            built = PluginBuild.run(BuildRequest.packing(project.getBasedir().toPath(), classes, outputDirectory.toPath(),
                    libraries, step -> getLog().debug(step)));
        } catch (BuildException e) {
            throw new MojoFailureException("hotswap:plugin of " + project.getArtifactId() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("hotswap:plugin of " + project.getArtifactId() + " failed writing "
                    + outputDirectory + ": " + e, e);
        }
        getLog().info("built " + built.module() + "@" + built.version() + " -> " + built.jar());
        built.libraries().forEach(lib -> getLog().info("  library " + lib));
    }

    /** The dependency jars that Maven resolved for the runtime: {@code compile} and {@code runtime} scope. */
    private List<Path> libraries() throws MojoFailureException {
        List<Path> jars = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            if (!a.getArtifactHandler().isAddedToClasspath()) {
                continue; // a pom or another non-jar dependency: nothing to nest
            }
            File file = a.getFile();
            if (file == null || !file.isFile()) {
                // A module of the same reactor built only to target/classes (mvn compile): a library
                // is nested as its jar.
                throw new MojoFailureException("hotswap:plugin of " + project.getArtifactId() + ": dependency " + a
                        + " is not a jar (" + file + "); build it to the package phase first");
            }
            jars.add(file.toPath());
        }
        return jars;
    }
}
