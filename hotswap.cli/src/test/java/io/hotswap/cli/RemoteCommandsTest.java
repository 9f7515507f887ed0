package io.hotswap.cli;

import static io.hotswap.cli.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.testkit.plugins.PluginBuilder;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LeaksReply;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.PluginStatus;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.StatusReply;
import io.hotswap.runtime.Swapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reload, status, leaks and hosts against a host in this JVM (the end-to-end test runs one in its own process). */
class RemoteCommandsTest {

    @TempDir
    Path src;

    @TempDir
    Path plugins;

    @TempDir
    Path base;

    private final long pid = ProcessHandle.current().pid();

    // The test host's registry, where the leaks test leaves an old plugin object.
    static final List<Object> KEPT = new ArrayList<>();

    @AfterEach
    void clear() {
        KEPT.clear();
    }

    private Swapper host(String name) {
        return Swapper.builder(plugins).name(name).freeDelay(Duration.ZERO)
                .managementEndpoint(true).managementDirectory(base).build();
    }

    // A host whose leak watch proves a leak at the first collection, which it asks for itself.
    private Swapper leakWatchedHost(String name) {
        return Swapper.builder(plugins).name(name).freeDelay(Duration.ZERO).managementEndpoint(true)
                .managementDirectory(base).leakThreshold(1, Duration.ZERO).leakCheckInterval(Duration.ofMillis(100)).build();
    }

