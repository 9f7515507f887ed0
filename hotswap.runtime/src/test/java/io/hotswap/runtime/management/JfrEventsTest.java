package io.hotswap.runtime.management;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.fixtures.Events;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrEventsTest {

    @TempDir
    Path plugins;

    @TempDir
    Path out;

    @Test
    void aRecordingHoldsTheLoadReloadAndFreeEvents() throws Exception {
        Events events = new Events();
        plugin("alpha").version("v1").buildInto(plugins);
        List<RecordedEvent> recorded;
        try (Recording recording = new Recording()) {
            for (String e : List.of("io.hotswap.Load", "io.hotswap.Reload", "io.hotswap.Free", "io.hotswap.Leak")) {
                recording.enable(e);
            }
            recording.start();
            try (Swapper swapper = Swapper.builder(plugins).name("jfrhost").freeDelay(Duration.ZERO).build()) {
                swapper.loadPlugins(events);
                plugin("alpha").version("v2").buildInto(plugins);
                swapper.reload(events);
                await().until(() -> events.count("alpha:onFree:v1") == 1);
                await().until(() -> swapper.status().freed() == 1);
            }
            recording.stop();
            Path file = out.resolve("hotswap.jfr");
            recording.dump(file);
            recorded = RecordingFile.readAllEvents(file);
        }

        List<RecordedEvent> reloads = named(recorded, "io.hotswap.Reload");
        assertThat(reloads).hasSize(2);
        RecordedEvent reload = reloads.stream().filter(e -> !e.getBoolean("firstLoad")).findFirst().orElseThrow();
        assertThat(reload.getString("host")).isEqualTo("jfrhost");
        assertThat(reload.getBoolean("succeeded")).isTrue();
        assertThat(reload.getLong("generation")).isEqualTo(2);
        assertThat(reload.getString("details")).contains("alpha=OK");
        assertThat(reload.getDuration()).isPositive();
        assertThat(named(recorded, "io.hotswap.Load")).extracting(e -> e.getString("plugin")).containsExactly("alpha", "alpha");
        assertThat(named(recorded, "io.hotswap.Free")).extracting(e -> e.getString("plugin")).contains("alpha");
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
