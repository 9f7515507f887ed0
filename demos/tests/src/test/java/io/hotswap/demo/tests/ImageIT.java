package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The image jlink/ builds: what is in it, what is not, and its launchers. */
class ImageIT {

    private final Path image = Path.of(System.getProperty("hotswap.root", "../.."), "jlink/target/image")
            .toAbsolutePath().normalize();

    @Test
    void holdsTheApplicationModulesAndOnlyTheJdkModulesTheyNeed() throws Exception {
        Set<String> modules = run(image.resolve("bin/java").toString(), "--list-modules").lines()
                .map(l -> l.replaceFirst("@.*", "")).collect(Collectors.toSet());

        assertThat(modules).contains("io.hotswap.api", "io.hotswap.protocol", "io.hotswap.runtime", "io.hotswap.cli",
                "io.hotswap.demo.hello", "io.hotswap.demo.extension", "io.hotswap.demo.livex",
                "io.hotswap.demo.slink", "io.hotswap.demo.trine", "io.hotswap.demo.libs", "io.hotswap.demo.web",
                "io.hotswap.build", "org.slf4j", "org.slf4j.simple", "io.github.classgraph", "info.picocli", "org.objectweb.asm", "jdk.compiler", "jdk.zipfs",
                "jdk.jdwp.agent");
        // JMX for jconsole and VisualVM: the agent (remote connector, attach's local agent) and RMI.
        assertThat(modules).contains("java.management", "jdk.management", "jdk.management.agent",
                "java.management.rmi");
        // The web demo's server is the JDK's own.
        assertThat(modules).contains("jdk.httpserver");
        // Only what the modules require: no desktop, no scripting, no HTTP client, no full JDK.
        assertThat(modules).doesNotContain("java.desktop", "java.scripting", "java.net.http", "java.sql", "jdk.jshell");
        // The libs demo's Gson lives in its plugin bundles only, never in the boot layer.
        assertThat(modules).doesNotContain("com.google.gson");
    }

    @Test
    void hasALauncherForTheCommandAndEveryDemoHostAndNoHeadersOrManPages() {
        for (String launcher : List.of("hotswap", "hello", "extension", "livex", "slink", "trine", "libs", "web")) {
            assertThat(image.resolve("bin").resolve(launcher)).as("bin/" + launcher).isExecutable();
        }
        assertThat(image.resolve("include")).doesNotExist();
        assertThat(image.resolve("man")).doesNotExist();
    }

