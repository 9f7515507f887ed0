package io.hotswap.build;

import io.hotswap.build.classfile.LiveNames;
import io.hotswap.build.classfile.ModuleInfoStamp;
import io.hotswap.protocol.bundle.BundleLayout;
import io.hotswap.protocol.live.LiveIndex;
import java.io.IOException;
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
import java.util.stream.Stream;

/**
 * A plugin build, without a command line: compiles a plugin, writes its live index and version
 * stamp, and writes {@code <outputDir>/<module>.jar} atomically; with libraries, a bundle: the
 * plugin jar with its library jars nested under {@link BundleLayout#LIBRARIES}. {@code hotswap
 * build} ({@link BuildCommand}) is a thin command over it; tests and benchmarks call it directly.
 */
public final class PluginBuild {

    private final BuildRequest request;
    private final PluginContents contents = new PluginContents();
    /** javac refused the sources: nothing worth writing out then, whatever {@link BuildRequest.KeepFiles} says. */
    private boolean compileFailed;

    private PluginBuild(BuildRequest request) {
        this.request = request;
    }

    /**
     * @throws BuildException if the request is wrong or the plugin does not build; the output
     *         directory is then as it was
     * @throws IOException    if reading the plugin or writing the jar fails
     */
    public static BuildResult run(BuildRequest request) throws IOException {
        return new PluginBuild(request).build();
    }

    private BuildResult build() throws IOException {
        Path pluginDir = request.pluginDir();
        if (!Files.isDirectory(pluginDir)) {
            throw BuildException.request("plugin directory " + pluginDir + " does not exist");
        }
        if (!request.javacArgs().isEmpty() && !request.compile()) {
            throw BuildException.request("javac flags were given, but --compile=false compiles nothing");
        }
        String prefix = request.livePrefix();
        List<LibraryJars.Jar> libraries = LibraryJars.resolve(request.libraries());
        // git answers in its own process while javac compiles: on the hello plugin the stamp cost
        // a tenth of the build when it ran before the compiler (benchmarks/NOTES.md). A build that
        // fails stops it (the try's close).
        try (VersionStamp.Pending stamping = VersionStamp.start(pluginDir.toAbsolutePath(), Instant.now())) {
            Optional<Path> sourceRoot = readClasses(libraries);
            String module = descriptor(moduleInfo()).name();
            addResources(sourceRoot);
            // Whole jars, not their entries: the live index below scans the .class entries, so it
            // covers the plugin's own classes and never a library's.
            List<String> nested = new ArrayList<>();
            for (LibraryJars.Jar lib : libraries) {
                contents.put(lib.entryName(), lib.file());
                nested.add(lib.entryName());
                request.steps().accept("library " + lib.describe() + " -> " + lib.entryName());
            }

            LiveIndex index = liveIndex(module);
            contents.put(LiveIndex.PATH, index.toBytes());
            request.steps().accept("live index: " + index.entries().size() + " live names with prefix " + prefix);

            VersionStamp stamp = stamping.await();
            String version = stamp.moduleVersion();
            byte[] moduleInfo = stampedModuleInfo(module, version);
            Path jar = PluginJarWriter.write(contents, moduleInfo, request.outputDir(), module, manifest(module, version, stamp));
            List<String> notes = request.staticLinking()
                    ? List.of("static linking: start the host with " + request.outputDir().toAbsolutePath()
                            + " on its --module-path and Swapper.Builder.staticLinking(true)")
                    : List.of();
            Optional<Path> left = request.keepFiles() == BuildRequest.KeepFiles.ALWAYS ? Optional.of(writeOut()) : Optional.empty();
            return new BuildResult(jar, module, stamp, nested, index, notes, left);
        } catch (RuntimeException | IOException e) {
            Optional<Path> left = keepOnFailure();
            if (left.isEmpty()) {
                throw e;
            }
            throw e instanceof BuildException b ? b.leaving(left.get()) : BuildException.failed(e.toString(), e).leaving(left.get());
        }
    }

