package io.hotswap.cli;

import static io.hotswap.cli.PluginSource.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.management.JsonReader;
import io.hotswap.runtime.management.JsonWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** reload, status and hosts against a host in this JVM (the end-to-end test runs one in its own process). */
class RemoteCommandsTest {

    @TempDir
    Path src;

    @TempDir
    Path plugins;

    @TempDir
    Path base;

    private final long pid = ProcessHandle.current().pid();

    private Swapper host(String name) {
        return Swapper.builder(plugins).name(name).freeDelay(Duration.ZERO)
                .managementEndpoint(true).managementDirectory(base).build();
    }

    private void build(PluginSource source) throws Exception {
        Cli built = Cli.run("build", source.writeTo(src).toString(), plugins.toString());
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
            Map<String, Object> s = JsonReader.parseObject(status.out().strip());
            assertThat(s).containsEntry("host", "json").containsEntry("generation", 1L).containsEntry("pid", pid)
                    .containsEntry("leaked", 0L).containsEntry("staticLinking", false);
            assertThat((List<?>) s.get("plugins")).singleElement()
                    .satisfies(p -> {
                        assertThat(((Map<?, ?>) p).get("name")).isEqualTo("hello");
                        assertThat(((Map<?, ?>) p).get("sha256")).asString().hasSize(64);
                    });
        }
    }

    /** A status as a host with a plugin bundle sends it (the runtime does not fill libraries in yet). */
    private static Map<String, Object> statusWithLibraries() {
        Map<String, Object> gson = new java.util.LinkedHashMap<>();
        gson.put("name", "com.google.gson");
        gson.put("version", "2.10.1");
        gson.put("automatic", false);
        gson.put("path", "META-INF/hotswap/lib/gson-2.10.1.jar");
        Map<String, Object> lang3 = new java.util.LinkedHashMap<>();
        lang3.put("name", "org.apache.commons.lang3");
        lang3.put("version", "3.12.0");
        lang3.put("automatic", true);
        lang3.put("path", "META-INF/hotswap/lib/commons-lang3-3.12.0.jar");
        Map<String, Object> unversioned = new java.util.LinkedHashMap<>();
        unversioned.put("name", "tiny");
        unversioned.put("version", null);
        unversioned.put("automatic", true);
        unversioned.put("path", "META-INF/hotswap/lib/tiny.jar");
        Map<String, Object> bundle = new java.util.LinkedHashMap<>();
        bundle.put("name", "greeter");
        bundle.put("version", "1.0 sha256:0123456789ab");
        bundle.put("generation", 3L);
        bundle.put("reloadable", true);
        bundle.put("libraries", List.of(gson, lang3, unversioned));
        Map<String, Object> plain = new java.util.LinkedHashMap<>();
        plain.put("name", "hello");
        plain.put("version", "2.0 sha256:ba9876543210");
        plain.put("generation", 3L);
        plain.put("reloadable", true);
        plain.put("libraries", List.of());
        Map<String, Object> status = new java.util.LinkedHashMap<>();
        status.put("host", "bundled");
        status.put("pid", 4242L);
        status.put("pluginDir", "/srv/plugins");
        status.put("generation", 3L);
        status.put("reloadCounter", 2L);
        status.put("staticLinking", false);
        status.put("plugins", List.of(bundle, plain));
        status.put("retired", 0L);
        status.put("freed", 2L);
        status.put("collected", 2L);
        status.put("leaked", 0L);
        status.put("leaks", List.of());
        return status;
    }

    @Test
    void statusPrintsEachPluginsLibrariesUnderItAndNothingForAPlainPlugin() throws Exception {
        Path socket = base.resolve("canned.sock");
        String reply = JsonWriter.write(Map.of("ok", true, "status", statusWithLibraries()));
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
        Map<String, Object> sent = statusWithLibraries();
        try (CannedEndpoint endpoint = CannedEndpoint.answering(socket, JsonWriter.write(Map.of("ok", true, "status", sent)))) {

            Cli status = Cli.run("status", "--json", "--socket", socket.toString());

            assertThat(status.exitCode()).as(status.toString()).isZero();
            assertThat(status.out().strip()).isEqualTo(JsonWriter.write(sent));
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
