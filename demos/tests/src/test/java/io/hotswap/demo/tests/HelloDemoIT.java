package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.Reloaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloDemoIT {

    @TempDir
    Path work;

    @Test
    void reloadShowsTheNewStampAndTheOldVersionIsFreedAndCollected() throws Exception {
        try (DemoScripts demo = new DemoScripts("hello", work)) {
            Reloaded run = demo.startAndReload(List.of("world v1: hum #\\d+"), "world=OK");
            assertThat(run.reloadOutput()).contains("world");

            HostOutput out = run.out();
            int swapped = run.swapped();
            int firstV2 = out.await("world v2: hum #\\d+", swapped, Timeouts.STEP).index();
            out.await("world v1: freed", swapped, Timeouts.STEP);
            out.await("Old plugin versions: [1-9]\\d* freed, [1-9]\\d* collected", swapped, Timeouts.STEP);
            // One timer thread hums: once v2 hummed, v1 never runs again.
            String after = out.text().lines().skip(firstV2).reduce("", (a, b) -> a + b + "\n");
            assertThat(after).doesNotContain("world v1: hum");
            // The freed version left memory: its layer was garbage-collected.
            demo.awaitCollected(run.host(), 1);
        }
    }
}
