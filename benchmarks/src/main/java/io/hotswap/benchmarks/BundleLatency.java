package io.hotswap.benchmarks;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;

/**
 * Reload latency of a plugin bundle, command to new code serving: {@code swapper.reload} plus the
 * first call into the new version, which uses the bundled library. Its floor, measured interleaved
 * in the same run on the same modules: the plugin's plain jar and the nested jars written out once
 * to files, then bare {@code ModuleFinder.of} + {@code Configuration.resolve} +
 * {@code ModuleLayer.defineModulesWithOneLoader} + service lookup + first call.
 *
 * <p>Usage: {@code BundleLatency <libs> [warmup] [runs]} (default 50 and 100), {@code <libs>} the
 * folder of library jars to nest ({@code benchmarks/target/bench-libs});
 * {@code -Dbench.freeDelayMs=N} sets the swapper's free delay (default 5,000, as ReloadLatency).
 */
public final class BundleLatency {

    private static final Duration FREE_DELAY = Duration.ofMillis(Long.getLong("bench.freeDelayMs", 5000));

    private BundleLatency() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "BundleLatency <libs> [warmup] [runs]", 1);
        // Each reload defines a few hundred library classes, so the JIT settles sooner than for ReloadLatency's 1-class plugin.
        BenchArgs.Rounds rounds = a.rounds(1, 50, 100);
        BenchBundle bundle = BundleJars.build(a.path(0), Files.createTempDirectory("bench-bundle-"),
                BundleJars.Recycling.DEQUE);
        Report report = new Report("bundle-latency");
        measure(bundle, rounds, report);
        report.write();
    }

    private static void measure(BenchBundle bundle, BenchArgs.Rounds rounds, Report report) throws Exception {
        LatencyRun run = LatencyRun.measure(bundle, "bench-bundle", FREE_DELAY, rounds,
                i -> timeInflate(bundle.floor(i)));
        report.figure(run.againstFloor("reload latency, bundle with " + bundle.describeLibraries() + ", reload + first call"));
        report.note(("- Reload path (median per step, from `ReloadDetails.steps()`): %sthen the first call %s ms (timed on its own)."
                + " Measured apart, what read jar holds: hashing the bundle %s ms; inflating and CRC-checking every entry of the"
                + " nested jars with the JDK's `ZipInputStream` %s ms.")
                .formatted(run.reloadSteps(), run.firstCall(), run.hash(), run.aside(0)));
        report.note("- Floor (median per step): %s.".formatted(run.floorSteps()));
        report.note("- CPU time of the reloading threads (the caller and the hook threads that run the build): %s.".formatted(run.cpu()));
        report.note(("- The bundle: plugin `%s` (its first call is `writeValueAsString(List.of(1))` on a new `ObjectMapper` with a recycler pool of its own, see NOTES.md) with %s"
                + " nested, stored; %,d bytes. The floor's modules are the plugin's plain jar and the nested jars written out"
                + " from the bundle once, before timing. %d reloads and %d floor runs of warm-up, then %d of each, interleaved"
                + " (which goes first alternates); each reload switches between two variants of the bundle (different hash)"
                + " outside the timed part. Free delay %d ms.")
                .formatted(bundle.module(), String.join(", ", bundle.libraries()), Files.size(bundle.jar(0)), rounds.warmup(),
                        rounds.warmup(), rounds.runs(), FREE_DELAY.toMillis()));
    }

    /** What inflating (and CRC-checking) every entry of the nested jars costs with the JDK's own zip reader. */
    private static long timeInflate(List<Path> modules) throws Exception {
        List<byte[]> jars = new ArrayList<>();
        for (Path p : modules.subList(1, modules.size())) {
            jars.add(Files.readAllBytes(p));
        }
        long t = System.nanoTime();
        for (byte[] jar : jars) {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
                while (in.getNextEntry() != null) {
                    in.readAllBytes();
                }
            }
        }
        return System.nanoTime() - t;
    }
}
