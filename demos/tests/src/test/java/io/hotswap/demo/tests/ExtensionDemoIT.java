package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.Reloaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionDemoIT {

    @TempDir
    Path work;

    @Test
    void afterAReloadTheHostCallsTheFunctionTheNewVersionInstalled() throws Exception {
        try (DemoScripts demo = new DemoScripts("extension", work)) {
            Reloaded run = demo.startAndReload(
                    List.of("Generation 1: the extension says \"Hello, visitor #\\d+, from greeter v1\""), "greeter=OK");

            HostOutput out = run.out();
            int swapped = run.swapped();
            out.await("Generation 2: the extension says \"Hello, visitor #\\d+, from greeter v2\"", swapped,
                    Timeouts.STEP);
            out.await("greeter v1: freed", swapped, Timeouts.STEP);
            // The freed version left memory: its layer was garbage-collected.
            demo.awaitCollected(run.host(), 1);
        }
    }
}
