package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.RunningHost;
import io.hotswap.demo.tests.DemoScripts.ScriptResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloDemoIT {

    @TempDir
    Path work;

    @Test
    void reloadShowsTheNewStampAndTheOldVersionIsFreedAndCollected() throws Exception {
        try (DemoScripts demo = new DemoScripts("hello", work)) {
            RunningHost host = demo.start();
            HostOutput out = host.output();
            out.await("world v1: hum #\\d+", 0, Timeouts.START);

            demo.awaitEndpoint(out);
            ScriptResult reload = demo.reload();
            assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isZero();
            assertThat(reload.output()).contains("world");

            int swapped = out.await("Generation 2 is current \\(reload\\).* world=OK", 0, Timeouts.STEP).index();
            int firstV2 = out.await("world v2: hum #\\d+", swapped, Timeouts.STEP).index();
            out.await("world v1: freed", swapped, Timeouts.STEP);
            out.await("Old plugin versions: [1-9]\\d* freed, [1-9]\\d* collected", swapped, Timeouts.STEP);
            // One timer thread hums: once v2 hummed, v1 never runs again.
            String after = out.text().lines().skip(firstV2).reduce("", (a, b) -> a + b + "\n");
            assertThat(after).doesNotContain("world v1: hum");
            // The freed version left memory: its layer was garbage-collected.
            demo.awaitCollected(host, 1);
        }
    }
}
