package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.RunningHost;
import io.hotswap.demo.tests.DemoScripts.ScriptResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrineDemoIT {

    @TempDir
    Path work;

    @Test
    void reloadingAlphaAloneRelinksBetaAndGamma() throws Exception {
        try (DemoScripts demo = new DemoScripts("trine", work)) {
            RunningHost host = demo.start();
            HostOutput out = host.output();
            out.await("pulse #\\d+: gamma v1 -> beta v1 -> alpha v1 answers \\d+", 0, Timeouts.START);

            demo.awaitEndpoint(out);
            ScriptResult reload = demo.reload("alpha");
            assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isZero();
            assertThat(reload.output()).containsPattern("(?i)alpha\\W+ok").containsPattern("(?i)beta\\W+relinked")
                    .containsPattern("(?i)gamma\\W+relinked");

            int swapped = out.await("Generation 2 is current \\(reload\\).* alpha=OK beta=RELINKED gamma=RELINKED", 0,
                    Timeouts.STEP).index();
            assertThat(out.await("beta v1: loaded, linked to alpha v2", 0, Timeouts.STEP).index()).isLessThan(swapped);
            out.await("Generation 2, pulse #\\d+: gamma v1 -> beta v1 -> alpha v2 answers \\d+", swapped, Timeouts.STEP);
            // The old beta and gamma layers were replaced too, not only alpha's.
            out.await("alpha v1: freed", swapped, Timeouts.STEP);
            out.await("beta v1: freed", swapped, Timeouts.STEP);
            out.await("gamma v1: freed", swapped, Timeouts.STEP);
            // The freed versions left memory: their layers were garbage-collected.
            demo.awaitCollected(host, 3);
        }
    }
}
