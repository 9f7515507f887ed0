package io.hotswap.cli;

import static io.hotswap.cli.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ProtocolException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host in its own JVM (module {@code testhost}, compiled here, launched with
 * {@code java --module-path ... -m testhost/testhost.Main}), driven by the hotswap command run
 * in-process: build, hosts, status, reload, as a developer would.
 */
class EndToEndTest {

    private static final String HOST_MODULE = """
            module testhost {
                requires io.hotswap.runtime;
            }
            """;

    private static final String HOST_MAIN = """
            package testhost;

            import io.hotswap.runtime.Swapper;
            import java.nio.file.Path;
            import java.time.Duration;

            /** args: pluginDir runtimeDir name [static]. Serves until its standard input closes. */
            public final class Main {
                public static void main(String[] args) throws Exception {
                    boolean staticLinking = args.length > 3 && args[3].equals("static");
                    try (Swapper swapper = Swapper.builder(Path.of(args[0])).name(args[2]).freeDelay(Duration.ZERO)
                            .managementEndpoint(true).managementDirectory(Path.of(args[1])).jmx(true)
                            .staticLinking(staticLinking).build()) {
                        swapper.loadPlugins(null);
                        System.out.println("READY " + swapper.invokeEach("hum").get(0).result());
                        while (System.in.read() != -1) {
                            // serving
                        }
                    }
                    System.out.println("CLOSED");
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void buildReloadAndStatusDriveAHostInAnotherProcess() throws Exception {
        Path src = work.resolve("src");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path base = Files.createDirectories(work.resolve("run"));
        build(plugin("hello").version("v1").writeSourcesTo(src), plugins);

        Process host = startHost(List.of(), plugins, base, "e2e-host");
        try {
            awaitOutput(host, "READY hello:v1");
            String pid = String.valueOf(host.pid());
            String[] at = {"--runtime-dir", base.toString()};

            Cli hosts = Cli.run("hosts", at[0], at[1]);
            assertThat(hosts.out().lines()).containsExactly(pid + " e2e-host " + plugins);
            HostStatus before = status(at, "--host", "e2e-host");
            assertThat(before).extracting(HostStatus::generation, HostStatus::pid).containsExactly(1L, host.pid());
            String v1 = before.plugins().get(0).version();

            build(plugin("hello").version("v2").writeSourcesTo(src), plugins);
            Cli reload = Cli.run("reload", at[0], at[1], "--pid", pid);

            assertThat(reload.exitCode()).as(reload.toString()).isZero();
            assertThat(reload.out()).contains("reloaded: generation 2").contains("  hello  OK");
            HostStatus after = status(at, "--pid", pid);
            assertThat(after).extracting(HostStatus::generation, HostStatus::reloadCounter).containsExactly(2L, 1L);
            assertThat(after.plugins().get(0).version()).isNotEqualTo(v1).containsPattern("\\+nogit sha256:");
            await("the old version freed").atMost(Duration.ofSeconds(30))
                    .until(() -> status(at, "--pid", pid).freed() == 1);
            Cli human = Cli.run("status", at[0], at[1]);
            assertThat(human.out()).contains("generation:  2 (1 reloads)").contains("freed: 1").contains("leaked: 0");

            build(plugin("hello").version("v3").onLoad("throw new IllegalStateException(\"v3 cannot start\");")
                    .writeSourcesTo(src), plugins);
            Cli failed = Cli.run("reload", at[0], at[1]);
            assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
            assertThat(failed.err()).contains("Plugin hello failed at step 'onLoad()'").contains("v3 cannot start");
            assertThat(status(at).generation()).isEqualTo(2L);

            host.getOutputStream().close(); // the host closes its swapper and exits
            assertThat(host.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(host.exitValue()).isZero();
            assertThat(Files.readString(work.resolve("host.out"))).contains("CLOSED");
            assertThat(Cli.run("hosts", at[0], at[1]).out()).as("socket and sidecar removed").isEmpty();
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void aBundleBuiltWithLibRunsInAHostAndStatusListsItsLibraries() throws Exception {
        Path libs = Path.of(System.getProperty("hotswap.test.libs", "target/test-libs"));
        Path src = work.resolve("src");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        Path base = Files.createDirectories(work.resolve("run"));
        // onLoad uses both libraries: the host fails to start if either does not link
        Path source = plugin("hello").requires("com.google.gson", "org.apache.commons.lang3")
                .onLoad("org.apache.commons.lang3.Validate.isTrue(new com.google.gson.Gson().toJson(1).equals(\"1\"));")
                .writeSourcesTo(src);
        Cli built = Cli.run("build", "--lib", libs.resolve("gson-2.10.1.jar").toString(),
                "--lib", libs.resolve("commons-lang3-3.12.0.jar").toString(), source.toString(), plugins.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();

        Process host = startHost(List.of(), plugins, base, "bundle-host");
        try {
            awaitOutput(host, "READY hello:v1");
            String[] at = {"--runtime-dir", base.toString()};

            assertThat(status(at).plugins().get(0).libraries()).containsExactly(
                    new LibraryStatus("org.apache.commons.lang3", java.util.Optional.of("3.12.0"), true,
                            "META-INF/hotswap/lib/commons-lang3-3.12.0.jar"),
                    new LibraryStatus("com.google.gson", java.util.Optional.of("2.10.1"), false,
                            "META-INF/hotswap/lib/gson-2.10.1.jar"));
            assertThat(Cli.run("status", at[0], at[1]).out())
                    .contains("lib com.google.gson 2.10.1").contains("lib org.apache.commons.lang3 3.12.0 (automatic)");
        } finally {
            host.destroyForcibly();
        }
    }

    @Test
    void aStaticallyLinkedHostRunsThePluginFromItsModulePathAndRefusesReload() throws Exception {
        Path src = work.resolve("src");
        Path modules = Files.createDirectories(work.resolve("modules"));
        Path base = Files.createDirectories(work.resolve("run"));
        Cli built = Cli.run("build", "--staticLinking", plugin("hello").writeSourcesTo(src).toString(), modules.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();

        Process host = startHost(List.of(modules), work.resolve("unused"), base, "slink", "static");
        try {
            awaitOutput(host, "READY hello:v1");
            String[] at = {"--runtime-dir", base.toString()};
            assertThat(status(at)).extracting(HostStatus::staticLinking, HostStatus::generation).containsExactly(true, 1L);

            Cli reload = Cli.run("reload", at[0], at[1]);

            assertThat(reload.exitCode()).isEqualTo(1);
            assertThat(reload.err()).contains("static linking is on");
            assertThat(Cli.run("status", at[0], at[1]).out()).contains("static linking");
        } finally {
            host.destroyForcibly();
        }
    }

    private void build(Path source, Path out) {
        Cli built = Cli.run("build", source.toString(), out.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();
    }

    private static HostStatus status(String[] at, String... select) throws ProtocolException {
        List<String> args = new ArrayList<>(List.of("status", "--json", at[0], at[1]));
        args.addAll(List.of(select));
        Cli status = Cli.run(args.toArray(String[]::new));
        assertThat(status.exitCode()).as(status.toString()).isZero();
        return ProtocolCodec.decodeStatus(status.out().strip());
    }

    private Process startHost(List<Path> extraModules, Path plugins, Path base, String name, String... mode)
            throws IOException {
        Path hostClasses = compileHost();
        List<String> modulePath = new ArrayList<>(List.of(System.getProperty("jdk.module.path"), hostClasses.toString()));
        modulePath.addAll(runtimeModules());
        extraModules.forEach(m -> modulePath.add(m.toString()));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "--module-path", String.join(File.pathSeparator, modulePath),
                "-m", "testhost/testhost.Main", plugins.toString(), base.toString(), name));
        cmd.addAll(List.of(mode));
        return new ProcessBuilder(cmd)
                .redirectOutput(work.resolve("host.out").toFile())
                .redirectError(work.resolve("host.err").toFile())
                .start();
    }

    /**
     * The runtime and what it requires beyond the command's own modules: this JVM has them on its
     * upgrade module path (the command does not read the runtime; see the surefire configuration).
     */
    private static List<String> runtimeModules() {
        return Stream.of(System.getProperty("jdk.module.upgrade.path").split(File.pathSeparator)).toList();
    }

    private void awaitOutput(Process host, String line) {
        await("the host to start").atMost(Duration.ofSeconds(60)).until(() -> {
            if (!host.isAlive()) {
                throw new AssertionError("host exited with " + host.exitValue() + ":\n"
                        + Files.readString(work.resolve("host.err")));
            }
            return Files.readString(work.resolve("host.out")).contains(line);
        });
    }

    private Path compileHost() throws IOException {
        Path src = work.resolve("testhost-src");
        Path classes = work.resolve("testhost-classes");
        if (Files.exists(classes.resolve("module-info.class"))) {
            return classes;
        }
        Files.createDirectories(src.resolve("testhost"));
        Files.writeString(src.resolve("module-info.java"), HOST_MODULE);
        Files.writeString(src.resolve("testhost/Main.java"), HOST_MAIN);
        int rc = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "--module-path", System.getProperty("jdk.module.path") + File.pathSeparator
                        + String.join(File.pathSeparator, runtimeModules()),
                src.resolve("module-info.java").toString(), src.resolve("testhost/Main.java").toString());
        assertThat(rc).as("test host compiles").isZero();
        return classes;
    }
}
