package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.RunningHost;
import io.hotswap.demo.tests.DemoScripts.ScriptResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtensionDemoIT {

    @TempDir
    Path work;

    @Test
    void afterAReloadTheHostCallsTheFunctionTheNewVersionInstalled() throws Exception {
        try (DemoScripts demo = new DemoScripts("extension", work)) {
            RunningHost host = demo.start();
            HostOutput out = host.output();
            out.await("Generation 1: the extension says \"Hello, visitor #\\d+, from greeter v1\"", 0, Timeouts.START);

            demo.awaitEndpoint(out);
            ScriptResult reload = demo.reload();
            assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isZero();

            int swapped = out.await("Generation 2 is current \\(reload\\).* greeter=OK", 0, Timeouts.STEP).index();
            out.await("Generation 2: the extension says \"Hello, visitor #\\d+, from greeter v2\"", swapped,
                    Timeouts.STEP);
            out.await("greeter v1: freed", swapped, Timeouts.STEP);
            // The freed version left memory: its layer was garbage-collected.
            demo.awaitCollected(host, 1);
        }
    }
}
