package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.Reloaded;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibsDemoIT {

    // The versions the libs host's pom copies (gson.old.version, gson.new.version in the root pom).
    private static final String OLD = Pattern.quote(System.getProperty("hotswap.gson.old", "2.10.1"));
    private static final String NEW = Pattern.quote(System.getProperty("hotswap.gson.new", "2.13.2"));

    @TempDir
    Path work;

    @Test
    void twoPluginsRunTwoGsonsAndAReloadUpgradesOnePluginsGsonAlone() throws Exception {
        try (DemoScripts demo = new DemoScripts("libs", work)) {
            // Both versions of one library in one JVM, each in its plugin's layer; then reload.sh
            // reloads billing, rebuilt with the new Gson.
            Reloaded run = demo.startAndReload(List.of(
                    "Call #\\d+: billing v1 runs Gson " + OLD + ": \\{\"n\":\\d+\\}",
                    "Call #\\d+: shipping v1 runs Gson " + NEW + ": \\{\"n\":\\d+\\}"), "billing=OK shipping=UNCHANGED");
            assertThat(run.reloadOutput()).containsPattern("(?i)billing\\W+ok").containsPattern("(?i)shipping\\W+unchanged");

            HostOutput out = run.out();
            int swapped = run.swapped();
            assertThat(out.await("Plugin billing .* loaded into generation 2 .* with libraries \\[com\\.google\\.gson@"
                    + NEW + "\\]", 0, Timeouts.STEP).index()).isLessThan(swapped);
            int firstV2 = out.await("Call #\\d+: billing v2 runs Gson " + NEW + ": \\{\"n\":\\d+\\}", swapped,
                    Timeouts.STEP).index();
            // The other plugin was carried over: same version, its own Gson.
            out.await("Call #\\d+: shipping v1 runs Gson " + NEW + ": \\{\"n\":\\d+\\}", firstV2, Timeouts.STEP);
            // The old version, with its Gson, was freed and then left memory.
            int freed = out.await("billing v1: freed \\(Gson " + OLD + "\\)", swapped, Timeouts.STEP).index();
            int collected = out.await("Old plugin versions: 1 freed, 1 collected \\(unloaded\\), 0 leaked", swapped,
                    Timeouts.STEP).index();
            assertThat(freed).isLessThan(collected);
            // One work thread calls: once billing v2 answered, billing v1 never runs again.
            String after = out.text().lines().skip(firstV2).reduce("", (a, b) -> a + b + "\n");
            assertThat(after).doesNotContain("billing v1 runs").doesNotContain("shipping v2");
            demo.awaitCollected(run.host(), 1);
        }
    }
}
