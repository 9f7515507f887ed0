package io.hotswap.cli.build;

import io.hotswap.cli.CommandException;
import io.hotswap.cli.HotswapCommand;
import io.hotswap.runtime.live.LiveIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hotswap build [flags] <pluginDir> <outputDir> -- [javac flags]}: compiles a plugin, writes
 * its live index and version stamp, and writes {@code <outputDir>/<module>.jar} atomically.
 */
@Command(name = "build", sortOptions = false,
        description = {"Compiles a plugin (module-info.java in <pluginDir> or <pluginDir>/src/main/java) against the"
                + " hotswap API and writes <outputDir>/<module>.jar atomically, with its live index and a version"
                + " stamp (build time, git commit, dirty flag) in the module descriptor and the manifest.",
                "Arguments after -- go to javac."})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--debug", description = "Print stack traces of the tool's own errors.")
    boolean debug;

    @Option(names = "--include", paramLabel = "REGEX",
            description = "Also pack the files beside the sources whose relative path matches (src/main/resources is always packed).")
    String include;

    @Option(names = "--exclude", paramLabel = "REGEX", description = "Do not pack resource files whose relative path matches.")
    String exclude;

    @Option(names = "--compile", arity = "1", paramLabel = "true|false", defaultValue = "true",
            description = "false: pack the already-compiled classes of <pluginDir>/target/classes (or <pluginDir>). Default: ${DEFAULT-VALUE}.")
    boolean compile;

    @Option(names = "--leaveTemps", description = "Keep the temporary build directory and say where it is.")
    boolean leaveTemps;

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
        PrintWriter say = verbose ? out : null;
        if (!Files.isDirectory(pluginDir)) {
            throw CommandException.usage("plugin directory " + pluginDir + " does not exist");
        }
        if (!javacArgs.isEmpty() && !compile) {
            throw CommandException.usage("javac flags were given, but --compile=false compiles nothing");
        }
        if (prefixLive.isEmpty() || prefixLive.chars().anyMatch(Character::isWhitespace)) {
            throw CommandException.usage("--prefixLive must be non-empty and without whitespace");
        }
        Optional<Pattern> includes = pattern("--include", include);
        Optional<Pattern> excludes = pattern("--exclude", exclude);
        PluginSources sources = new PluginSources(pluginDir);
        // git answers in its own process while javac compiles: on the hello plugin the stamp cost
        // a tenth of the build when it ran before the compiler (benchmarks/RESULTS.md).
        Path stampDir = pluginDir.toAbsolutePath();
        Instant startedAt = Instant.now();
        CompletableFuture<VersionStamp> stamping = CompletableFuture.supplyAsync(() -> VersionStamp.of(stampDir, startedAt));

        Path work = Files.createTempDirectory("hotswap-build-");
        boolean keep = leaveTemps;
        try {
            Path staging = Files.createDirectories(work.resolve("classes"));
            Optional<Path> sourceRoot;
            if (compile) {
                Path root = sources.sourceRoot();
                sourceRoot = Optional.of(root);
                if (!PluginCompiler.compile(sources.javaFiles(root), staging, outputDir.toAbsolutePath(), javacArgs, err, say)) {
                    err.println("build: " + root + " does not compile; " + outputDir + " is unchanged");
                    return HotswapCommand.FAILED;
                }
            } else {
                sourceRoot = Optional.empty();
                Path classes = sources.classesRoot();
                if (say != null) {
                    say.println("packing the compiled classes of " + classes);
                }
                copyClasses(classes, staging);
            }
            ModuleDescriptor descriptor = descriptor(staging);
            String module = descriptor.name();

            Map<String, Path> resources = sources.resources(sourceRoot, includes, excludes);
            for (Map.Entry<String, Path> r : resources.entrySet()) {
                Path to = staging.resolve(r.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(r.getValue(), to, StandardCopyOption.REPLACE_EXISTING);
                if (say != null) {
                    say.println("resource " + r.getKey());
                }
            }

            LiveIndex index = liveIndex(staging, module);
            Path indexFile = staging.resolve(LiveIndex.PATH);
            Files.createDirectories(indexFile.getParent());
            Files.write(indexFile, index.toBytes());
            if (say != null) {
                say.println("live index: " + index.entries().size() + " live names with prefix " + prefixLive);
            }

            VersionStamp stamp = stamping.join();
            String version = stamp.moduleVersion();
            Path jar = PluginJarWriter.write(staging, outputDir, module, manifest(module, version, stamp), version, work);
            out.println("built " + module + "@" + version + " -> " + jar);
            if (staticLinking) {
                out.println("static linking: start the host with " + outputDir.toAbsolutePath()
                        + " on its --module-path and Swapper.Builder.staticLinking(true)");
            }
            return HotswapCommand.OK;
        } catch (RuntimeException | IOException e) {
            keep |= debug;
            throw e;
        } finally {
            if (keep) {
                out.println("temporary files left in " + work);
            } else {
                deleteTree(work);
            }
        }
    }

    private LiveIndex liveIndex(Path classes, String module) {
        try {
            return LiveIndex.scan(classes, prefixLive);
        } catch (IllegalArgumentException e) {
            throw CommandException.failed("plugin " + module + ": " + e.getMessage(), e);
        }
    }

    private Map<String, String> manifest(String module, String version, VersionStamp stamp) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Created-By", "hotswap build");
        m.put("Hotswap-Module", module);
        m.put("Hotswap-Version", version);
        m.put("Hotswap-Git-Commit", stamp.commit().orElse("none"));
        m.put("Hotswap-Git-Dirty", String.valueOf(stamp.dirty()));
        m.put("Hotswap-Build-Time", stamp.builtAt().toString());
        m.put("Hotswap-Live-Prefix", prefixLive);
        m.put("Hotswap-Static-Linking", String.valueOf(staticLinking));
        m.put("Implementation-Title", module);
        m.put("Implementation-Version", version);
        return m;
    }

    private static ModuleDescriptor descriptor(Path classes) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        } catch (java.lang.module.InvalidModuleDescriptorException e) {
            throw CommandException.failed("module-info.class is invalid: " + e.getMessage(), e);
        }
    }

    private static void copyClasses(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".class")).toList()) {
                Path target = to.resolve(PluginSources.entryName(from, f));
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
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

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
