package io.hotswap.build;

import io.hotswap.api.Plugin;
import java.io.File;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a plugin's sources in-process with {@code javax.tools}, against the API module this
 * command runs with, the bundle's library jars ({@code --lib}), the plugin jars already in the
 * output directory (plugins it requires) and any {@code --module-path} given after {@code --}. javac's diagnostics go to the request's writer
 * exactly as javac prints them. The class files stay in memory ({@link MemoryOutputFileManager}).
 */
final class PluginCompiler {

    private static final List<String> RELEASE_FLAGS = List.of("--release", "-source", "--source", "-target", "--target");

    private PluginCompiler() {
    }

    /**
     * @return what javac wrote (class files by entry name, {@code a/b/C.class}), or empty if it failed
     */
    static Optional<Map<String, byte[]>> compile(List<Path> sources, Path outputDir, List<Path> libraries,
                                                 List<String> javacArgs, Writer diagnostics, Consumer<String> steps) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw BuildException.failed("no Java compiler in this runtime (module jdk.compiler);"
                    + " use a JDK, or --compile=false");
        }
        List<String> options = options(outputDir, libraries, javacArgs);
        steps.accept("javac " + String.join(" ", options) + " (" + sources.size() + " source files)");
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, null);
        try (MemoryOutputFileManager files = new MemoryOutputFileManager(standard)) {
            Iterable<? extends JavaFileObject> units = standard.getJavaFileObjectsFromPaths(sources);
            // No diagnostic listener: javac then prints its diagnostics to `diagnostics` in its own format.
            Boolean ok = javac.getTask(diagnostics, files, null, options, null, units).call();
            diagnostics.flush();
            return Boolean.TRUE.equals(ok) ? Optional.of(files.outputs()) : Optional.empty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // javac refuses an option before compiling anything
            throw BuildException.request("javac: " + e.getMessage());
        }
    }

    /**
     * @param libraries the bundle's library jars, each its own module path entry: explicit,
     *                  multi-release and automatic modules alike, as the runtime resolves them
     */
    static List<String> options(Path outputDir, List<Path> libraries, List<String> javacArgs) {
        List<String> extra = new ArrayList<>();
        List<String> modulePath = new ArrayList<>();
        for (int i = 0; i < javacArgs.size(); i++) {
            String a = javacArgs.get(i);
            if ((a.equals("--module-path") || a.equals("-p")) && i + 1 < javacArgs.size()) {
                modulePath.add(javacArgs.get(++i));
            } else if (a.startsWith("--module-path=")) {
                modulePath.add(a.substring("--module-path=".length()));
            } else {
                extra.add(a);
            }
        }
        Optional<Path> api = apiLocation();
        api.ifPresent(a -> modulePath.add(a.toString()));
        // Before the output directory: the plugin's own copy of a library wins over a module of
        // the same name in another plugin there, as it does in the plugin's layer.
        libraries.forEach(l -> modulePath.add(l.toString()));
        modulePath.add(outputDir.toString());
        // No -d: the file manager keeps the class output in memory.
        List<String> options = new ArrayList<>(List.of("--module-path", String.join(File.pathSeparator, modulePath)));
        // The runtime's baseline, so that a plugin built with a newer JDK still loads into a JDK 17
        // host. Not in a jlink image: there the API is a system module, which --release would hide,
        // and the image has no ct.sym for --release anyway; plugins then target the image's JDK.
        if (api.isPresent() && extra.stream().noneMatch(a -> RELEASE_FLAGS.contains(a) || a.startsWith("--release="))) {
            options.addAll(List.of("--release", "17"));
        }
        options.addAll(extra);
        return options;
    }

    /**
     * Where {@code io.hotswap.api} was loaded from, if it is a file or directory; empty in a jlink
     * image, where it is a system module that javac finds by itself.
     */
    static Optional<Path> apiLocation() {
        ModuleLayer layer = Plugin.class.getModule().getLayer();
        if (layer == null) {
            return Optional.empty();
        }
        return layer.configuration().findModule("io.hotswap.api")
                .flatMap(m -> m.reference().location())
                .filter(u -> "file".equals(u.getScheme()))
                .map(URI::normalize).map(Path::of);
    }
}
