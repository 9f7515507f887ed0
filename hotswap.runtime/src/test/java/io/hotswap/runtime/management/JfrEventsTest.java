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

    /** What a swapper does in {@code body}. */
    @FunctionalInterface
    private interface HostWork {
        void run() throws Exception;
    }

    /** The events of these names that a recording took while {@code body} ran. */
    private List<RecordedEvent> recorded(List<String> names, HostWork body) throws Exception {
        try (Recording recording = new Recording()) {
            names.forEach(recording::enable);
            recording.start();
            body.run();
            recording.stop();
            Path file = out.resolve("hotswap.jfr");
            recording.dump(file);
            return RecordingFile.readAllEvents(file);
        }
    }

    private Swapper.Builder host() {
        return Swapper.builder(plugins).name("jfrhost").freeDelay(Duration.ZERO);
    }

    @Test
    void aRecordingHoldsTheLoadReloadAndFreeEvents() throws Exception {
        Events events = new Events();
        plugin("alpha").version("v1").buildInto(plugins);
        List<RecordedEvent> recorded = recorded(List.of("io.hotswap.Load", "io.hotswap.Reload", "io.hotswap.Free",
                "io.hotswap.Leak"), () -> {
                    try (Swapper swapper = host().build()) {
                        swapper.loadPlugins(events);
                        plugin("alpha").version("v2").buildInto(plugins);
                        swapper.reload(events);
                        await().until(() -> events.count("alpha:onFree:v1") == 1);
                        await().until(() -> swapper.status().freed() == 1);
                    }
                });

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
        // Category and fields of the plugin-version events come from their common superclass.
        assertThat(named(recorded, "io.hotswap.Load")).allSatisfy(e -> {
            assertThat(e.getEventType().getCategoryNames()).containsExactly("Hotswap");
            assertThat(e.getString("version")).isNotBlank();
            assertThat(e.getStackTrace()).isNull();
        });
    }

    @Test
    void aRollbackIsRecordedWithItsGenerationsAndReason() throws Exception {
        Events events = new Events();
        plugin("alpha").version("v1").buildInto(plugins);
        List<RecordedEvent> recorded = recorded(List.of("io.hotswap.Rollback"), () -> {
            try (Swapper swapper = host().probation(Duration.ofDays(1)).build()) {
                swapper.loadPlugins(events);
                plugin("alpha").version("v2").buildInto(plugins);
                swapper.reload(events);
                swapper.rollback();
            }
        });

        assertThat(named(recorded, "io.hotswap.Rollback")).singleElement().satisfies(e -> {
            assertThat(e.getString("host")).isEqualTo("jfrhost");
            assertThat(e.getLong("from")).isEqualTo(2);
            assertThat(e.getLong("to")).isEqualTo(1);
            assertThat(e.getBoolean("automatic")).isFalse();
            assertThat(e.getString("reason")).isEqualTo("rollback requested");
        });
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }
}
