package io.hotswap.benchmarks;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.ReloadStep;
import io.hotswap.runtime.Swapper;
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

/**
 * Reload latency, command to new code serving: {@code swapper.reload} plus the first call into
 * the new version, for plugins of 1, 100 and 1,000 classes. Its floor, measured interleaved in
 * the same run on the same jar: bare {@code Configuration.resolve} +
 * {@code ModuleLayer.defineModulesWithOneLoader} + service lookup + first call.
 *
 * <p>Usage: {@code ReloadLatency [warmup] [runs] [sizes]} (default 100, 100 and {@code 1,100,1000});
 * {@code -Dbench.freeDelayMs=N} sets the swapper's free delay (default 5,000, the swapper's own default).
 */
public final class ReloadLatency {

    private static final double RATIO_GOAL = 1.5;
    private static final long GO_RELOAD_NANOS = 59_000_000L;
    /**
     * The swapper's default. With zero the replaced version is freed on the runtime's thread at
     * once, which on two busy cores competes with the reload being timed (see RESULTS.md).
     */
    private static final Duration FREE_DELAY = Duration.ofMillis(Long.getLong("bench.freeDelayMs", 5000));

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private ReloadLatency() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Report report = new Report("reload-latency");
        Path root = Files.createTempDirectory("bench-reload-");
        String sizes = args.length > 2 ? args[2] : "1,100,1000";
        for (String size : sizes.split(",")) {
            int classes = Integer.parseInt(size.trim());
            measure(PluginJars.build(classes, root), warmup, runs, report);
        }
        report.write();
    }

    private static void measure(BenchPlugin plugin, int warmup, int runs, Report report) throws Exception {
        // The reload path is far more code than the floor: a short warm-up measures the JIT, not the runtime.
        long[] reload = new long[runs];
        long[] floor = new long[runs];
        long[] reloadCpu = new long[runs];
        long[] floorCpu = new long[runs];
        Map<ReloadStep, long[]> steps = new EnumMap<>(ReloadStep.class);
        long[][] floorSteps = new long[4][runs]; // resolve, define, service lookup, first call
        long[] hash = new long[runs];
        try (Swapper swapper = Swapper.builder(plugin.dir(0)).name("bench-latency").freeDelay(FREE_DELAY).build()) {
            swapper.loadPlugins(null);
            for (int i = 1; i <= warmup + runs; i++) {
                int m = i - warmup - 1; // index of the measured sample, negative during warm-up
                swapper.resetPluginDir(plugin.dir(i));
                // Alternate which goes first, so neither always runs on the heels of the other's garbage.
                boolean reloadFirst = i % 2 == 0;
                if (reloadFirst) {
                    timeReload(swapper, plugin, m, reload, reloadCpu, steps, runs);
                    timeFloor(plugin, i, m, floor, floorCpu, floorSteps);
                } else {
                    timeFloor(plugin, i, m, floor, floorCpu, floorSteps);
                    timeReload(swapper, plugin, m, reload, reloadCpu, steps, runs);
                }
                if (m >= 0) {
                    byte[] bytes = Files.readAllBytes(plugin.jar(i));
                    long t = System.nanoTime();
                    MessageDigest.getInstance("SHA-256").digest(bytes);
                    hash[m] = System.nanoTime() - t;
                }
            }
        }
        Samples r = Samples.of(reload);
        Samples f = Samples.of(floor);
        double ratio = (double) r.median() / f.median();
        String what = "reload latency, %,d-class plugin".formatted(plugin.classes());
        report.figure(new Figure(what + " (reload + first call)", r.describeMillis(), f.describeMillis(),
                "%.2f× (p90 %.2f×)".formatted(ratio, (double) r.p90() / f.p90()),
                "≤ 1.5× floor", ratio <= RATIO_GOAL));
        report.figure(new Figure(what + " vs the Go library's 59 ms", Samples.ms(r.median()) + " ms",
                "59 ms (Go, hello plugin)", "%.1f× faster".formatted((double) GO_RELOAD_NANOS / r.median()),
                "≥ 10× faster (≤ 5.9 ms)", r.median() * 10 <= GO_RELOAD_NANOS));
        StringBuilder breakdown = new StringBuilder("- %,d-class plugin, reload path (median per step, from `ReloadDetails.steps()`; set up vault = read the live index and bind the live names): ".formatted(plugin.classes()));
        steps.forEach((step, nanos) -> breakdown.append(step.label()).append(' ')
                .append(Samples.ms(Samples.of(nanos).median())).append(" ms, "));
        breakdown.append("of which hashing the jar (measured apart) ").append(Samples.ms(Samples.of(hash).median()))
                .append(" ms; the rest up to the total is the first call and the reload's bookkeeping.");
        Samples rc = Samples.of(reloadCpu);
        Samples fc = Samples.of(floorCpu);
        report.note("- %,d-class plugin, CPU time of the reloading thread (unaffected by waiting for a core): reload median %s ms (p90 %s), floor %s ms (p90 %s), %.2f×."
                .formatted(plugin.classes(), Samples.ms(rc.median()), Samples.ms(rc.p90()), Samples.ms(fc.median()),
                        Samples.ms(fc.p90()), (double) rc.median() / fc.median()));
        report.note(breakdown.toString());
        if (plugin.classes() == 1) {
            report.note("- Each size: %d reloads and %d floor runs of warm-up, then %d of each, interleaved (which goes first alternates); each reload switches the plugin directory between two variants of the jar (same classes, different hash), outside the timed part. Free delay %d ms."
                    .formatted(warmup, warmup, runs, FREE_DELAY.toMillis()));
        }
        report.note("- %,d-class plugin, floor (median per step): find + resolve %s ms, define layer %s ms, service lookup %s ms, first call %s ms."
                .formatted(plugin.classes(), Samples.ms(Samples.of(floorSteps[0]).median()),
                        Samples.ms(Samples.of(floorSteps[1]).median()), Samples.ms(Samples.of(floorSteps[2]).median()),
                        Samples.ms(Samples.of(floorSteps[3]).median())));
    }

    private static void timeReload(Swapper swapper, BenchPlugin plugin, int m, long[] out, long[] cpu,
                                   Map<ReloadStep, long[]> steps, int runs) throws Exception {
        long c = CPU.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        ReloadDetails details = swapper.reload(null);
        Object first = swapper.current().find(plugin.module()).orElseThrow().invokeFunc("first");
        long took = System.nanoTime() - t;
        long cpuTook = CPU.getCurrentThreadCpuTime() - c;
        check(plugin, first);
        if (!details.outcome(plugin.module()).equals(java.util.Optional.of(PluginOutcome.OK))) {
            throw new IllegalStateException("reload of " + plugin.module() + " did not load a new layer: " + details);
        }
        if (m >= 0) {
            out[m] = took;
            cpu[m] = cpuTook;
            details.steps().forEach((step, d) -> steps.computeIfAbsent(step, s -> new long[runs])[m] = d.toNanos());
        }
    }

    private static void timeFloor(BenchPlugin plugin, int i, int m, long[] out, long[] cpu, long[][] steps)
            throws Exception {
        ModuleLayer boot = ModuleLayer.boot();
        long c = CPU.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Configuration cf = Configuration.resolve(ModuleFinder.of(plugin.jar(i)), List.of(boot.configuration()),
                ModuleFinder.of(), Set.of(plugin.module()));
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
        check(plugin, first);
        if (m >= 0) {
            out[m] = t4 - t0;
            cpu[m] = cpuTook;
            steps[0][m] = t1 - t0;
            steps[1][m] = t2 - t1;
            steps[2][m] = t3 - t2;
            steps[3][m] = t4 - t3;
        }
    }

    private static void check(BenchPlugin plugin, Object first) {
        if (!Integer.valueOf(plugin.firstValue()).equals(first)) {
            throw new IllegalStateException(plugin.module() + " answered " + first + " to first, expected " + plugin.firstValue());
        }
    }
}
