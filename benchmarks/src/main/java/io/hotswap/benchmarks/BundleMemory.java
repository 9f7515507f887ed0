package io.hotswap.benchmarks;

import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import io.hotswap.runtime.SwapperStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Memory over 1,000 reloads of a plugin bundle (BundleJars: a plugin with Jackson nested), each
 * followed by a first call that loads a few hundred library classes into the new version's
 * loader. Its floor is the same process after the first reload; the tolerances are those of
 * MemoryOverReloads for a plain plugin; and every replaced version must be collected, as the
 * swapper's leak watch counts them. A bundle's loader holds far more than a plain plugin's (the
 * nested jars' bytes and a library's classes), so whatever it kept alive would show here first.
 *
 * <p>Usage: {@code BundleMemory <libs> [reloads] [deque | thread-local]} (default 1,000 and
 * {@code deque}: where the plugin's Jackson keeps its buffers, see {@link BundleJars.Recycling}).
 */
public final class BundleMemory {

    private BundleMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: BundleMemory <libs> [reloads] [deque | thread-local]");
        }
        int reloads = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        BundleJars.Recycling recycling = args.length > 2 ? BundleJars.Recycling.of(args[2]) : BundleJars.Recycling.DEQUE;
        Report report = new Report("bundle-memory");
        BenchBundle bundle = BundleJars.build(Path.of(args[0]), Files.createTempDirectory("bench-bundle-memory-"), recycling);
        report.note("- The bundle: plugin `%s` with %s nested; each reload switches between two variants of it and makes one first call (`writeValueAsString(List.of(1))` on a new `ObjectMapper`). Free delay 0."
                .formatted(bundle.module(), bundle.describeLibraries()));
        Footprint first;
        Footprint tenth = null;
        Footprint last;
        SwapperStatus status;
        long took;
        try (Swapper swapper = Swapper.builder(bundle.dir(0)).name("bench-bundle-memory").freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(null);
            reloadAndCall(swapper, bundle, 1);
            // This class's own reporting loads JDK classes (formatting) the first time: do it once before the baseline.
            Footprint.now().describe();
            MemoryOverReloads.settle(swapper);
            first = Footprint.now();
            report.note("- after reload 1 and a GC: " + first.describe());
            long started = System.nanoTime();
            for (int i = 2; i <= reloads; i++) {
                reloadAndCall(swapper, bundle, i);
                if (i == reloads / 10) {
                    long settling = System.nanoTime();
                    MemoryOverReloads.settle(swapper);
                    started += System.nanoTime() - settling; // the per-reload average leaves the wait out
                    tenth = Footprint.now();
                    report.note("- after reload %,d and a GC: %s".formatted(i, tenth.describe()));
                }
            }
            took = System.nanoTime() - started;
            status = MemoryOverReloads.settle(swapper);
            last = Footprint.now();
            report.note("- after reload %,d and a GC: %s".formatted(reloads, last.describe()));
            report.note("- swapper status: %,d versions freed, %,d layers collected, %d leaked, %d generations still retired"
                    .formatted(status.freed(), status.collected(), status.leaked(), status.retired()));
            report.note("- %,d reloads of the bundle with a first call each took %.1f s: %.1f ms per reload on average; Jackson's buffers in a %s pool."
                    .formatted(reloads - 1, took / 1e9, took / 1e6 / (reloads - 1),
                            recycling == BundleJars.Recycling.DEQUE ? "per-mapper (concurrent deque)" : "thread-local (Jackson's default)"));
        }
        if (tenth != null) {
            report.note("- from reload %,d to reload %,d (both after a GC): %+d classes, %+.2f MiB Metaspace."
                    .formatted(reloads / 10, reloads, last.classes() - tenth.classes(),
                            (last.metaspaceUsed() - tenth.metaspaceUsed()) / 1048576.0));
        }
        double classGrowth = (double) (last.classes() - first.classes()) / first.classes();
        long metaGrowth = last.metaspaceUsed() - first.metaspaceUsed();
        report.figure(new Figure("loaded classes over %,d reloads of a bundle".formatted(reloads),
                "%,d after the last reload".formatted(last.classes()), "%,d after the first".formatted(first.classes()),
                "%+.2f %%".formatted(100 * classGrowth), "within 1 %",
                Math.abs(classGrowth) <= MemoryOverReloads.CLASSES_GOAL));
        report.figure(new Figure("Metaspace over %,d reloads of a bundle".formatted(reloads),
                "%.1f MiB used after the last reload".formatted(last.metaspaceUsed() / 1048576.0),
                "%.1f MiB after the first".formatted(first.metaspaceUsed() / 1048576.0),
                "%+.2f MiB".formatted(metaGrowth / 1048576.0), "within 5 MiB",
                Math.abs(metaGrowth) <= MemoryOverReloads.METASPACE_GOAL));
        // Every version but the current one was replaced and freed; each freed one must have been collected.
        long expectedFreed = reloads;
        boolean allCollected = status.freed() == expectedFreed && status.collected() == status.freed() && status.leaked() == 0;
        report.figure(new Figure("retired bundle versions collected after %,d reloads".formatted(reloads),
                "%,d of %,d freed, %d leaked".formatted(status.collected(), status.freed(), status.leaked()),
                "%,d replaced versions".formatted(expectedFreed), "—", "every one collected", allCollected));
        report.write();
    }

    private static void reloadAndCall(Swapper swapper, BenchBundle bundle, long i) throws Exception {
        swapper.resetPluginDir(bundle.dir(i));
        ReloadDetails details = swapper.reload(null);
        if (!details.outcome(bundle.module()).equals(java.util.Optional.of(PluginOutcome.OK))) {
            throw new IllegalStateException("reload " + i + " of " + bundle.module() + " loaded no new layer: " + details);
        }
        Object first = swapper.current().find(bundle.module()).orElseThrow().invokeFunc("first");
        if (!bundle.firstValue().equals(first)) {
            throw new IllegalStateException("reload " + i + ": " + bundle.module() + " answered " + first);
        }
    }
}
