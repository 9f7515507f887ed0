package io.hotswap.runtime;

import static io.hotswap.runtime.fixtures.HugeEntries.withHugeEntry;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host in its own JVM with a 64 MiB heap reloads a plugin whose jar holds one entry of 600 MiB
 * (600 KiB compressed): with the default limits the reload fails at the read step naming the
 * plugin, the file, the entry and the limit; with the limit raised it succeeds, the entry checked
 * and served as a stream. In neither case does an {@code OutOfMemoryError} leave the reload, and
 * the host keeps serving.
 */
class SmallHeapTest {

    private static final long HUGE = 600L << 20;
    private static final String HUGE_ENTRY = "alpha/impl/huge.bin";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    /** Reads its own huge resource as a stream and answers how many bytes it had. */
    private static final String INVOKE = """
            if (name.equals("size")) {
                try (java.io.InputStream in = getClass().getModule().getResourceAsStream("%s")) {
                    return in == null ? "none" : String.valueOf(in.transferTo(java.io.OutputStream.nullOutputStream()));
                }
            }
            return "alpha:" + VERSION;
            """.formatted(HUGE_ENTRY);

    private static final String HOST_MODULE = """
            module memhost {
                requires io.hotswap.runtime;
            }
            """;

    private static final String HOST_MAIN = """
            package memhost;

            import io.hotswap.runtime.ReloadException;
            import io.hotswap.runtime.Swapper;
            import java.io.BufferedReader;
            import java.io.InputStreamReader;
            import java.nio.file.Path;
            import java.time.Duration;

            /** args: pluginDir [maxInflatedSize]. Reloads on each line "reload" of its input. */
            public final class Main {
                public static void main(String[] args) throws Exception {
                    Swapper.Builder builder = Swapper.builder(Path.of(args[0])).name("memhost").freeDelay(Duration.ZERO);
                    if (args.length > 1) {
                        builder.maxInflatedSize(Long.parseLong(args[1]));
                    }
                    try (Swapper swapper = builder.build()) {
                        swapper.loadPlugins(null);
                        System.out.println("READY " + swapper.invokeEach("version").get(0).result());
                        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
                        for (String line; (line = in.readLine()) != null; ) {
                            try {
                                System.out.println("RELOADED " + swapper.reload(null));
                            } catch (ReloadException e) {
                                System.out.println("FAILED " + e.getMessage().replace('\\n', ' '));
                            } catch (Throwable t) {
                                System.out.println("THREW " + t);
                            }
                            Object size = swapper.current().find("alpha").orElseThrow().invokeFunc("size");
                            System.out.println("SERVES " + swapper.invokeEach("version").get(0).result() + " " + size);
                        }
                    }
                    System.out.println("CLOSED");
                }
            }
            """;

    @TempDir
    static Path shared;

    private static Path hugeJar;
    private static Path hostClasses;

    @TempDir
    Path work;

    @BeforeAll
    static void buildTheHugeJarAndTheHost() throws IOException {
        Path dir = Files.createDirectories(shared.resolve("build"));
        Path v2 = plugin("alpha").version("v2").invoke(INVOKE).buildAs(dir.resolve("alpha-v2.jar"), dir);
        hugeJar = withHugeEntry(v2, shared.resolve("alpha-huge.jar"), HUGE_ENTRY, HUGE);
        hostClasses = compileHost(shared.resolve("host"));
    }

    @Test
    void withTheDefaultLimitsTheReloadFailsNamingPluginFileEntryAndLimitAndTheHostServesOn() throws Exception {
        assertThat(Files.size(hugeJar)).as("the jar is small, its entry is not").isLessThan(4 << 20);
        Host host = Host.start(work, Optional.empty());
        try {
            Path jar = host.replacePluginWith(hugeJar);

            String reply = host.reload();

            assertThat(reply).startsWith("FAILED Plugin alpha failed at step 'read jar': Jar " + jar + " inflates to 600.")
                    .contains("more than the limit of 512 MiB on a plugin's inflated size (maxInflatedSize);"
                            + " its largest entry, " + HUGE_ENTRY + ", declares 600 MiB");
            assertThat(host.lastLine()).isEqualTo("SERVES alpha:v1 none");
            host.close();
            assertThat(host.errors()).doesNotContain("OutOfMemoryError");
        } finally {
            host.destroy();
        }
    }

