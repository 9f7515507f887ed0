package io.hotswap.benchmarks;

import io.hotswap.benchmarks.peers.PeerHost;
import io.hotswap.testkit.plugins.Jars;
import io.hotswap.testkit.plugins.Javac;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The peers' versions of the benchmarks' tiny plugin, generated at run time like {@link PluginJars}:
 * a PF4J plugin whose one extension is a {@code Supplier<String>}, and an OSGi bundle whose
 * activator registers one as a service. Each in two variants that differ only in a marker entry.
 * The host side needs no shared type: {@code java.util.function} comes from the platform in both.
 */
final class PeerJars {

    /** The PF4J plugin's id. */
    static final String PF4J_ID = "bench-peer";
    /** What the plugins' one call answers, in both variants. */
    static final String ANSWER = "x";

    private PeerJars() {
    }

    /** The PF4J plugin, its two variants' jars. */
    static List<Path> pf4j(Path root) throws IOException {
        Map<String, String> sources = Map.of(
                "bench/pf4j/PeerPlugin.java", """
                        package bench.pf4j;
                        public final class PeerPlugin extends org.pf4j.Plugin {
                        }
                        """,
                "bench/pf4j/Echo.java", """
                        package bench.pf4j;
                        @org.pf4j.Extension
                        public final class Echo implements java.util.function.Supplier<String> {
                            @Override
                            public String get() {
                                return "%s";
                            }
                        }
                        """.formatted(ANSWER));
        // With the index PF4J's annotation processor would write; the processor itself is left out.
        return variants(root, "pf4j", sources, org.pf4j.Plugin.class, """
                Manifest-Version: 1.0
                Plugin-Id: %s
                Plugin-Version: 1.0.0
                Plugin-Class: bench.pf4j.PeerPlugin
                """.formatted(PF4J_ID), Map.of("META-INF/extensions.idx", "bench.pf4j.Echo\n"));
    }

    /** The OSGi bundle, its two variants' jars. */
    static List<Path> felix(Path root) throws IOException {
        Map<String, String> sources = Map.of("bench/felix/Activator.java", """
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
                            return "%s";
                        }
                    }
                }
                """.formatted(ANSWER));
        return variants(root, "felix", sources, org.osgi.framework.BundleActivator.class, """
                Manifest-Version: 1.0
                Bundle-ManifestVersion: 2
                Bundle-SymbolicName: bench.felix
                Bundle-Version: 1.0.0
                Bundle-Activator: bench.felix.Activator
                Import-Package: org.osgi.framework
                """, Map.of());
    }

    /**
     * A plugin directory for {@code host} under {@code root}, holding its tiny plugin (variant a)
     * and nothing else.
     */
    static Path pluginDir(PeerHost host, Path root) throws IOException {
        List<Path> jars = switch (host) {
            case PF4J -> pf4j(root);
            case FELIX -> felix(root);
        };
        Path dir = Files.createDirectories(root.resolve(host.name().toLowerCase(java.util.Locale.ROOT) + "-plugins"));
        return Files.copy(jars.get(0), dir.resolve(jars.get(0).getFileName())).getParent();
    }

    /**
     * Compiles {@code sources} against the jar of {@code api} on the class path, and jars them with
     * {@code manifest} and {@code resources}, once per variant.
     */
    private static List<Path> variants(Path root, String name, Map<String, String> sources, Class<?> api,
                                       String manifest, Map<String, String> resources) throws IOException {
        List<Path> files = new ArrayList<>();
        sources.forEach((path, code) -> files.add(Javac.write(root.resolve("src-" + name).resolve(path), code)));
        Path classes = Javac.compile(files, root.resolve("classes-" + name), List.of(),
                List.of("-proc:none", "-cp", PeerHost.location(api).toString()));
        List<Path> jars = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("META-INF/MANIFEST.MF", manifest.getBytes(StandardCharsets.UTF_8));
            entries.putAll(Jars.entriesOf(classes));
            resources.forEach((path, text) -> entries.put(path, text.getBytes(StandardCharsets.UTF_8)));
            entries.put("META-INF/bench-variant", variant.getBytes(StandardCharsets.UTF_8));
            jars.add(Jars.write(root.resolve(name + "-" + variant + ".jar"), Jars.bytes(entries)));
        }
        return jars;
    }
}
