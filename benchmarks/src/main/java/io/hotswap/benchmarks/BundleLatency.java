package io.hotswap.benchmarks;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.ReloadStep;
import io.hotswap.runtime.Swapper;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
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

    private static final double RATIO_GOAL = 1.5;
    private static final Duration FREE_DELAY = Duration.ofMillis(Long.getLong("bench.freeDelayMs", 5000));
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private BundleLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BundleLatency <libs> [warmup] [runs]");
        }
        // Each reload defines a few hundred library classes, so the JIT settles sooner than for ReloadLatency's 1-class plugin.
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        BenchBundle bundle = BundleJars.build(Path.of(args[0]), Files.createTempDirectory("bench-bundle-"),
                BundleJars.Recycling.DEQUE);
        Report report = new Report("bundle-latency");
        measure(bundle, warmup, runs, report);
        report.write();
    }

    private static void measure(BenchBundle bundle, int warmup, int runs, Report report) throws Exception {
        long[] reload = new long[runs];
        long[] floor = new long[runs];
        long[] firstCall = new long[runs]; // the reload's first call alone: the library's classes defined from memory
        long[] reloadCpu = new long[runs];
        long[] floorCpu = new long[runs];
        Map<ReloadStep, long[]> steps = new EnumMap<>(ReloadStep.class);
        long[][] floorSteps = new long[4][runs]; // find + resolve, define, service lookup, first call
        long[] hash = new long[runs];
        long[] inflate = new long[runs];
        try (Swapper swapper = Swapper.builder(bundle.dir(0)).name("bench-bundle").freeDelay(FREE_DELAY).build()) {
            swapper.loadPlugins(null);
            for (int i = 1; i <= warmup + runs; i++) {
                int m = i - warmup - 1; // index of the measured sample, negative during warm-up
                swapper.resetPluginDir(bundle.dir(i));
                // Alternate which goes first, so neither always runs on the heels of the other's garbage.
                if (i % 2 == 0) {
                    timeReload(swapper, bundle, m, reload, firstCall, reloadCpu, steps, runs);
                    timeFloor(bundle, i, m, floor, floorCpu, floorSteps);
                } else {
                    timeFloor(bundle, i, m, floor, floorCpu, floorSteps);
                    timeReload(swapper, bundle, m, reload, firstCall, reloadCpu, steps, runs);
                }
                if (m >= 0) {
                    byte[] bytes = Files.readAllBytes(bundle.jar(i));
                    hash[m] = timeHash(bytes);
                    inflate[m] = timeInflate(bundle.floor(i));
                }
            }
        }
        Samples r = Samples.of(reload);
        Samples f = Samples.of(floor);
        double ratio = (double) r.median() / f.median();
        report.figure(new Figure("reload latency, bundle with " + bundle.describeLibraries() + ", reload + first call",
                r.describeMillis(), f.describeMillis(), "%.2f× (p90 %.2f×)".formatted(ratio, (double) r.p90() / f.p90()),
                "≤ 1.5× floor", ratio <= RATIO_GOAL));
        StringBuilder breakdown = new StringBuilder("- Reload path (median per step, from `ReloadDetails.steps()`): ");
        steps.forEach((step, nanos) -> breakdown.append(step.label()).append(' ')
                .append(Samples.ms(Samples.of(nanos).median())).append(" ms, "));
        breakdown.append("then the first call ").append(Samples.ms(Samples.of(firstCall).median()))
                .append(" ms (timed on its own). Measured apart, what read jar holds: hashing the bundle ")
                .append(Samples.ms(Samples.of(hash).median()))
                .append(" ms; inflating and CRC-checking every entry of the nested jars with the JDK's `ZipInputStream` ")
                .append(Samples.ms(Samples.of(inflate).median())).append(" ms.");
        report.note(breakdown.toString());
        report.note("- Floor (median per step): find + resolve %s ms, define layer %s ms, service lookup %s ms, first call %s ms."
                .formatted(Samples.ms(Samples.of(floorSteps[0]).median()), Samples.ms(Samples.of(floorSteps[1]).median()),
                        Samples.ms(Samples.of(floorSteps[2]).median()), Samples.ms(Samples.of(floorSteps[3]).median())));
        Samples rc = Samples.of(reloadCpu);
        Samples fc = Samples.of(floorCpu);
        report.note("- CPU time of the reloading thread: reload median %s ms (p90 %s), floor %s ms (p90 %s), %.2f×."
                .formatted(Samples.ms(rc.median()), Samples.ms(rc.p90()), Samples.ms(fc.median()), Samples.ms(fc.p90()),
                        (double) rc.median() / fc.median()));
        report.note(("- The bundle: plugin `%s` (its first call is `writeValueAsString(List.of(1))` on a new `ObjectMapper` with a recycler pool of its own, see NOTES.md) with %s"
                + " nested, stored; %,d bytes. The floor's modules are the plugin's plain jar and the nested jars written out"
                + " from the bundle once, before timing. %d reloads and %d floor runs of warm-up, then %d of each, interleaved"
                + " (which goes first alternates); each reload switches between two variants of the bundle (different hash)"
                + " outside the timed part. Free delay %d ms.")
                .formatted(bundle.module(), String.join(", ", bundle.libraries()), Files.size(bundle.jar(0)), warmup, warmup,
                        runs, FREE_DELAY.toMillis()));
    }

    private static void timeReload(Swapper swapper, BenchBundle bundle, int m, long[] out, long[] firstCall, long[] cpu,
                                   Map<ReloadStep, long[]> steps, int runs) throws Exception {
        long c = CPU.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        ReloadDetails details = swapper.reload(null);
        long reloaded = System.nanoTime();
        Object first = swapper.current().find(bundle.module()).orElseThrow().invokeFunc("first");
        long done = System.nanoTime();
        long took = done - t;
        long cpuTook = CPU.getCurrentThreadCpuTime() - c;
        check(bundle, first);
        if (!details.outcome(bundle.module()).equals(java.util.Optional.of(PluginOutcome.OK))) {
            throw new IllegalStateException("reload of " + bundle.module() + " did not load a new layer: " + details);
        }
        if (m >= 0) {
            out[m] = took;
            firstCall[m] = done - reloaded;
            cpu[m] = cpuTook;
            details.steps().forEach((step, d) -> steps.computeIfAbsent(step, s -> new long[runs])[m] = d.toNanos());
        }
    }

    private static void timeFloor(BenchBundle bundle, int i, int m, long[] out, long[] cpu, long[][] steps)
            throws Exception {
        ModuleLayer boot = ModuleLayer.boot();
        long c = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Configuration cf = Configuration.resolve(ModuleFinder.of(bundle.floor(i).toArray(Path[]::new)),
                List.of(boot.configuration()), ModuleFinder.of(), Set.of(bundle.module()));
        long t1 = System.nanoTime();
        ModuleLayer layer = ModuleLayer.defineModulesWithOneLoader(cf, List.of(boot),
                ClassLoader.getPlatformClassLoader()).layer();
        long t2 = System.nanoTime();
        Plugin p = ServiceLoader.load(layer, Plugin.class).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .findFirst().orElseThrow().get();
        long t3 = System.nanoTime();
        Object first = p.invokeFunc("first");
        long t4 = System.nanoTime();
        long cpuTook = CPU.getCurrentThreadCpuTime() - c;
        check(bundle, first);
        if (m >= 0) {
            out[m] = t4 - t0;
            cpu[m] = cpuTook;
            steps[0][m] = t1 - t0;
            steps[1][m] = t2 - t1;
            steps[2][m] = t3 - t2;
            steps[3][m] = t4 - t3;
        }
    }

    private static long timeHash(byte[] bytes) throws Exception {
        long t = System.nanoTime();
        MessageDigest.getInstance("SHA-256").digest(bytes);
        return System.nanoTime() - t;
    }

    /** What inflating (and CRC-checking) every entry of the nested jars costs with the JDK's own zip reader. */
    private static long timeInflate(List<Path> modules) throws Exception {
        List<byte[]> jars = new java.util.ArrayList<>();
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

    private static void check(BenchBundle bundle, Object first) {
        if (!bundle.firstValue().equals(first)) {
            throw new IllegalStateException(bundle.module() + " answered " + first + " to first, expected " + bundle.firstValue());
        }
    }
}
