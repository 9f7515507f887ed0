package io.hotswap.benchmarks;

import io.hotswap.testkit.plugins.PluginBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the benchmark plugins at run time with the test kit's {@link PluginBuilder}: Java
 * sources compiled with {@code javax.tools} into a temporary directory, then jarred with the live
 * index {@code hotswap build} writes. Nothing generated is ever committed.
 *
 * <p>A plugin of {@code n} classes is one {@code Impl} (the provider) and {@code n - 1} small
 * {@code Part} classes, a hundred per package. {@code invokeFunc("first")} calls every part, so
 * the first call after a reload loads all of them; {@code invokeFunc("echo", x)} answers {@code x},
 * and so does the live function {@code live_echo(String)}.
 */
final class PluginJars {

    private static final int PARTS_PER_PACKAGE = 100;
    static final String LIVE_PREFIX = "live_";
    /** Same code, another hash: the swapper sees a changed jar and defines a new layer. */
    private static final String VARIANT_ENTRY = "META-INF/bench-variant";

    private PluginJars() {
    }

    /** Builds the plugin {@code bench.p<classes>} under {@code root}, in two variants. */
    static BenchPlugin build(int classes, Path root) throws IOException {
        if (classes < 1) {
            throw new IllegalArgumentException("a plugin has at least its provider class, asked for " + classes);
        }
        String module = "bench.p" + classes;
        PluginBuilder plugin = PluginBuilder.plugin(module)
                // Only so that the call-overhead benchmark can take a MethodHandle of a live function.
                .moduleLine("opens " + module + ".impl;")
                .withLiveIndex(LIVE_PREFIX);
        StringBuilder sum = new StringBuilder("int s = 0;\n");
        int parts = classes - 1;
        for (int k = 0; k < parts; k++) {
            String pkg = module + ".parts" + (k / PARTS_PER_PACKAGE);
            plugin.source(pkg.replace('.', '/') + "/Part" + k + ".java", """
                    package %s;
                    public final class Part%d {
                        public static int value() { return %d; }
                    }
                    """.formatted(pkg, k, k));
            sum.append("        s += ").append(pkg).append(".Part").append(k).append(".value();\n");
        }
        plugin.implementation("""
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
                """.formatted(module, sum));
        Path noModules = Files.createDirectories(root.resolve("no-modules"));
        List<Path> variants = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            Path dir = Files.createDirectories(root.resolve(module + "-" + variant));
            variant(plugin, variant).buildAs(dir.resolve(module + ".jar"), noModules);
            variants.add(dir);
        }
        return new BenchPlugin(module, classes, variants, parts * (parts - 1) / 2);
    }

    /** {@code plugin} with a marker entry naming {@code variant}: the same classes in a jar of another hash. */
    static PluginBuilder variant(PluginBuilder plugin, String variant) {
        return plugin.resource(VARIANT_ENTRY, variant);
    }
}
