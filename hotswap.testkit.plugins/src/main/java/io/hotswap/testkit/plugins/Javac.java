package io.hotswap.testkit.plugins;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The system Java compiler, as a test calls it: sources to class files on disk, at the runtime's
 * baseline ({@code --release 17}), against {@code io.hotswap.api} and the module path given; a
 * compilation error is an {@link IllegalStateException} carrying javac's diagnostics.
 */
public final class Javac {

    private Javac() {
    }

    /**
     * Writes {@code sources} (path relative to the source root, e.g. {@code a/impl/Impl.java}, to
     * code) below {@code sourceRoot} and compiles them into {@code classes}.
     *
     * @return {@code classes}
     */
    public static Path compile(Map<String, String> sources, Path sourceRoot, Path classes, List<Path> modulePath) {
        List<Path> files = new ArrayList<>();
        sources.forEach((path, code) -> files.add(write(sourceRoot.resolve(path), code)));
        return compile(files, classes, modulePath);
    }

    /** Compiles {@code files} into {@code classes}; @return {@code classes} */
    public static Path compile(List<Path> files, Path classes, List<Path> modulePath) {
        return compile(files, classes, modulePath, List.of());
    }

    /**
     * Compiles {@code files} into {@code classes} with javac's {@code options} besides (a class
     * path, {@code -proc:none}); @return {@code classes}
     */
    public static Path compile(List<Path> files, Path classes, List<Path> modulePath, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run on a JDK, not a JRE");
        }
        List<String> path = new ArrayList<>(List.of(apiLocation().toString()));
        modulePath.forEach(p -> path.add(p.toString()));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString(),
                "--module-path", String.join(File.pathSeparator, path)));
        args.addAll(options);
        files.forEach(f -> args.add(f.toString()));
        StringWriter errors = new StringWriter();
        PrintStream err = new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                errors.write(b);
            }
        }, true, StandardCharsets.UTF_8);
        int rc = javac.run(null, OutputStream.nullOutputStream(), err, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("sources do not compile:\n" + errors);
        }
        return classes;
    }

    /** Where {@code io.hotswap.api} was loaded from: its jar or classes directory. */
    public static Path apiLocation() {
        ModuleLayer layer = io.hotswap.api.Plugin.class.getModule().getLayer();
        if (layer == null) {
            throw new IllegalStateException("io.hotswap.api must be on the module path to compile plugins against it");
        }
        URI uri = layer.configuration().findModule("io.hotswap.api").orElseThrow().reference().location().orElseThrow();
        return Path.of(uri);
    }

    /** Writes {@code content} to {@code file}, creating its parent directories; @return {@code file} */
    public static Path write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Deletes {@code dir} and everything below it, if it exists. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
