package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.demo.tests.DemoScripts.RunningHost;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What works only if the modules' exports and opens are right, checked against the image, where
 * they are what the descriptors say (a module's own tests run patched into it, where they are not):
 * the runtime's JFR events, whose package is not exported; ClassGraph, a module of its own,
 * scanning a plugin layer; picocli filling the fields of every remote command.
 */
class ModuleBoundariesIT {

    @TempDir
    Path work;

    @Test
    void aRecordingOfTheHostFromTheImageHoldsTheRuntimesLoadReloadAndFreeEvents() throws Exception {
        try (DemoScripts demo = new DemoScripts("hello", work)) {
            RunningHost host = demo.startWorldV1("jfr", "-XX:StartFlightRecording=name=hotswap-it");
            HostOutput out = demo.awaitEndpoint(host);

            demo.buildPlugin("world", 2);
            demo.hotswapOk("reload", "--host", demo.hostName());
            out.await("world v1: freed", 0, Timeouts.STEP);

            // The free event is committed once onFree has returned: dump until it is in.
            Path file = work.resolve("host.jfr");
            long pid = host.java().pid();
            List<RecordedEvent> recorded = Awaitility.await("a recording of host " + demo.hostName()
                            + " with an io.hotswap.Free event")
                    .atMost(Timeouts.STEP).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        jcmd(pid, "JFR.dump", "name=hotswap-it", "filename=" + file);
                        return RecordingFile.readAllEvents(file);
                    }, events -> !named(events, "io.hotswap.Free").isEmpty());

            // Each thread's events reach the recording in their own buffer: order them by time.
            List<RecordedEvent> reloads = new java.util.ArrayList<>(named(recorded, "io.hotswap.Reload"));
            reloads.sort(java.util.Comparator.comparing(RecordedEvent::getStartTime));
            assertThat(reloads).extracting(e -> e.getBoolean("firstLoad")).containsExactly(true, false);
            assertThat(reloads).allSatisfy(e -> {
                assertThat(e.getString("host")).isEqualTo(demo.hostName());
                assertThat(e.getBoolean("succeeded")).isTrue();
                assertThat(e.getString("details")).contains("world=OK");
            });
            assertThat(named(recorded, "io.hotswap.Load")).extracting(e -> e.getString("plugin"))
                    .containsExactly("world", "world");
            assertThat(named(recorded, "io.hotswap.Free")).extracting(e -> e.getString("plugin")).contains("world");
        }
    }

    @Test
    void aPluginWhoseLiveIndexHasAnotherPrefixIsScannedWithClassGraphAndItsLiveNamesServe() throws Exception {
        try (DemoScripts demo = new DemoScripts("livex", work)) {
            // An index of other_ names: the host's prefix is live_, so the runtime scans the layer.
            demo.buildPlugin("orders", 1, "--prefixLive", "other_");
            RunningHost host = demo.startHost("scan", "", "Plugin orders: its live index was made with prefix 'other_',"
                    + " this swapper's prefix is 'live_'; scanning instead");
            HostOutput out = host.output();
            out.await("Job \\d+ in generation 1: live_handleOrder v1: order \\d+ \\(\\w+\\) scheduled by v1,"
                    + " handled by Live_Order v1", 0, Timeouts.STEP);
            assertThat(out.text()).doesNotContainPattern("Job \\d+ .* failed");
        }
    }

    @Test
    void everyRemoteCommandOfTheImageAnswersARunningHost() throws Exception {
        try (DemoScripts demo = new DemoScripts("hello", work)) {
            RunningHost host = demo.startWorldV1("commands", "");
            HostOutput out = demo.awaitEndpoint(host);
            long pid = host.java().pid();

            assertThat(demo.hotswapOk("hosts").output()).containsPattern("(?m)^" + pid + " " + Pattern.quote(demo.hostName()) + " ");

            assertThat(demo.hotswapOk("status", "--pid", Long.toString(pid)).output()).contains(demo.hostName()).contains("world");

            assertThat(demo.hotswapOk("status", "--json", "--host", demo.hostName()).output()).contains("\"generation\":1");

            // Nothing rebuilt: the reload keeps the plugin, and says so.
            demo.hotswapOk("reload", "--host", demo.hostName());
            out.await("Generation 2 is current \\(reload\\).* world=UNCHANGED", 0, Timeouts.STEP);
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream().filter(e -> e.getEventType().getName().equals(name)).toList();
    }

    /** {@code jcmd <pid> args...} with the JDK that runs the tests, to its end, bounded. */
    private static void jcmd(long pid, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            HostOutput out = HostOutput.follow(p.getInputStream(),
                    HostOutput.logFile(Path.of(System.getProperty("hotswap.root", "../.."), "demos/tests/target/demo-logs"),
                            "jcmd.log"), "jcmd-output");
            assertThat(p.waitFor(DemoScripts.SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("%s finished", String.join(" ", command)).isTrue();
            out.awaitEnd(Duration.ofSeconds(10));
            assertThat(p.exitValue()).as("exit code of %s; output:%n%s", String.join(" ", command), out.text()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