    /** The plugin's classes into {@link #contents}: compiled, or read from a directory; @return the source root, if compiled */
    private Optional<Path> readClasses(List<LibraryJars.Jar> libraries) throws IOException {
        PluginSources sources = new PluginSources(request.pluginDir());
        if (!request.compile()) {
            // A build tool's output directory holds the resources too, processed: all of it is packed.
            boolean whole = request.classesDir().isPresent();
            Path classes = request.classesDir().orElseGet(sources::classesRoot);
            if (!Files.isRegularFile(classes.resolve("module-info.class"))) {
                throw BuildException.failed("no module-info.class in " + classes + ": a plugin is an explicit module");
            }
            request.steps().accept("packing the compiled classes " + (whole ? "and resources " : "") + "of " + classes);
            try (Stream<Path> walk = Files.walk(classes)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    String name = PluginSources.entryName(classes, f);
                    if (name.endsWith(".class")) {
                        contents.put(name, Files.readAllBytes(f));
                    } else if (whole) {
                        putResource(name, f);
                    }
                }
            }
            return Optional.empty();
        }
        Path root = sources.sourceRoot();
        Optional<Map<String, byte[]>> classes = PluginCompiler.compile(sources.javaFiles(root),
                request.outputDir().toAbsolutePath(), libraries.stream().map(LibraryJars.Jar::file).toList(),
                request.javacArgs(), request.diagnostics(), request.steps());
        if (classes.isEmpty()) {
            compileFailed = true;
            throw BuildException.failed(root + " does not compile; " + request.outputDir() + " is unchanged");
        }
        classes.get().forEach(contents::put);
        return Optional.of(root);
    }

    private void addResources(Optional<Path> sourceRoot) throws IOException {
        if (request.classesDir().isPresent()) {
            return; // the build tool put them among the classes, processed
        }
        Map<String, Path> resources = new PluginSources(request.pluginDir())
                .resources(sourceRoot, request.include(), request.exclude());
        for (Map.Entry<String, Path> r : resources.entrySet()) {
            putResource(r.getKey(), r.getValue());
        }
    }

    private void putResource(String name, Path file) {
        if (name.startsWith(BundleLayout.LIBRARIES)) {
            // The runtime takes every file there for a library of the bundle.
            throw BuildException.failed("resource " + name + " is in " + BundleLayout.LIBRARIES
                    + ", the folder of the bundle's libraries; give library jars with --lib");
        }
        contents.put(name, file);
        request.steps().accept("resource " + name);
    }

    /**
     * On a failure, where the contents were written out: with {@link BuildRequest.KeepFiles#ALWAYS},
     * or {@code ON_FAILURE} unless javac failed (the diagnostics say all there is).
     */
    private Optional<Path> keepOnFailure() throws IOException {
        BuildRequest.KeepFiles keep = request.keepFiles();
        if (keep == BuildRequest.KeepFiles.ALWAYS || keep == BuildRequest.KeepFiles.ON_FAILURE && !compileFailed) {
            return Optional.of(writeOut());
        }
        return Optional.empty();
    }

    // Nothing is staged on disk while building; the files are written out only on request.
    private Path writeOut() throws IOException {
        Path work = Files.createTempDirectory("hotswap-build-");
        contents.writeTo(work.resolve("classes"));
        return work;
    }

    private LiveIndex liveIndex(String module) {
        try {
            return new LiveIndex(request.livePrefix(), LiveNames.scan(contents.classFiles(), request.livePrefix()));
        } catch (IllegalArgumentException e) {
            throw BuildException.failed("plugin " + module + ": " + e.getMessage(), e);
        }
    }

    /**
     * The descriptor with the version and the packages, as {@code jar --create --module-version}
     * writes it; read back, which checks it as the jar tool does (exported and opened packages
     * exist, the service providers are in the jar).
     */
    private byte[] stampedModuleInfo(String module, String version) {
        byte[] stamped;
        try {
            stamped = ModuleInfoStamp.stamp(moduleInfo(), version, contents.packages());
        } catch (IllegalArgumentException e) {
            throw BuildException.failed("module-info.class is invalid: " + e.getMessage(), e);
        }
        ModuleDescriptor descriptor = descriptor(stamped);
        requireOnePluginProvider(descriptor);
        for (ModuleDescriptor.Provides p : descriptor.provides()) {
            for (String provider : p.providers()) {
                if (!contents.entries().containsKey(provider.replace('.', '/') + ".class")) {
                    throw BuildException.failed("plugin " + module + ": module-info.class provides " + p.service()
                            + " with " + provider + ", which is not in the plugin");
                }
            }
        }
        return stamped;
    }

    /** The rule the runtime applies when it reads the jar, checked before the jar is written. */
    private static void requireOnePluginProvider(ModuleDescriptor descriptor) {
        String service = io.hotswap.api.Plugin.class.getName();
        List<String> providers = descriptor.provides().stream().filter(p -> p.service().equals(service))
                .flatMap(p -> p.providers().stream()).toList();
        if (providers.size() != 1) {
            throw BuildException.failed("plugin " + descriptor.name() + ": module-info.class must provide " + service
                    + " with exactly one implementation, it provides " + providers.size()
                    + (providers.isEmpty() ? "" : " " + providers));
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
        m.put("Hotswap-Live-Prefix", request.livePrefix());
        m.put("Hotswap-Static-Linking", String.valueOf(request.staticLinking()));
        m.put("Implementation-Title", module);
        m.put("Implementation-Version", version);
        return m;
    }

    private byte[] moduleInfo() {
        PluginContents.Content content = contents.entries().get("module-info.class");
        if (content == null) {
            throw BuildException.failed("no module-info.class among the compiled classes: a plugin is an explicit module");
        }
        return PluginContents.bytes(content);
    }

    private static ModuleDescriptor descriptor(byte[] moduleInfo) {
        try {
            return ModuleDescriptor.read(ByteBuffer.wrap(moduleInfo));
        } catch (java.lang.module.InvalidModuleDescriptorException e) {
            throw BuildException.failed("module-info.class is invalid: " + e.getMessage(), e);
        }
    }
}
