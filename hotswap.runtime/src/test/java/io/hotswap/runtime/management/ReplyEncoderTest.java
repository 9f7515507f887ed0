package io.hotswap.runtime.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.runtime.LibraryInfo;
import io.hotswap.runtime.PluginInfo;
import io.hotswap.runtime.SwapperStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status reply as the wire format has it: field names and values the CLI and scripts read. */
class ReplyEncoderTest {

    private static final String SHA = "0123456789abcdef".repeat(4);

    private static PluginInfo plugin(String name, List<LibraryInfo> libraries) {
        return new PluginInfo(name, Optional.of("1.0"), SHA, Optional.of(Path.of("plugins", name + ".jar")),
                Instant.parse("2026-12-01T10:00:00Z"), 1, true, List.of(), libraries);
    }

    private static String status(PluginInfo... plugins) {
        return ReplyEncoder.status("host", new SwapperStatus(Path.of("plugins"), 1, 0, false, List.of(plugins),
                0, 0, 0, 0, List.of(), Optional.empty()));
    }

    @Test
    void aBundlesLibrariesAreEncodedWithNameVersionAutomaticAndPath() {
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
        Map<String, Object> reply = JsonReader.parseObject(line.strip());
        Map<?, ?> plugin = (Map<?, ?>) ((List<?>) ((Map<?, ?>) reply.get("status")).get("plugins")).get(0);
        List<?> libraries = (List<?>) plugin.get("libraries");
        assertThat(libraries).as("read back by the CLI's reader").hasSize(3);
        Map<?, ?> plain = (Map<?, ?>) libraries.get(2);
        assertThat(plain.containsKey("version")).as("an absent version is null, not left out").isTrue();
        assertThat(plain.get("version")).isNull();
        assertThat(plain.get("automatic")).isEqualTo(true);
    }

    @Test
    void aPlainPluginHasAnEmptyLibraryList() {
        Map<String, Object> reply = JsonReader.parseObject(status(plugin("hello", List.of())).strip());

        Map<?, ?> plugin = (Map<?, ?>) ((List<?>) ((Map<?, ?>) reply.get("status")).get("plugins")).get(0);
        assertThat(plugin.get("name")).isEqualTo("hello");
        assertThat(plugin.get("libraries")).isEqualTo(List.of());
    }
}
