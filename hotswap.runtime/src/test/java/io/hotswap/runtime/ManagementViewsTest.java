package io.hotswap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.protocol.ErrorReply;
import io.hotswap.protocol.HostStatus;
import io.hotswap.protocol.LibraryStatus;
import io.hotswap.protocol.ProtocolCodec;
import io.hotswap.protocol.ProtocolException;
import io.hotswap.protocol.ReloadOutcome;
import io.hotswap.protocol.ReloadReply;
import io.hotswap.protocol.StatusReply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status reply as the wire format has it: field names and values the CLI and scripts read. */
class ManagementViewsTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    private static PluginInfo plugin(String name, List<LibraryInfo> libraries) {
        return new PluginInfo(name, Optional.of("1.0"), SHA, Optional.of(Path.of("plugins", name + ".jar")),
                Instant.parse("2026-12-01T10:00:00Z"), 1, true, List.of(), libraries);
    }

    private static String status(PluginInfo... plugins) {
        return ProtocolCodec.encode(new StatusReply(ManagementViews.status("host", new SwapperStatus(Path.of("plugins"),
                1, 0, false, List.of(plugins), 0, 0, 0, 0, List.of(), Optional.empty())))) + "\n";
    }

    private static HostStatus readBack(String line) throws ProtocolException {
        return ((StatusReply) ProtocolCodec.decodeReply(line.strip())).status();
    }

    @Test
    void aBundlesLibrariesAreEncodedWithNameVersionAutomaticAndPath() throws ProtocolException {
        PluginInfo bundle = plugin("greeter", List.of(
                new LibraryInfo("com.google.gson", Optional.of("2.10.1"), false, "META-INF/hotswap/lib/gson-2.10.1.jar"),
                new LibraryInfo("org.apache.commons.lang3", Optional.of("3.12.0"), true,
                        "META-INF/hotswap/lib/commons-lang3-3.12.0.jar"),
                new LibraryInfo("plain", Optional.empty(), true, "META-INF/hotswap/lib/plain.jar")));

        String line = status(bundle);

        assertThat(line).contains("\"libraries\":["
                + "{\"name\":\"com.google.gson\",\"version\":\"2.10.1\",\"automatic\":false,"
                + "\"path\":\"META-INF/hotswap/lib/gson-2.10.1.jar\"},"
                + "{\"name\":\"org.apache.commons.lang3\",\"version\":\"3.12.0\",\"automatic\":true,"
                + "\"path\":\"META-INF/hotswap/lib/commons-lang3-3.12.0.jar\"},"
                + "{\"name\":\"plain\",\"version\":null,\"automatic\":true,\"path\":\"META-INF/hotswap/lib/plain.jar\"}]")
                .endsWith("\n");
        List<LibraryStatus> libraries = readBack(line).plugins().get(0).libraries();
        assertThat(libraries).as("read back by the CLI's reader").hasSize(3);
        LibraryStatus plain = libraries.get(2);
        assertThat(line).as("an absent version is null, not left out").contains("\"name\":\"plain\",\"version\":null");
        assertThat(plain.version()).isEmpty();
        assertThat(plain.automatic()).isEqualTo(true);
    }

    @Test
    void aPlainPluginHasAnEmptyLibraryList() throws ProtocolException {
        var plugin = readBack(status(plugin("hello", List.of()))).plugins().get(0);

        assertThat(plugin.name()).isEqualTo("hello");
        assertThat(plugin.libraries()).isEqualTo(List.of());
    }

    @Test
    void aStatusCarriesTheHostsPidAndEveryPluginField() {
        HostStatus s = ManagementViews.status("host", new SwapperStatus(Path.of("plugins"), 4, 3, true,
                List.of(plugin("hello", List.of())), 1, 2, 1, 0, List.of(), Optional.of(new ReloadProgress(
                        Instant.parse("2026-12-01T10:31:02Z"), Optional.of("acc.hang"), ReloadStep.ON_LOAD,
                        Instant.parse("2026-12-01T10:31:03Z")))));

        assertThat(s.reloading()).contains(new io.hotswap.protocol.ReloadingStatus(Instant.parse("2026-12-01T10:31:02Z"),
                Optional.of("acc.hang"), "onLoad()", Instant.parse("2026-12-01T10:31:03Z")));
        assertThat(s.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(s).extracting(HostStatus::host, HostStatus::pluginDir, HostStatus::generation,
                HostStatus::reloadCounter, HostStatus::staticLinking, HostStatus::retired, HostStatus::freed)
                .containsExactly("host", "plugins", 4L, 3L, true, 1L, 2L);
        var p = s.plugins().get(0);
        assertThat(p.version()).isEqualTo("1.0 sha256:0123456789ab");
        assertThat(p.file()).contains(Path.of("plugins", "hello.jar").toString());
        assertThat(p.loadedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void reloadDetailsKeepTheirOrderAndAFailureNamesPluginAndStep() {
        Map<String, PluginOutcome> outcomes = new LinkedHashMap<>();
        outcomes.put("beta", PluginOutcome.RELINKED);
        outcomes.put("alpha", PluginOutcome.OK);
        ReloadReply ok = (ReloadReply) ManagementViews.reload(() ->
                new ReloadDetails(5, outcomes, Duration.ofMillis(17)), generation -> Optional.empty());

        assertThat(ok.details().outcomes()).containsExactly(Map.entry("beta", ReloadOutcome.RELINKED),
                Map.entry("alpha", ReloadOutcome.OK));
        assertThat(ok.details()).hasToString(new ReloadDetails(5, outcomes, Duration.ofMillis(17)).toString());
        for (PluginOutcome o : PluginOutcome.values()) {
            assertThat(ReloadOutcome.valueOf(o.name())).as("every outcome has its wire twin").isNotNull();
        }
    }

    @Test
    void aFailedReloadBecomesAnErrorReplyWithPluginAndStep() {
        ErrorReply failed = (ErrorReply) ManagementViews.reload(() -> {
            throw new HookException("hello", ReloadStep.ON_LOAD, "it threw", new IllegalStateException("no database"));
        }, generation -> Optional.empty());

        assertThat(failed.plugin()).contains("hello");
        assertThat(failed.step()).contains(ReloadStep.ON_LOAD.label());
        assertThat(failed.error()).contains("hello").contains("no database");
    }
}
