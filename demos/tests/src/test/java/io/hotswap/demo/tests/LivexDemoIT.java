package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.RunningHost;
import io.hotswap.demo.tests.DemoScripts.ScriptResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivexDemoIT {

    @TempDir
    Path work;

    @Test
    void jobsQueuedBeforeAReloadAreHandledByTheNewLiveFunctionAndLiveType() throws Exception {
        try (DemoScripts demo = new DemoScripts("livex", work)) {
            RunningHost host = demo.start();
            HostOutput out = host.output();
            out.await("Job \\d+ in generation 1: live_handleOrder v1: order \\d+ \\(\\w+\\) scheduled by v1,"
                    + " handled by Live_Order v1", 0, Timeouts.START);

            demo.awaitEndpoint(out);
            ScriptResult reload = demo.reload();
            assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isZero();

            int swapped = out.await("Generation 2 is current \\(reload\\).* orders=OK", 0, Timeouts.STEP).index();
            // Jobs are due two seconds after v1 scheduled them: those still queued at the swap run
            // on v2's live function, restored into v2's live type.
            out.await("Job \\d+ in generation 2: live_handleOrder v2: order \\d+ \\(\\w+\\) scheduled by v1,"
                    + " handled by Live_Order v2", swapped, Timeouts.STEP);
            out.await("Job \\d+ in generation 2: live_handleOrder v2: order \\d+ \\(\\w+\\) scheduled by v2,"
                    + " handled by Live_Order v2", swapped, Timeouts.STEP);
            out.await("orders v1: freed", swapped, Timeouts.STEP);
            // The freed version left memory: its layer was garbage-collected.
            demo.awaitCollected(host, 1);
            assertThat(out.text()).doesNotContainPattern("generation 2: live_handleOrder v1")
                    .doesNotContainPattern("Job \\d+ .* failed");
        }
    }
}
