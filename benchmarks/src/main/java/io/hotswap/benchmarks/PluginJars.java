package io.hotswap.benchmarks;

import io.hotswap.api.Plugin;
import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.runtime.live.scan.LiveScanner;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Generates the benchmark plugins at run time: Java sources compiled with {@code javax.tools}
 * into a temporary directory, then jarred. Nothing generated is ever committed.
 *
 * <p>A plugin of {@code n} classes is one {@code Impl} (the provider) and {@code n - 1} small
 * {@code Part} classes, a hundred per package. {@code invokeFunc("first")} calls every part, so
 * the first call after a reload loads all of them; {@code invokeFunc("echo", x)} answers {@code x},
 * and so does the live function {@code live_echo(String)}. Each jar carries its live index.
 */
final class PluginJars {

    private static final int PARTS_PER_PACKAGE = 100;
    private static final String LIVE_PREFIX = "live_";

    private PluginJars() {
    }

    /** Builds the plugin {@code bench.p<classes>} under {@code root}, in two variants. */
    static BenchPlugin build(int classes, Path root) throws IOException {
        if (classes < 1) {
            throw new IllegalArgumentException("a plugin has at least its provider class, asked for " + classes);
        }
        String module = "bench.p" + classes;
        Path src = root.resolve("src-" + module);
        Path out = root.resolve("classes-" + module);
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        files.add(write(src.resolve("module-info.java"), """
                module %s {
                    requires io.hotswap.api;
                    provides io.hotswap.api.Plugin with %s.impl.Impl;
                    // Only so that the call-overhead benchmark can take a MethodHandle of a live function.
                    opens %s.impl;
                }
                """.formatted(module, module, module)));
        StringBuilder sum = new StringBuilder("int s = 0;\n");
        int parts = classes - 1;
        for (int k = 0; k < parts; k++) {
            String pkg = module + ".parts" + (k / PARTS_PER_PACKAGE);
            files.add(write(src.resolve(pkg.replace('.', '/')).resolve("Part" + k + ".java"), """
                    package %s;
                    public final class Part%d {
                        public static int value() { return %d; }
                    }
                    """.formatted(pkg, k, k)));
            sum.append("        s += ").append(pkg).append(".Part").append(k).append(".value();\n");
        }
        files.add(write(src.resolve(module.replace('.', '/')).resolve("impl/Impl.java"), """
                package %s.impl;
                public final class Impl implements io.hotswap.api.Plugin {
                    public static String live_echo(String s) {
                        return s;
                    }
                    static int first() {
                        %s
                        return s;
                    }
                    @Override
                    public Object invokeFunc(String name, Object... params) {
                        switch (name) {
                            case "echo": return params[0];
                            case "first": return first();
                            default: throw new UnsupportedOperationException("bench plugin has no function " + name);
                        }
                    }
                }
                """.formatted(module, sum)));
        compile(files, out);
        writeLiveIndex(out);
        List<Path> variants = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            Path dir = Files.createDirectories(root.resolve(module + "-" + variant));
            jar(out, variant, dir.resolve(module + ".jar"));
            variants.add(dir);
        }
        return new BenchPlugin(module, classes, variants, parts * (parts - 1) / 2);
    }

    /** As hotswap build does: the live index, so a load reads it instead of scanning the classes. */
    static void writeLiveIndex(Path classes) throws IOException {
        byte[] index = LiveScanner.index(classes, LIVE_PREFIX).toBytes();
        Path indexFile = classes.resolve(LiveIndex.PATH);
        Files.createDirectories(indexFile.getParent());
        Files.write(indexFile, index);
    }

    /** Compiles {@code files} into {@code out} against the API and {@code modulePath}. */
    static void compile(List<Path> files, Path out, Path... modulePath) {
        compile(files, out, List.of(), modulePath);
    }

    /** Compiles {@code files} into {@code out} against the API and {@code modulePath}, with {@code options} besides. */
    static void compile(List<Path> files, Path out, List<String> options, Path... modulePath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
        }
        List<String> path = new ArrayList<>(List.of(apiLocation().toString()));
        for (Path p : modulePath) {
            path.add(p.toString());
        }
        List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", out.toString(),
                "--module-path", String.join(java.io.File.pathSeparator, path)));
        args.addAll(options);
        files.forEach(f -> args.add(f.toString()));
        StringWriter errors = new StringWriter();
        int rc = javac.run(null, OutputStream.nullOutputStream(), new WriterStream(errors), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("generated plugin sources do not compile:\n" + errors);
        }
    }

    /** Jars {@code classes} with a marker entry naming {@code variant}. */
    static void jar(Path classes, String variant, Path jar) throws IOException {
        jar(classes, variant, jar, new byte[0]);
    }

    /**
     * Jars {@code classes} with a marker entry naming {@code variant} and, unless {@code ballast}
     * is empty, {@code ballast} as a stored entry: a jar of a given size, whatever its code.
     */
    static void jar(Path classes, String variant, Path jar, byte[] ballast) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(f));
                out.closeEntry();
            }
            // Same code, another hash: the swapper sees a changed jar and defines a new layer.
            out.putNextEntry(new JarEntry("META-INF/bench-variant"));
            out.write(variant.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            if (ballast.length > 0) {
                JarEntry stored = new JarEntry("META-INF/bench-ballast.bin");
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(ballast.length);
                CRC32 crc = new CRC32();
                crc.update(ballast);
                stored.setCrc(crc.getValue());
                out.putNextEntry(stored);
                out.write(ballast);
                out.closeEntry();
            }
        }
    }

    /** Where {@code io.hotswap.api} was loaded from; the generated plugins compile against it. */
    static Path apiLocation() {
        ModuleLayer layer = Plugin.class.getModule().getLayer();
        if (layer == null) {
            throw new IllegalStateException("io.hotswap.api must be on the module path (see benchmarks/run.sh)");
        }
        return Path.of(layer.configuration().findModule("io.hotswap.api").orElseThrow()
                .reference().location().orElseThrow());
    }

    static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    /** The compiler's diagnostics, kept for the error message. */
    private static final class WriterStream extends java.io.PrintStream {
        WriterStream(StringWriter sink) {
            super(new OutputStream() {
                private final PrintWriter w = new PrintWriter(sink);

                @Override
                public void write(int b) {
                    w.write(b);
                    w.flush();
                }
            }, true);
        }
    }
}
