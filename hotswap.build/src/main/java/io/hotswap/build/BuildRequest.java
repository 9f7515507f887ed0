package io.hotswap.build;

import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What to build: the options of {@code hotswap build} as a value, for {@link PluginBuild#run}.
 * {@link #of} gives the command's defaults.
 *
 * @throws BuildException (in the constructor) if the live prefix is empty or holds whitespace
 *
 * @param pluginDir     the plugin's directory (sources in it or in {@code src/main/java})
 * @param outputDir     where {@code <module>.jar} is written
 * @param compile       false: pack the already-compiled classes of {@code <pluginDir>/target/classes} (or {@code <pluginDir>})
 * @param classesDir    with {@code compile} false, pack every file of this directory instead, classes and
 *                      resources as they are (a Maven build's output directory, its resources processed);
 *                      {@code <pluginDir>} is then only where the version stamp asks git
 * @param javacArgs     further javac options
 * @param libraries     {@code --lib}: library jars, or folders of them, to compile against and nest
 * @param include       also pack the files beside the sources whose relative path matches
 * @param exclude       do not pack the resource files whose relative path matches
 * @param livePrefix    the live prefix of the live index
 * @param staticLinking the manifest says the plugin is built for static linking
 * @param keepFiles     when to write the classes, resources and live index out to a temporary directory
 * @param diagnostics   where javac prints its diagnostics, in its own format
 * @param steps         told each step in one line, as {@code -v} prints them
 */
public record BuildRequest(Path pluginDir, Path outputDir, boolean compile, Optional<Path> classesDir, List<String> javacArgs, List<Path> libraries,
                           Optional<Pattern> include, Optional<Pattern> exclude, String livePrefix, boolean staticLinking,
                           KeepFiles keepFiles, Writer diagnostics, Consumer<String> steps) {

    /** When a build writes out what it put into the jar (nothing is staged on disk otherwise). */
    public enum KeepFiles {
        NEVER,
        /** When the build fails, unless javac did: {@code --debug}. */
        ON_FAILURE,
        /** {@code --leaveTemps}. */
        ALWAYS
    }

    public BuildRequest {
        Objects.requireNonNull(pluginDir, "pluginDir");
        Objects.requireNonNull(outputDir, "outputDir");
        Objects.requireNonNull(classesDir, "classesDir");
        if (compile && classesDir.isPresent()) {
            throw BuildException.request("a directory of compiled classes (" + classesDir.get() + ") was given to a build that compiles");
        }
        javacArgs = List.copyOf(javacArgs);
        libraries = List.copyOf(libraries);
        Objects.requireNonNull(include, "include");
        Objects.requireNonNull(exclude, "exclude");
        // A prefix with a space would break the live index's one-line-per-entry format.
        if (livePrefix.isEmpty() || livePrefix.chars().anyMatch(Character::isWhitespace)) {
            throw BuildException.request("--prefixLive must be non-empty and without whitespace");
        }
        Objects.requireNonNull(keepFiles, "keepFiles");
        Objects.requireNonNull(diagnostics, "diagnostics");
        Objects.requireNonNull(steps, "steps");
    }

    /** Compile {@code pluginDir} into {@code outputDir} with the defaults of {@code hotswap build}; javac's diagnostics to {@code diagnostics}. */
    public static BuildRequest of(Path pluginDir, Path outputDir, Writer diagnostics) {
        return new BuildRequest(pluginDir, outputDir, true, Optional.empty(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                "live_", false, KeepFiles.NEVER, diagnostics, step -> { });
    }

    /**
     * Pack what a build tool compiled: every file of {@code classesDir} (classes and processed
     * resources) with {@code libraries} nested, stamped from the git state of {@code projectDir},
     * into {@code outputDir}; each step told to {@code steps}. What {@code hotswap:plugin} builds.
     */
    public static BuildRequest packing(Path projectDir, Path classesDir, Path outputDir, List<Path> libraries,
                                       Consumer<String> steps) {
        return new BuildRequest(projectDir, outputDir, false, Optional.of(classesDir), List.of(), libraries, Optional.empty(),
                Optional.empty(), "live_", false, KeepFiles.NEVER, Writer.nullWriter(), steps);
    }

    /** This request with other javac options. */
    public BuildRequest withJavacArgs(List<String> args) {
        return new BuildRequest(pluginDir, outputDir, compile, classesDir, args, libraries, include, exclude, livePrefix, staticLinking,
                keepFiles, diagnostics, steps);
    }
}
