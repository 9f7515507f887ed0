package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hotswap.api.LiveData;
import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.fixtures.Events;
import io.hotswap.runtime.fixtures.Gc;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveJobQueueTest {

    @TempDir
    Path dir;

    private final Events events = new Events();

    /** v1 and v2 of a plugin that schedules jobs: a live function name and live data each. */
    private void buildJobs(String version, String job, String newJob, String run) {
        plugin("jobs").version(version)
                .source("jobs/impl/live_Job.java", "package jobs.impl; public record live_Job(" + job + ") { }")
                .source("jobs/impl/Jobs.java", """
                        package jobs.impl;
                        public final class Jobs {
                            public static String live_run(live_Job job) {
                                return %s;
                            }
                        }
                        """.formatted(run))
                .members("private volatile io.hotswap.api.LiveTypes types;")
                .onInit("types = vault.liveTypes();")
                .invoke("""
                        @SuppressWarnings("unchecked")
                        var queue = (java.util.Queue<java.util.Map.Entry<String, io.hotswap.api.LiveData>>) params[0];
                        for (int i = 0; i < 1000; i++) {
                            queue.add(java.util.Map.entry("live_run", types.capture(new live_Job(%s))));
                        }
                        return null;
                        """.formatted(newJob))
                .buildInto(dir);
    }

    @Test
    void queuedJobsRunTheNewestCodeAndPinNoOldVersion() throws Exception {
        buildJobs("v1", "int id, String note", "i, \"job \" + i", "\"v1:\" + job.id()");
        // The host's queue holds strings and LiveData only: no plugin class, no plugin object.
        Queue<Map.Entry<String, LiveData>> queue = new ArrayDeque<>();
        try (Swapper swapper = Swapper.builder(dir).name("test").freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(events);
            swapper.current().find("jobs").orElseThrow().invokeFunc("schedule", queue);
            WeakReference<ClassLoader> v1 = new WeakReference<>(
                    swapper.current().vault().liveTypes().find("live_Job").orElseThrow().getClassLoader());
            assertThat(queue).hasSize(1000);

            buildJobs("v2", "int id, String note, int priority", "i, \"job \" + i, 1", "\"v2:\" + job.id() + \":\" + job.note() + \":\" + job.priority()");
            swapper.reload(events);

            await().until(() -> events.count("jobs:onFree:v1") == 1);
            Gc.awaitCollected(v1);
            assertThat(queue).as("v1 was collected while every job was still queued").hasSize(1000);

            Set<String> results = new HashSet<>();
            Map.Entry<String, LiveData> job;
            while ((job = queue.poll()) != null) {
                var vault = swapper.current().vault();
                // Restored now, into the current generation's live_Job, for its live function.
                Object restored = vault.liveTypes().restore(job.getValue());
                assertThat(restored.getClass().getClassLoader().getName()).endsWith("#2");
                results.add((String) vault.liveFuncs().call(job.getKey(), restored));
            }
            assertThat(results).hasSize(1000).allMatch(r -> r.startsWith("v2:") && r.endsWith(":0"))
                    .contains("v2:0:job 0:0", "v2:999:job 999:0");
        }
    }
}
