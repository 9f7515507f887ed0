package io.hotswap.benchmarks;

import io.hotswap.protocol.bundle.BundleLayout;
import io.hotswap.testkit.plugins.Jars;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Generates the bundle the bundle benchmarks reload: a plugin that requires a real library and
 * uses it on its first call, with the library's jars (copied by the build into
 * {@code target/bench-libs}) nested under {@link BundleLayout#LIBRARIES}, stored, as
 * {@code hotswap build --lib} nests them. Nothing generated is ever committed.
 *
 * <p>The plugin is Jackson's: {@code invokeFunc("first")} answers
 * {@code new ObjectMapper(...).writeValueAsString(List.of(1))}, which loads a few hundred classes
 * of jackson-databind and jackson-core, the way a plugin's first real request would.
 */
final class BundleJars {

    private static final String MODULE = "bench.bundle";
    private static final String FIRST_VALUE = "[1]";

    private BundleJars() {
    }

    /**
     * Where the plugin's {@code ObjectMapper} keeps its buffers between calls. Jackson's default
     * (2.17) is a {@code ThreadLocal<SoftReference<BufferRecycler>>} on the <em>calling</em>
     * thread: a host thread then holds every replaced version softly, until the JVM clears soft
     * references (under memory pressure, or after about a second per free MiB of heap), so
     * replaced versions are not collected after the reload. A pool of the version's own keeps
     * nothing on host threads. See benchmarks/NOTES.md.
     */
    enum Recycling {
        /** {@code JsonRecyclerPools.newConcurrentDequePool()}: the buffers belong to the mapper, hence to the version. */
        DEQUE("new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()"
                + ".recyclerPool(com.fasterxml.jackson.core.util.JsonRecyclerPools.newConcurrentDequePool()).build())"),
        /** Jackson's default: {@code new ObjectMapper()}, buffers in a thread local of the calling (host) thread. */
        THREAD_LOCAL("new ObjectMapper()");

        private final String mapper;

        Recycling(String mapper) {
            this.mapper = mapper;
        }

        static Recycling of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** Builds the bundle under {@code root} from every jar in {@code libs}, in two variants. */
    static BenchBundle build(Path libs, Path root, Recycling recycling) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(libs, "*.jar")) {
            dir.forEach(jars::add);
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("no library jars in " + libs + ": the build copies them (benchmarks/pom.xml, bench-libs)");
        }
        // The biggest first: the report names the bundle after it.
        jars.sort(Comparator.comparingLong(BundleJars::size).reversed().thenComparing(Path::toString));
        PluginBuilder plugin = PluginBuilder.plugin(MODULE)
                .requires("com.fasterxml.jackson.databind")
                .withLiveIndex(PluginJars.LIVE_PREFIX)
                .implementation("""
                        package %s.impl;
                        import com.fasterxml.jackson.core.JsonProcessingException;
                        import com.fasterxml.jackson.databind.ObjectMapper;
                        import java.util.List;
                        public final class Impl implements io.hotswap.api.Plugin {
                            public static String live_echo(String s) {
                                return s;
                            }
                            @Override
                            public Object invokeFunc(String name, Object... params) {
                                switch (name) {
                                    case "echo": return params[0];
                                    case "first":
                                        try {
                                            return %s.writeValueAsString(List.of(1));
                                        } catch (JsonProcessingException e) {
                                            throw new IllegalStateException(e);
                                        }
                                    default: throw new UnsupportedOperationException("bench bundle has no function " + name);
                                }
                            }
                        }
                        """.formatted(MODULE, recycling.mapper));
        List<Path> variants = new ArrayList<>();
        List<List<Path>> floors = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            Path plain = Files.createDirectories(root.resolve("floor-" + variant)).resolve(MODULE + ".jar");
            // Compiled against the library jars: libs holds nothing else.
            PluginJars.variant(plugin, variant).buildAs(plain, libs);
            Path dir = Files.createDirectories(root.resolve(MODULE + "-" + variant));
            Path bundle = Jars.bundle(plain, dir.resolve(MODULE + ".jar"), Jars.libraries(jars));
            floors.add(floorModules(plain, bundle));
            variants.add(dir);
        }
        long bytes = jars.stream().mapToLong(BundleJars::size).sum();
        List<String> names = jars.stream().map(j -> j.getFileName().toString().replaceFirst("\\.jar$", "")).toList();
        return new BenchBundle(MODULE, variants, floors, names, bytes, FIRST_VALUE);
    }

    /**
     * The floor's module files: the plugin's plain jar, and each nested jar written out from the
     * bundle's own bytes next to it (the JDK's module finder takes files, not bytes in memory).
     */
    private static List<Path> floorModules(Path plain, Path bundle) throws IOException {
        List<Path> modules = new ArrayList<>(List.of(plain));
        try (JarFile in = new JarFile(bundle.toFile())) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (entry.getName().startsWith(BundleLayout.LIBRARIES)) {
                    Path file = plain.resolveSibling(entry.getName().substring(BundleLayout.LIBRARIES.length()));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        in.getInputStream(entry).transferTo(out);
                    }
                    modules.add(file);
                }
            }
        }
        return modules;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the size of " + file, e);
        }
    }
}
