package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.Reloaded;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrineDemoIT {

    @TempDir
    Path work;

    @Test
    void reloadingAlphaAloneRelinksBetaAndGamma() throws Exception {
        try (DemoScripts demo = new DemoScripts("trine", work)) {
            Reloaded run = demo.startAndReload(List.of("pulse #\\d+: gamma v1 -> beta v1 -> alpha v1 answers \\d+"),
                    "alpha=OK beta=RELINKED gamma=RELINKED", "alpha");
            assertThat(run.reloadOutput()).containsPattern("(?i)alpha\\W+ok").containsPattern("(?i)beta\\W+relinked")
                    .containsPattern("(?i)gamma\\W+relinked");

            HostOutput out = run.out();
            int swapped = run.swapped();
            assertThat(out.await("beta v1: loaded, linked to alpha v2", 0, Timeouts.STEP).index()).isLessThan(swapped);
            out.await("Generation 2, pulse #\\d+: gamma v1 -> beta v1 -> alpha v2 answers \\d+", swapped, Timeouts.STEP);
            // The old beta and gamma layers were replaced too, not only alpha's.
            out.await("alpha v1: freed", swapped, Timeouts.STEP);
            out.await("beta v1: freed", swapped, Timeouts.STEP);
            out.await("gamma v1: freed", swapped, Timeouts.STEP);
            // The freed versions left memory: their layers were garbage-collected.
            demo.awaitCollected(run.host(), 3);
        }
    }
}