    private void build(PluginBuilder source) throws Exception {
        Cli built = Cli.run("build", source.writeSourcesTo(src).toString(), plugins.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();
    }

    @Test
    void hostsListsPidNameAndPluginDirectoryOfEachHost() throws Exception {
        build(plugin("hello"));
        try (Swapper a = host("alpha-host"); Swapper b = host("beta-host")) {
            Cli hosts = Cli.run("hosts", "--runtime-dir", base.toString());

            assertThat(hosts.exitCode()).isZero();
            assertThat(hosts.out().lines()).containsExactly(pid + " alpha-host " + plugins, pid + " beta-host " + plugins);
        }
        assertThat(Cli.run("hosts", "--runtime-dir", base.toString()).out()).isEmpty();
    }

    @Test
    void reloadPrintsTheOutcomePerPluginAndStatusShowsTheNewVersion() throws Exception {
        build(plugin("hello").version("v1"));
        try (Swapper swapper = host("remote")) {
            swapper.loadPlugins(null);
            build(plugin("hello").version("v2"));

            Cli reload = Cli.run("reload", "--runtime-dir", base.toString(), "--host", "remote");

            assertThat(reload.exitCode()).as(reload.toString()).isZero();
            assertThat(reload.out()).startsWith("reloaded: generation 2 in ").contains("  hello  OK");
            assertThat(swapper.current().find("hello").orElseThrow().invokeFunc("x")).isEqualTo("hello:v2");

            Cli status = Cli.run("status", "--runtime-dir", base.toString(), "--pid", String.valueOf(pid));
            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("host:        remote (pid " + pid + ")")
                    .contains("generation:  2 (1 reloads)")
                    .containsPattern("  hello  \\d{8}\\.\\d{6}\\+nogit sha256:[0-9a-f]{12}  \\(generation 2\\)")
                    .contains("leaked: 0");
        }
    }

    @Test
    void statusJsonIsOneLineForScripts() throws Exception {
        build(plugin("hello"));
        try (Swapper swapper = host("json")) {
            swapper.loadPlugins(null);

            Cli status = Cli.run("status", "--json", "--runtime-dir", base.toString());

            assertThat(status.exitCode()).isZero();
            assertThat(status.out().lines()).hasSize(1);
            HostStatus s = ProtocolCodec.decodeStatus(status.out().strip());
            assertThat(s).extracting(HostStatus::host, HostStatus::generation, HostStatus::pid, HostStatus::leaked,
                    HostStatus::staticLinking).containsExactly("json", 1L, pid, 0L, false);
            assertThat(s.plugins()).singleElement()
                    .satisfies(p -> {
                        assertThat(p.name()).isEqualTo("hello");
                        assertThat(p.sha256()).hasSize(64);
                    });
        }
    }

    @Test
    void leaksNamesTheStaticCollectionTheHostKeptAnOldPluginObjectIn() throws Exception {
        build(plugin("hello").version("v1"));
        try (Swapper swapper = leakWatchedHost("leaky")) {
            swapper.loadPlugins(null);
            keepThePlugin(swapper);
            build(plugin("hello").version("v2"));
            swapper.reload(null);
            await("the leak proven").atMost(Duration.ofSeconds(60)).until(() -> swapper.status().leaked() == 1);

            Cli leaks = Cli.run("leaks", "--runtime-dir", base.toString(), "--host", "leaky");
            Cli json = Cli.run("leaks", "--json", "--runtime-dir", base.toString(), "--host", "leaky");

            assertThat(leaks.exitCode()).as(leaks.toString()).isZero();
            assertThat(leaks.out().lines()).hasSize(2);
            assertThat(leaks.out().lines().findFirst().orElseThrow()).startsWith("leaked hello ").endsWith(", held by:");
            assertThat(leaks.out()).contains("  static field " + RemoteCommandsTest.class.getName() + ".KEPT"
                    + " -> java.util.ArrayList.elementData -> java.lang.Object[] [0] -> hello.impl.Impl"
                    + " -> class hello.impl.Impl -> class loader plugin-hello@");
            assertThat(json.exitCode()).as(json.toString()).isZero();
            assertThat(((LeaksReply) ProtocolCodec.decodeReply(json.out().strip())).paths()).singleElement()
                    .satisfies(p -> assertThat(p.chain()).startsWith("static field ").endsWith(p.loader()));
        }
    }

    @Test
    void aHostWithoutLeaksSaysSo() throws Exception {
        build(plugin("hello"));
        try (Swapper swapper = leakWatchedHost("clean")) {
            swapper.loadPlugins(null);

            Cli leaks = Cli.run("leaks", "--runtime-dir", base.toString(), "--host", "clean");

            assertThat(leaks.exitCode()).as(leaks.toString()).isZero();
            assertThat(leaks.out().strip()).isEqualTo("no leaked plugin versions");
        }
    }

    // In a frame of its own, so that no local variable of the test holds the plugin.
    private static void keepThePlugin(Swapper swapper) {
        KEPT.add(swapper.current().find("hello").orElseThrow().plugin());
    }

    /** A status as a host with a plugin bundle sends it. */
    private static HostStatus statusWithLibraries() {
        LibraryStatus gson = new LibraryStatus("com.google.gson", Optional.of("2.10.1"), false,
                "META-INF/hotswap/lib/gson-2.10.1.jar");
        LibraryStatus lang3 = new LibraryStatus("org.apache.commons.lang3", Optional.of("3.12.0"), true,
                "META-INF/hotswap/lib/commons-lang3-3.12.0.jar");
        LibraryStatus unversioned = new LibraryStatus("tiny", Optional.empty(), true, "META-INF/hotswap/lib/tiny.jar");
        String sha = "0123456789ab".repeat(5) + "cdef";
        PluginStatus bundle = new PluginStatus("greeter", "1.0 sha256:0123456789ab", Optional.of("1.0"), sha,
                Optional.of("/srv/plugins/greeter.jar"), Instant.parse("2026-12-01T10:00:00Z"), 3, true, List.of(),
                List.of(gson, lang3, unversioned));
        PluginStatus plain = new PluginStatus("hello", "2.0 sha256:ba9876543210", Optional.of("2.0"), sha,
                Optional.of("/srv/plugins/hello.jar"), Instant.parse("2026-12-01T10:00:00Z"), 3, true, List.of(),
                List.of());
        return new HostStatus("bundled", 4242, "/srv/plugins", 3, 2, false, List.of(bundle, plain), 0, 2, 2, 0,
                List.of(), Optional.empty());
    }

    @Test
    void reloadGivesUpAfterItsTimeoutWhenTheHostDoesNotAnswer() throws Exception {
        Path socket = base.resolve("silent.sock");
        try (CannedEndpoint endpoint = CannedEndpoint.silent(socket)) {

            Cli reload = Cli.run("reload", "--socket", socket.toString(), "--timeout", "1");

            assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(1);
            assertThat(endpoint.request()).isEqualTo("{\"command\":\"reload\"}");
            assertThat(reload.err()).contains("did not answer within 1 s").contains("hotswap status");
        }
    }

    @Test
    void aReloadTimeoutThatIsNotPositiveIsAUsageError() {
        Cli reload = Cli.run("reload", "--socket", base.resolve("none.sock").toString(), "--timeout", "0");

        assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(2);
        assertThat(reload.err()).contains("--timeout must be a positive number of seconds, was 0");
    }

    @Test
    void statusShowsAReloadInProgressWithItsPluginAndStep() throws Exception {
        Path socket = base.resolve("canned.sock");
        HostStatus s = statusWithLibraries();
        HostStatus busy = new HostStatus(s.host(), s.pid(), s.pluginDir(), s.generation(), s.reloadCounter(),
                s.staticLinking(), s.plugins(), s.retired(), s.freed(), s.collected(), s.leaked(), s.leaks(),
                Optional.of(new io.hotswap.protocol.ReloadingStatus(Instant.parse("2026-12-01T10:31:02Z"),
                        Optional.of("acc.hang"), "onLoad()", Instant.parse("2026-12-01T10:31:03Z"))));
        try (CannedEndpoint endpoint = CannedEndpoint.answering(socket, ProtocolCodec.encode(new StatusReply(busy)))) {

            Cli status = Cli.run("status", "--socket", socket.toString());

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("reloading:   since 2026-12-01T10:31:02Z: acc.hang at step onLoad()"
                    + " (since 2026-12-01T10:31:03Z)");
        }
    }

    @Test
    void statusPrintsEachPluginsLibrariesUnderItAndNothingForAPlainPlugin() throws Exception {
        Path socket = base.resolve("canned.sock");
        String reply = ProtocolCodec.encode(new StatusReply(statusWithLibraries()));
        try (CannedEndpoint endpoint = CannedEndpoint.answering(socket, reply)) {

            Cli status = Cli.run("status", "--socket", socket.toString());

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(endpoint.request()).isEqualTo("{\"command\":\"status\"}");
            assertThat(status.out()).contains(String.join("\n",
                    "  greeter  1.0 sha256:0123456789ab  (generation 3)",
                    "      lib com.google.gson 2.10.1",
                    "      lib org.apache.commons.lang3 3.12.0 (automatic)",
                    "      lib tiny (automatic)",
                    "  hello    2.0 sha256:ba9876543210  (generation 3)",
                    "retired:     0  freed: 2  collected: 2  leaked: 0"));
        }
    }

    @Test
    void statusJsonPassesTheLibrariesThrough() throws Exception {
        Path socket = base.resolve("canned.sock");
        HostStatus sent = statusWithLibraries();
        try (CannedEndpoint endpoint = CannedEndpoint.answering(socket, ProtocolCodec.encode(new StatusReply(sent)))) {

            Cli status = Cli.run("status", "--json", "--socket", socket.toString());

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out().strip()).isEqualTo(ProtocolCodec.encode(sent));
            assertThat(endpoint.request()).isEqualTo("{\"command\":\"status\"}");
        }
    }

