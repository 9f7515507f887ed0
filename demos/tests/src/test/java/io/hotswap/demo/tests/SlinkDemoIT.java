package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.ScriptResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlinkDemoIT {

    @TempDir
    Path work;

    @Test
    void aStaticallyLinkedHostRefusesTheReloadAndKeepsRunningItsPlugin() throws Exception {
        try (DemoScripts demo = new DemoScripts("slink", work)) {
            HostOutput out = demo.startUntilReady(List.of("ticker v1: loaded from the host's module path \\(boot layer\\)",
                    "ticker v1: tick #\\d+")).output();
            ScriptResult reload = demo.reload();
            assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isNotZero();
            assertThat(reload.output()).contains("reload failed").contains("static linking is on")
                    .contains(demo.hostName());

            int refused = out.await("WARN .*static linking is on: swapper " + demo.hostName(), 0, Timeouts.STEP).index();
            // Still running, still v1: the rebuilt jar is not loaded.
            out.await("ticker v1: tick #\\d+", refused + 1, Timeouts.STEP);
            assertThat(out.text()).doesNotContain("ticker v2").doesNotContain("Generation 2 is current");
        }
    }
}
