package io.hotswap.cli.build;

import io.hotswap.cli.CommandException;
import io.hotswap.cli.DebugOption;
import io.hotswap.cli.HotswapCommand;
import io.hotswap.cli.build.classfile.LiveNames;
import io.hotswap.cli.build.classfile.ModuleInfoStamp;
import io.hotswap.protocol.bundle.BundleLayout;
import io.hotswap.protocol.live.LiveIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.module.ModuleDescriptor;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hotswap build [flags] <pluginDir> <outputDir> -- [javac flags]}: compiles a plugin, writes
 * its live index and version stamp, and writes {@code <outputDir>/<module>.jar} atomically; with
 * {@code --lib}, a bundle: the plugin jar with its library jars nested under
 * {@link BundleLayout#LIBRARIES}.
 */
@Command(name = "build", sortOptions = false,
        description = {"Compiles a plugin (module-info.java in <pluginDir> or <pluginDir>/src/main/java) against the"
                + " hotswap API and writes <outputDir>/<module>.jar atomically, with its live index and a version"
                + " stamp (build time, git commit, dirty flag) in the module descriptor and the manifest.",
                "Arguments after -- go to javac."})
public final class BuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DebugOption debug;

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

    // The README's `hotswap build --help`: the standard help options are mixed into the top
    // command only, so without this picocli refused --help here as an unknown option.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

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
        List<LibraryJars.Jar> libraries = LibraryJars.resolve(libs);
        PluginSources sources = new PluginSources(pluginDir);
        // git answers in its own process while javac compiles: on the hello plugin the stamp cost
        // a tenth of the build when it ran before the compiler (benchmarks/NOTES.md). A build that
        // fails stops it (the try's close).
        Path stampDir = pluginDir.toAbsolutePath();
        Instant startedAt = Instant.now();
        PluginContents contents = new PluginContents();
        boolean keep = leaveTemps;
        try (VersionStamp.Pending stamping = VersionStamp.start(stampDir, startedAt)) {
            Optional<Path> sourceRoot;
            if (compile) {
                Path root = sources.sourceRoot();
                sourceRoot = Optional.of(root);
                Optional<Map<String, byte[]>> classes =
                        PluginCompiler.compile(sources.javaFiles(root), outputDir.toAbsolutePath(),
                                libraries.stream().map(LibraryJars.Jar::file).toList(), javacArgs, err, say);
                if (classes.isEmpty()) {
                    err.println("build: " + root + " does not compile; " + outputDir + " is unchanged");
                    return HotswapCommand.FAILED;
                }
                classes.get().forEach(contents::put);
            } else {
                sourceRoot = Optional.empty();
                Path classes = sources.classesRoot();
                if (say != null) {
                    say.println("packing the compiled classes of " + classes);
                }
                readClasses(classes, contents);
            }
            String module = descriptor(moduleInfo(contents)).name();

            Map<String, Path> resources = sources.resources(sourceRoot, includes, excludes);
            for (Map.Entry<String, Path> r : resources.entrySet()) {
                if (r.getKey().startsWith(BundleLayout.LIBRARIES)) {
                    // The runtime takes every file there for a library of the bundle.
                    throw CommandException.failed("resource " + r.getKey() + " is in " + BundleLayout.LIBRARIES
                            + ", the folder of the bundle's libraries; give library jars with --lib");
                }
                contents.put(r.getKey(), r.getValue());
                if (say != null) {
                    say.println("resource " + r.getKey());
                }
            }
            // Whole jars, not their entries: the live index below scans the .class entries, so it
            // covers the plugin's own classes and never a library's.
            for (LibraryJars.Jar lib : libraries) {
                contents.put(lib.entryName(), lib.file());
                if (say != null) {
                    say.println("library " + lib.describe() + " -> " + lib.entryName());
                }
            }

            LiveIndex index = liveIndex(contents, module);
            contents.put(LiveIndex.PATH, index.toBytes());
            if (say != null) {
                say.println("live index: " + index.entries().size() + " live names with prefix " + prefixLive);
            }

            VersionStamp stamp = stamping.await();
            String version = stamp.moduleVersion();
            byte[] moduleInfo = stampedModuleInfo(contents, module, version);
            Path jar = PluginJarWriter.write(contents, moduleInfo, outputDir, module, manifest(module, version, stamp));
            out.println("built " + module + "@" + version + " -> " + jar);
            if (staticLinking) {
                out.println("static linking: start the host with " + outputDir.toAbsolutePath()
                        + " on its --module-path and Swapper.Builder.staticLinking(true)");
            }
            return HotswapCommand.OK;
        } catch (RuntimeException | IOException e) {
            keep |= debug.on();
            throw e;
        } finally {
            if (keep) {
                // Nothing is staged on disk while building; the files are written out only on request.
                Path work = Files.createTempDirectory("hotswap-build-");
                contents.writeTo(work.resolve("classes"));
                out.println("temporary files left in " + work);
            }
        }
    }

    private LiveIndex liveIndex(PluginContents contents, String module) {
        try {
            return new LiveIndex(prefixLive, LiveNames.scan(contents.classFiles(), prefixLive));
        } catch (IllegalArgumentException e) {
            throw CommandException.failed("plugin " + module + ": " + e.getMessage(), e);
        }
    }

    /**
     * The descriptor with the version and the packages, as {@code jar --create --module-version}
     * writes it; read back, which checks it as the jar tool does (exported and opened packages
     * exist, the service providers are in the jar).
     */
    private static byte[] stampedModuleInfo(PluginContents contents, String module, String version) {
        byte[] stamped;
        try {
            stamped = ModuleInfoStamp.stamp(moduleInfo(contents), version, contents.packages());
        } catch (IllegalArgumentException e) {
            throw CommandException.failed("module-info.class is invalid: " + e.getMessage(), e);
        }
        ModuleDescriptor descriptor = descriptor(stamped);
        for (ModuleDescriptor.Provides p : descriptor.provides()) {
            for (String provider : p.providers()) {
                if (!contents.entries().containsKey(provider.replace('.', '/') + ".class")) {
                    throw CommandException.failed("plugin " + module + ": module-info.class provides " + p.service()
                            + " with " + provider + ", which is not in the plugin");
                }
            }
        }
        return stamped;
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

    private static byte[] moduleInfo(PluginContents contents) {
        PluginContents.Content content = contents.entries().get("module-info.class");
        if (content == null) {
            throw CommandException.failed("no module-info.class among the compiled classes: a plugin is an explicit module");
        }
        return PluginContents.bytes(content);
    }

    private static ModuleDescriptor descriptor(byte[] moduleInfo) {
        try {
            return ModuleDescriptor.read(ByteBuffer.wrap(moduleInfo));
        } catch (java.lang.module.InvalidModuleDescriptorException e) {
            throw CommandException.failed("module-info.class is invalid: " + e.getMessage(), e);
        }
    }

    private static void readClasses(Path from, PluginContents to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                to.put(PluginSources.entryName(from, f), Files.readAllBytes(f));
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
}
