package io.hotswap.cli.build;

import io.hotswap.build.BuildException;
import io.hotswap.build.BuildRequest;
import io.hotswap.build.BuildResult;
import io.hotswap.build.PluginBuild;
import io.hotswap.cli.command.CommandException;
import io.hotswap.cli.command.CommonOptions;
import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.bundle.BundleLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hotswap build [flags] <pluginDir> <outputDir> -- [javac flags]}: its options as a
 * {@link BuildRequest} for {@link PluginBuild}, which compiles the plugin and writes
 * {@code <outputDir>/<module>.jar}; javac's diagnostics on stderr as javac prints them, the jar
 * written on stdout.
 */
@Command(name = "build", sortOptions = false,
        description = {"Compiles a plugin (module-info.java in <pluginDir> or <pluginDir>/src/main/java) against the"
                + " hotswap API and writes <outputDir>/<module>.jar atomically, with its live index and a version"
                + " stamp (build time, git commit, dirty flag) in the module descriptor and the manifest.",
                "Arguments after -- go to javac."},
        footerHeading = "%nExamples:%n",
        footer = {"  hotswap build greeter plugins",
                "      compile greeter/ into plugins/greeter.jar",
                "  hotswap build --lib libs greeter plugins",
                "      also nest the jars of libs/ as its private libraries",
                "  hotswap build --compile=false greeter plugins",
                "      pack greeter/target/classes as they are",
                "  hotswap build greeter plugins -- -Xlint:all",
                "      a javac option after --"})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions options;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Also pack the files beside the sources whose relative path matches (src/main/resources is always packed).")
    String include;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Do not pack resource files whose relative path matches.")
    String exclude;

    @Option(names = "--compile", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "false: pack the already-compiled classes of <pluginDir>/target/classes (or <pluginDir>). Default: ${DEFAULT-VALUE}.")
    boolean compile;

    @Option(names = "--leaveTemps",
            description = "Also write the jar's classes, resources and live index to a temporary directory, and say where it is.")
    boolean leaveTemps;

    @Option(names = "--lib", paramLabel = "JAR|DIR",
            description = {"A private library of the plugin: a jar, or a folder whose *.jar files (directly in it) are"
                    + " all taken; repeatable. The plugin is compiled against it (javac's --module-path) and it is"
                    + " nested, stored uncompressed, in the plugin jar as " + BundleLayout.LIBRARIES + "<file name>,"
                    + " from where the runtime loads it into the plugin's layer. Also with --compile=false."})
    List<Path> libs = new ArrayList<>();

    @Option(names = "--prefixLive", paramLabel = "PREFIX", defaultValue = "live_",
            description = "Prefix of live functions and live types in the live index. Default: ${DEFAULT-VALUE}.")
    String prefixLive;

    @Option(names = "--staticLinking",
            description = "Build for static linking: <outputDir> is a directory on the host's --module-path, the host"
                    + " runs with staticLinking(true); the manifest says so.")
    boolean staticLinking;

    @Option(names = "-v", description = "Say what is done, step by step.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "<pluginDir>", description = "The plugin's directory.")
    Path pluginDir;

    @Parameters(index = "1", paramLabel = "<outputDir>", description = "Where <module>.jar is written (a host's plugin directory).")
    Path outputDir;

    @Parameters(index = "2..*", paramLabel = "javac flags", description = "After --: passed to javac.")
    List<String> javacArgs = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BuildRequest.KeepFiles keep = leaveTemps ? BuildRequest.KeepFiles.ALWAYS
                : options.debug() ? BuildRequest.KeepFiles.ON_FAILURE : BuildRequest.KeepFiles.NEVER;
        Optional<Pattern> includes = pattern("--include", include);
        Optional<Pattern> excludes = pattern("--exclude", exclude);
        BuildResult built;
        try {
            built = PluginBuild.run(new BuildRequest(pluginDir, outputDir, compile, Optional.empty(), javacArgs, libs, includes, excludes,
                    prefixLive, staticLinking, keep, err, verbose ? out::println : step -> { }));
        } catch (BuildException e) {
            e.filesLeft().ifPresent(dir -> out.println("temporary files left in " + dir));
            throw e.reason() == BuildException.Reason.REQUEST
                    ? CommandException.usage(e.getMessage(), e)
                    : CommandException.failed(e.getMessage(), e);
        }
        out.println("built " + built.module() + "@" + built.version() + " -> " + built.jar());
        built.notes().forEach(out::println);
        built.filesLeft().ifPresent(dir -> out.println("temporary files left in " + dir));
        return ExitCode.OK;
    }

    private static Optional<Pattern> pattern(String flag, String regex) {
        if (regex == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw CommandException.usage(flag + " is not a regular expression: " + e.getDescription());
        }
    }
}