    @Test
    void aFailedReloadPrintsPluginStepAndCauseAndExitsOne() throws Exception {
        build(plugin("hello").version("v1"));
        try (Swapper swapper = host("failing")) {
            swapper.loadPlugins(null);
            build(plugin("hello").version("v2").onLoad("throw new IllegalStateException(\"no database\");"));

            Cli reload = Cli.run("reload", "--runtime-dir", base.toString());

            assertThat(reload.exitCode()).as(reload.toString()).isEqualTo(1);
            assertThat(reload.err()).contains("reload failed: Plugin hello failed at step 'onLoad()'")
                    .contains("no database").contains("  plugin: hello").contains("  step:   onLoad()")
                    .contains("keeps serving");
            assertThat(swapper.current().find("hello").orElseThrow().invokeFunc("x")).isEqualTo("hello:v1");
        }
    }

    @Test
    void aSocketPathSelectsTheHostDirectly() throws Exception {
        build(plugin("hello"));
        try (Swapper swapper = host("by-socket")) {
            swapper.loadPlugins(null);
            Path socket = base.resolve("hotswap-" + System.getProperty("user.name")).resolve("by-socket-" + pid + ".sock");

            Cli status = Cli.run("status", "--json", "--socket", socket.toString());

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out()).contains("\"host\":\"by-socket\"");
        }
    }

    @Test
    void noMatchingHostExitsOneAndAnAmbiguousChoiceExitsTwo() throws Exception {
        build(plugin("hello"));
        Cli none = Cli.run("reload", "--runtime-dir", base.toString(), "--host", "ghost");
        assertThat(none.exitCode()).isEqualTo(1);
        assertThat(none.err()).contains("found no host named ghost");

        try (Swapper a = host("one"); Swapper b = host("two")) {
            Cli ambiguous = Cli.run("status", "--runtime-dir", base.toString());
            assertThat(ambiguous.exitCode()).isEqualTo(2);
            assertThat(ambiguous.err()).contains("several hosts match").contains("one (pid " + pid + ")")
                    .contains("Usage: hotswap status");

            Cli both = Cli.run("status", "--runtime-dir", base.toString(), "--host", "one", "--pid", "1");
            assertThat(both.exitCode()).isEqualTo(2);
            assertThat(both.err()).contains("mutually exclusive");
        }
    }
}