    @Test
    void withTheLimitRaisedTheHugeEntryIsCheckedAndServedAsAStreamInTheSmallHeap() throws Exception {
        Host host = Host.start(work, Optional.of(1L << 30));
        try {
            host.replacePluginWith(hugeJar);

            String reply = host.reload();

            assertThat(reply).startsWith("RELOADED generation 2").contains("alpha=OK");
            assertThat(host.lastLine()).isEqualTo("SERVES alpha:v2 " + HUGE);
            host.close();
            assertThat(host.errors()).doesNotContain("OutOfMemoryError");
        } finally {
            host.destroy();
        }
    }

    /** The host's JVM, its plugin directory holding alpha v1 when it starts. */
    private record Host(Process process, Path plugins, Path out, Path err) {

        static Host start(Path work, Optional<Long> maxInflatedSize) throws IOException {
            Path plugins = Files.createDirectories(work.resolve("plugins"));
            plugin("alpha").invoke(INVOKE).buildInto(plugins);
            List<String> cmd = new java.util.ArrayList<>(List.of(java(), "-Xmx64m", "-XX:-UsePerfData",
                    "--module-path", System.getProperty("jdk.module.path") + File.pathSeparator + hostClasses,
                    "-m", "memhost/memhost.Main", plugins.toString()));
            maxInflatedSize.ifPresent(max -> cmd.add(String.valueOf(max)));
            Path out = work.resolve("host.out");
            Path err = work.resolve("host.err");
            Process process = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            Host host = new Host(process, plugins, out, err);
            host.awaitLine("READY ");
            assertThat(host.lastLine()).isEqualTo("READY alpha:v1");
            return host;
        }

        Path replacePluginWith(Path jar) throws IOException {
            Path tmp = Files.copy(jar, plugins.resolve("alpha.jar.tmp"));
            return Files.move(tmp, plugins.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }

        /** Asks for a reload; its reply line, once the host says what it serves after it. */
        String reload() throws IOException {
            OutputStream in = process.getOutputStream();
            in.write("reload\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            awaitLine("SERVES ");
            List<String> lines = lines();
            return lines.get(lines.size() - 2);
        }

        String lastLine() throws IOException {
            List<String> lines = lines();
            return lines.get(lines.size() - 1);
        }

        void close() throws Exception {
            process.getOutputStream().close();
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the host exits").isTrue();
            assertThat(process.exitValue()).as(errors()).isZero();
            assertThat(lastLine()).isEqualTo("CLOSED");
        }

        String errors() throws IOException {
            return Files.readString(err);
        }

        void destroy() {
            process.destroyForcibly();
        }

        private void awaitLine(String prefix) {
            await("the host prints '" + prefix + "'").atMost(PATIENCE).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive() && !lastLine().startsWith(prefix)) {
                            throw new AssertionError("the host exited: " + lines() + " " + errors());
                        }
                        List<String> lines = lines();
                        return !lines.isEmpty() && lines.get(lines.size() - 1).startsWith(prefix);
                    });
        }

        private List<String> lines() throws IOException {
            return Files.readAllLines(out);
        }

        private static String java() {
            return ProcessHandle.current().info().command()
                    .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
    }

    private static Path compileHost(Path dir) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.resolve("memhost"));
        Files.writeString(src.resolve("module-info.java"), HOST_MODULE);
        Files.writeString(src.resolve("memhost/Main.java"), HOST_MAIN);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, OutputStream.nullOutputStream(), new PrintStream(errors),
                "--release", "17", "-d", classes.toString(), "--module-path", System.getProperty("jdk.module.path"),
                src.resolve("module-info.java").toString(), src.resolve("memhost/Main.java").toString());
        assertThat(rc).as(errors.toString()).isZero();
        return classes;
    }
}
