package io.hotswap.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The peers' versions of the benchmarks' tiny plugin, generated at run time like {@link PluginJars}:
 * a PF4J plugin whose one extension is a {@code Supplier<String>}, and an OSGi bundle whose
 * activator registers one as a service. Each in two variants that differ only in a marker entry.
 * The host side needs no shared type: {@code java.util.function} comes from the platform in both.
 */
final class PeerJars {

    /** The PF4J plugin's id. */
    static final String PF4J_ID = "bench-peer";

    private PeerJars() {
    }

    /** The PF4J plugin, its two variants' jars. */
    static List<Path> pf4j(Path root) throws IOException {
        Path src = root.resolve("src-pf4j");
        Path out = Files.createDirectories(root.resolve("classes-pf4j"));
        List<Path> files = List.of(
                PluginJars.write(src.resolve("bench/pf4j/PeerPlugin.java"), """
                        package bench.pf4j;
                        public final class PeerPlugin extends org.pf4j.Plugin {
                        }
                        """),
                PluginJars.write(src.resolve("bench/pf4j/Echo.java"), """
                        package bench.pf4j;
                        @org.pf4j.Extension
                        public final class Echo implements java.util.function.Supplier<String> {
                            @Override
                            public String get() {
                                return "x";
                            }
                        }
                        """));
        // The index PF4J's annotation processor would write; the processor itself is left out.
        PluginJars.compile(files, out, List.of("-proc:none", "-cp", location(org.pf4j.Plugin.class).toString()));
        PluginJars.write(out.resolve("META-INF/extensions.idx"), "bench.pf4j.Echo\n");
        PluginJars.write(out.resolve("META-INF/MANIFEST.MF"), """
                Manifest-Version: 1.0
                Plugin-Id: %s
                Plugin-Version: 1.0.0
                Plugin-Class: bench.pf4j.PeerPlugin
                """.formatted(PF4J_ID));
        return variants(root, out, "pf4j");
    }

    /** The OSGi bundle, its two variants' jars. */
    static List<Path> felix(Path root) throws IOException {
        Path src = root.resolve("src-felix");
        Path out = Files.createDirectories(root.resolve("classes-felix"));
        List<Path> files = List.of(PluginJars.write(src.resolve("bench/felix/Activator.java"), """
                package bench.felix;
                public final class Activator implements org.osgi.framework.BundleActivator {
                    @Override
                    public void start(org.osgi.framework.BundleContext context) {
                        context.registerService(java.util.function.Supplier.class, new Echo(), null);
                    }
                    @Override
                    public void stop(org.osgi.framework.BundleContext context) {
                    }
                    static final class Echo implements java.util.function.Supplier<String> {
                        @Override
                        public String get() {
                            return "x";
                        }
                    }
                }
                """));
        PluginJars.compile(files, out, List.of("-proc:none", "-cp",
                location(org.osgi.framework.BundleActivator.class).toString()));
        PluginJars.write(out.resolve("META-INF/MANIFEST.MF"), """
                Manifest-Version: 1.0
                Bundle-ManifestVersion: 2
                Bundle-SymbolicName: bench.felix
                Bundle-Version: 1.0.0
                Bundle-Activator: bench.felix.Activator
                Import-Package: org.osgi.framework
                """);
        return variants(root, out, "felix");
    }

    private static List<Path> variants(Path root, Path classes, String name) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            Path jar = root.resolve(name + "-" + variant + ".jar");
            PluginJars.jar(classes, variant, jar);
            jars.add(jar);
        }
        return jars;
    }

    /** The jar a class was loaded from: the generated plugins compile against it. */
    static Path location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("no file location for " + c, e);
        }
    }
}
