package io.hotswap.benchmarks;

import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.SwapperStatus;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Memory over 10,000 reloads of a 100-class plugin, each followed by a first call that loads all
 * its classes. Its floor is the same process after the first reload: loaded classes and Metaspace
 * then, against the same after the last reload and a GC; and every retired layer collected, as
 * the swapper's leak watch counts them.
 *
 * <p>Usage: {@code MemoryOverReloads [reloads]} (default 10,000).
 */
public final class MemoryOverReloads {

    // Shared with BundleMemory: a bundle is held to the tolerances of a plain plugin.
    static final double CLASSES_GOAL = 0.01;
    static final long METASPACE_GOAL = 5L << 20;
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(60);

    private MemoryOverReloads() {
    }

    public static void main(String[] args) throws Exception {
        int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Report report = new Report("memory-over-reloads");
        BenchPlugin plugin = PluginJars.build(100, Files.createTempDirectory("bench-memory-"));
        Footprint first;
        Footprint last;
        Footprint tenth = null;
        SwapperStatus status;
        long started;
        long took;
        try (Swapper swapper = Swapper.builder(plugin.dir(0)).name("bench-memory").freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(null);
            reloadAndCall(swapper, plugin, 1);
            // This class's own reporting loads JDK classes (formatting) the first time: do it once before the baseline.
            Footprint.now().describe();
            settle(swapper);
            first = Footprint.now();
            report.note("- after reload 1: " + first.describe());
            started = System.nanoTime();
            for (int i = 2; i <= reloads; i++) {
                reloadAndCall(swapper, plugin, i);
                if (i == reloads / 10) {
                    settle(swapper);
                    tenth = Footprint.now();
                    report.note("- after reload %,d and a GC: %s".formatted(i, tenth.describe()));
                } else if (i % 2000 == 0) {
                    Footprint f = Footprint.now();
                    report.note("- after reload %,d (no forced GC): %s, %.1f s so far".formatted(i, f.describe(),
                            (System.nanoTime() - started) / 1e9));
                }
            }
            took = System.nanoTime() - started;
            status = settle(swapper);
            last = Footprint.now();
            report.note("- after reload %,d and a GC: %s".formatted(reloads, last.describe()));
            report.note("- swapper status: %,d versions freed, %,d layers collected, %d leaked, %d generations still retired"
                    .formatted(status.freed(), status.collected(), status.leaked(), status.retired()));
            report.note("- %,d reloads with a first call each took %.1f s: %.2f ms per reload on average."
                    .formatted(reloads - 1, took / 1e9, took / 1e6 / (reloads - 1)));
        }
        double classGrowth = (double) (last.classes() - first.classes()) / first.classes();
        long metaGrowth = last.metaspaceUsed() - first.metaspaceUsed();
        if (tenth != null) {
            report.note("- from reload %,d to reload %,d (both after a GC): %+d classes, %+.2f MiB Metaspace; what grows between reload 1 and the tenth is loaded once, not per reload (class-load logging showed JDK classes: reflection accessor generation after the 15th `MessageDigest.getInstance`, and similar first-use loads)."
                    .formatted(reloads / 10, reloads, last.classes() - tenth.classes(),
                            (last.metaspaceUsed() - tenth.metaspaceUsed()) / 1048576.0));
        }
        report.figure(new Figure("loaded classes over %,d reloads of a 100-class plugin".formatted(reloads),
                "%,d after the last reload".formatted(last.classes()), "%,d after the first".formatted(first.classes()),
                "%+.2f %%".formatted(100 * classGrowth), "within 1 %", Math.abs(classGrowth) <= CLASSES_GOAL));
        report.figure(new Figure("Metaspace over %,d reloads of a 100-class plugin".formatted(reloads),
                "%.1f MiB used after the last reload".formatted(last.metaspaceUsed() / 1048576.0),
                "%.1f MiB after the first".formatted(first.metaspaceUsed() / 1048576.0),
                "%+.2f MiB".formatted(metaGrowth / 1048576.0), "within 5 MiB", Math.abs(metaGrowth) <= METASPACE_GOAL));
        // Every layer but the current one was freed; each freed layer must have been collected.
        long expectedFreed = reloads;
        boolean allCollected = status.freed() == expectedFreed && status.collected() == status.freed() && status.leaked() == 0;
        report.figure(new Figure("retired layers collected after %,d reloads".formatted(reloads),
                "%,d of %,d freed, %d leaked".formatted(status.collected(), status.freed(), status.leaked()),
                "%,d replaced versions".formatted(expectedFreed), "—", "every one collected", allCollected));
        report.write();
    }

    private static void reloadAndCall(Swapper swapper, BenchPlugin plugin, long i) throws Exception {
        swapper.resetPluginDir(plugin.dir(i));
        ReloadDetails details = swapper.reload(null);
        if (!details.outcome(plugin.module()).equals(java.util.Optional.of(PluginOutcome.OK))) {
            throw new IllegalStateException("reload " + i + " of " + plugin.module() + " loaded no new layer: " + details);
        }
        Object first = swapper.current().find(plugin.module()).orElseThrow().invokeFunc("first");
        if (!Integer.valueOf(plugin.firstValue()).equals(first)) {
            throw new IllegalStateException("reload " + i + ": " + plugin.module() + " answered " + first);
        }
    }

    /**
     * Waits, within a bound, until every replaced generation was freed and every freed layer
     * collected, collecting garbage between looks; answers the last status either way.
     */
    static SwapperStatus settle(Swapper swapper) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        SwapperStatus s = swapper.status();
        while (System.nanoTime() < deadline) {
            System.gc();
            s = swapper.status();
            if (s.retired() == 0 && s.collected() == s.freed()) {
                break;
            }
            Thread.sleep(50); // polling a GC outcome, not synchronizing threads
        }
        System.gc();
        return swapper.status();
    }
}