    @Test
    void everyDemoHostAnswersHelpWithItsUsageAndRefusesAnUnknownOption() throws Exception {
        for (String host : List.of("hello", "extension", "livex", "slink", "trine", "libs", "web")) {
            String launcher = image.resolve("bin").resolve(host).toString();
            assertThat(run(launcher, "--help")).as(host + " --help").startsWith("usage: " + host + " <pluginDir> [name]");

            Process p = new ProcessBuilder(launcher, "--verbose").redirectErrorStream(true).start();
            try {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(host + " --verbose").isEqualTo(2);
                assertThat(out).as("no plugin directory named --verbose, no stack trace")
                        .startsWith("usage: " + host).doesNotContain("Exception");
            } finally {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void theCommandReadsTheProtocolAndNotTheRuntime() throws Exception {
        String cli = run(image.resolve("bin/java").toString(), "--describe-module", "io.hotswap.cli");

        assertThat(cli.lines()).contains("requires io.hotswap.protocol")
                .noneMatch(l -> l.startsWith("requires io.hotswap.runtime"));
        assertThat(run(image.resolve("bin/java").toString(), "--describe-module", "io.hotswap.protocol").lines())
                .filteredOn(l -> l.startsWith("requires")).containsExactly("requires java.base mandated");
    }

    @Test
    void theLaunchersPassJavaOptsToTheHostsAndHotswapOptsToTheCommand() throws Exception {
        ProcessBuilder host = new ProcessBuilder(image.resolve("bin/hello").toString(), "--help").redirectErrorStream(true);
        host.environment().put("JAVA_OPTS", "-XshowSettings:properties -Dhotswap.probe=from-java-opts");
        String hostOut = output(host.start());
        assertThat(hostOut).contains("hotswap.probe = from-java-opts").contains("usage: hello");

        ProcessBuilder command = new ProcessBuilder(image.resolve("bin/hotswap").toString(), "--help").redirectErrorStream(true);
        command.environment().put("HOTSWAP_OPTS", "-XshowSettings:properties -Dhotswap.probe=from-hotswap-opts");
        command.environment().put("JAVA_OPTS", "-Dhotswap.other=not-for-the-command");
        String commandOut = output(command.start());
        assertThat(commandOut).contains("hotswap.probe = from-hotswap-opts").doesNotContain("not-for-the-command")
                .contains("Usage: hotswap");
    }

    private static String output(Process p) throws IOException, InterruptedException {
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void theImageShipsTheCommandsBashCompletion() throws Exception {
        String script = java.nio.file.Files.readString(image.resolve("bin/hotswap_completion"));
        assertThat(script).startsWith("#!/usr/bin/env bash").contains("complete -F _complete_hotswap")
                .contains("generate-completion").contains("--prefixLive").contains("--timeout");
    }

    @Test
    void theCommandRunsFromTheImage() throws Exception {
        assertThat(run(image.resolve("bin/hotswap").toString(), "--help"))
                .contains("build").contains("reload").contains("status").contains("hosts");
    }

    @Test
    void theDefaultCdsArchiveHoldsTheRuntimeAndSlf4jForEveryCommand() throws Exception {
        assertThat(image.resolve("lib/server/classes.jsa")).isRegularFile();
        // -Xshare:on: no start at all if the archive cannot be mapped. The host stops at once (no
        // such plugin directory), after its logger and the swapper's builder were loaded.
        Process p = new ProcessBuilder(image.resolve("bin/java").toString(), "-Xshare:on", "-Xlog:class+load=info",
                "-m", "io.hotswap.demo.hello/io.hotswap.demo.hello.HelloHost", "/no/such/plugin/dir")
                .redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("/no/such/plugin/dir")
                    .contains("org.slf4j.simple.SimpleLogger source: shared objects file")
                    .contains("io.hotswap.runtime.Swapper$Builder source: shared objects file");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void theCommandStartsFromTheArchivedModuleGraphWithItsClassesInTheArchive() throws Exception {
        // bin/hotswap names its main class instead of -m: the JVM then takes the boot layer from
        // the CDS archive, which holds the command's classes too (benchmarks/NOTES.md).
        ProcessBuilder command = new ProcessBuilder(image.resolve("bin/hotswap").toString(), "reload", "--runtime-dir",
                image.resolve("no-such-runtime-dir").toString()).redirectErrorStream(true);
        command.environment().put("HOTSWAP_OPTS", "-Xshare:on -Xlog:cds=info -Xlog:class+load=info");
        Process p = command.start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(out).contains("full module graph: enabled")
                    .contains("io.hotswap.cli.remote.QuickReload source: shared objects file")
                    .contains("io.hotswap.protocol.endpoint.EndpointDirectory source: shared objects file")
                    .contains("found no host with a management endpoint");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void everyLauncherModuleNamesItsMainClassSoJlinkResolvesItsGraphAtLinkTime() {
        // jlink pre-resolves the module graph of each module whose descriptor names a main class
        // (ModuleMainClass); without it the JVM resolves bin/hello's graph at every start.
        Path modules = image.getParent().resolve("modules");
        Map<String, String> mainClasses = Map.of(
                "io.hotswap.cli", "io.hotswap.cli.HotswapCommand",
                "io.hotswap.demo.hello", "io.hotswap.demo.hello.HelloHost",
                "io.hotswap.demo.extension", "io.hotswap.demo.extension.ExtensionHost",
                "io.hotswap.demo.livex", "io.hotswap.demo.livex.LivexHost",
                "io.hotswap.demo.slink", "io.hotswap.demo.slink.SlinkHost",
                "io.hotswap.demo.trine", "io.hotswap.demo.trine.TrineHost",
                "io.hotswap.demo.libs", "io.hotswap.demo.libs.LibsHost",
                "io.hotswap.demo.web", "io.hotswap.demo.web.WebHost");
        ModuleFinder finder = ModuleFinder.of(modules);
        mainClasses.forEach((module, main) -> assertThat(finder.find(module)).as(module + " in " + modules)
                .hasValueSatisfying(m -> assertThat(m.descriptor().mainClass()).hasValue(main)));
    }

    @Test
    void pluginsStayOutsideTheImage() throws IOException {
        try (Stream<Path> files = Files.walk(image)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    // lib/jrt-fs.jar is the JDK's own, in every image
                    .noneMatch(n -> n.endsWith(".jar") && !n.equals("jrt-fs.jar"))
                    .noneMatch(n -> n.equals("module-info.java"));
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
            assertThat(p.exitValue()).as("exit code of %s; output:%n%s", String.join(" ", command), out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
