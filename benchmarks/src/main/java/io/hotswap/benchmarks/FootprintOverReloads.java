package io.hotswap.benchmarks;

import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.SwapperStatus;
import java.time.Duration;

/**
 * Loaded classes and Metaspace over a run of reloads, each followed by a first call: the
 * {@link Footprint} after reload 1 (the floor), after a tenth of the reloads and after the last,
 * each after a GC, and the swapper's status at the end. The memory benchmarks hold every module to
 * the same tolerances: loaded classes within 1 %, Metaspace within 5 MiB, every replaced version
 * collected.
 *
 * @param reloads how many reloads, the first included
 * @param first   after reload 1 and a GC
 * @param tenth   after reload {@code reloads / 10} and a GC; null when that is reload 1
 * @param last    after the last reload and a GC
 * @param status  the swapper's, after the last reload
 * @param took    the nanoseconds of reloads 2 to the last, waits for a GC left out
 */
record FootprintOverReloads(int reloads, Footprint first, Footprint tenth, Footprint last, SwapperStatus status,
                            long took) {

    private static final double CLASSES_GOAL = 0.01;
    private static final long METASPACE_GOAL = 5L << 20;
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(60);

    /**
     * Reloads {@code target} {@code reloads} times with a swapper that frees at once, noting each
     * footprint in {@code report} as it is taken (and one without a forced GC every 2,000 reloads).
     */
    static FootprintOverReloads measure(BenchModule target, String name, int reloads, Report report) throws Exception {
        try (Swapper swapper = Swapper.builder(target.dir(0)).name(name).freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(null);
            target.reloadAndCall(swapper, 1);
            // This class's own reporting loads JDK classes (formatting) the first time: do it once before the baseline.
            Footprint.now().describe();
            settle(swapper);
            Footprint first = Footprint.now();
            report.note("- after reload 1 and a GC: " + first.describe());
            Footprint tenth = null;
            long started = System.nanoTime();
            for (int i = 2; i <= reloads; i++) {
                target.reloadAndCall(swapper, i);
                if (i == reloads / 10) {
                    long settling = System.nanoTime();
                    settle(swapper);
                    started += System.nanoTime() - settling; // the per-reload average leaves the wait out
                    tenth = Footprint.now();
                    report.note("- after reload %,d and a GC: %s".formatted(i, tenth.describe()));
                } else if (i % 2000 == 0) {
                    report.note("- after reload %,d (no forced GC): %s, %.1f s so far".formatted(i,
                            Footprint.now().describe(), (System.nanoTime() - started) / 1e9));
                }
            }
            long took = System.nanoTime() - started;
            SwapperStatus status = settle(swapper);
            Footprint last = Footprint.now();
            report.note("- after reload %,d and a GC: %s".formatted(reloads, last.describe()));
            report.note("- swapper status: %,d versions freed, %,d layers collected, %d leaked, %d generations still retired"
                    .formatted(status.freed(), status.collected(), status.leaked(), status.retired()));
            return new FootprintOverReloads(reloads, first, tenth, last, status, took);
        }
    }

    /** {@code x s: y ms per reload}, reloads 2 to the last, with {@code decimals} decimals for the average. */
    String pace(int decimals) {
        return ("%.1f s: %." + decimals + "f ms per reload on average").formatted(took / 1e9, took / 1e6 / (reloads - 1));
    }

    /** {@code from reload x to reload y (both after a GC): +n classes, +m MiB Metaspace}; null without a tenth. */
    String sinceTenth() {
        return tenth == null ? null : "from reload %,d to reload %,d (both after a GC): %+d classes, %+.2f MiB Metaspace"
                .formatted(reloads / 10, reloads, last.classes() - tenth.classes(),
                        (last.metaspaceUsed() - tenth.metaspaceUsed()) / 1048576.0);
    }

    /**
     * The three table rows: loaded classes and Metaspace over the reloads {@code of} ({@code "a bundle"}),
     * and {@code retired} ({@code "retired layers"}) collected. The floor is the footprint after the
     * tenth of the reloads where there is one: the first tenth loads, once, the host's classes of
     * paths a reload takes only later (the leak watch's first search for holders of a version still
     * alive a second after its free loads about 80 JDK and runtime classes: java.sql's
     * DriverManager, java.util.logging's manager, the shutdown hooks), which is not growth per
     * reload; the notes give the footprint after reload 1 too.
     */
    void figures(Report report, String of, String retired) {
        Footprint base = tenth != null ? tenth : first;
        String after = tenth != null
                ? "after reload %,d (from reload 1: %+d classes, %+.2f MiB, loaded once)".formatted(reloads / 10,
                        tenth.classes() - first.classes(), (tenth.metaspaceUsed() - first.metaspaceUsed()) / 1048576.0)
                : "after the first";
        double classGrowth = (double) (last.classes() - base.classes()) / base.classes();
        long metaGrowth = last.metaspaceUsed() - base.metaspaceUsed();
        report.figure(new Figure("loaded classes over %,d reloads of %s".formatted(reloads, of),
                "%,d after the last reload".formatted(last.classes()), "%,d %s".formatted(base.classes(), after),
                "%+.2f %%".formatted(100 * classGrowth), "within 1 %", Math.abs(classGrowth) <= CLASSES_GOAL));
        report.figure(new Figure("Metaspace over %,d reloads of %s".formatted(reloads, of),
                "%.1f MiB used after the last reload".formatted(last.metaspaceUsed() / 1048576.0),
                "%.1f MiB %s".formatted(base.metaspaceUsed() / 1048576.0, after),
                "%+.2f MiB".formatted(metaGrowth / 1048576.0), "within 5 MiB", Math.abs(metaGrowth) <= METASPACE_GOAL));
        // Every version but the current one was replaced and freed; each freed one must have been collected.
        long expectedFreed = reloads;
        boolean allCollected = status.freed() == expectedFreed && status.collected() == status.freed() && status.leaked() == 0;
        report.figure(new Figure("%s collected after %,d reloads".formatted(retired, reloads),
                "%,d of %,d freed, %d leaked".formatted(status.collected(), status.freed(), status.leaked()),
                "%,d replaced versions".formatted(expectedFreed), "—", "every one collected", allCollected));
    }

    /**
     * Waits, within a bound, until every replaced generation was freed and every freed layer
     * collected, collecting garbage between looks; answers the last status either way.
     */
    private static SwapperStatus settle(Swapper swapper) throws InterruptedException {
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
