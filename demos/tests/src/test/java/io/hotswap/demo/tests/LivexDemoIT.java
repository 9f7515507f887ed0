package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.Reloaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LivexDemoIT {

    @TempDir
    Path work;

    @Test
    void jobsQueuedBeforeAReloadAreHandledByTheNewLiveFunctionAndLiveType() throws Exception {
        try (DemoScripts demo = new DemoScripts("livex", work)) {
            Reloaded run = demo.startAndReload(List.of("Job \\d+ in generation 1: live_handleOrder v1: order \\d+"
                    + " \\(\\w+\\) scheduled by v1, handled by Live_Order v1"), "orders=OK");

            HostOutput out = run.out();
            int swapped = run.swapped();
            // Jobs are due two seconds after v1 scheduled them: those still queued at the swap run
            // on v2's live function, restored into v2's live type.
            out.await("Job \\d+ in generation 2: live_handleOrder v2: order \\d+ \\(\\w+\\) scheduled by v1,"
                    + " handled by Live_Order v2", swapped, Timeouts.STEP);
            out.await("Job \\d+ in generation 2: live_handleOrder v2: order \\d+ \\(\\w+\\) scheduled by v2,"
                    + " handled by Live_Order v2", swapped, Timeouts.STEP);
            out.await("orders v1: freed", swapped, Timeouts.STEP);
            // The freed version left memory: its layer was garbage-collected.
            demo.awaitCollected(run.host(), 1);
            assertThat(out.text()).doesNotContainPattern("generation 2: live_handleOrder v1")
                    .doesNotContainPattern("Job \\d+ .* failed");
        }
    }
}
