package io.hotswap.benchmarks;

import java.nio.file.Files;

/**
 * Memory over 1,000 reloads of a plugin bundle (BundleJars: a plugin with Jackson nested), each
 * followed by a first call that loads a few hundred library classes into the new version's
 * loader. Its floor is the same process after the tenth of the reloads (see
 * {@link FootprintOverReloads#figures}); the tolerances are those of
 * MemoryOverReloads for a plain plugin ({@link FootprintOverReloads}); and every replaced version must be collected, as the
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
        BenchArgs a = BenchArgs.of(args, "BundleMemory <libs> [reloads] [deque | thread-local]", 1);
        int reloads = a.number(1, 1_000);
        BundleJars.Recycling recycling = BundleJars.Recycling.of(a.text(2, "deque"));
        Report report = new Report("bundle-memory");
        BenchBundle bundle = BundleJars.build(a.path(0), Files.createTempDirectory("bench-bundle-memory-"), recycling);
        report.note("- The bundle: plugin `%s` with %s nested; each reload switches between two variants of it and makes one first call (`writeValueAsString(List.of(1))` on a new `ObjectMapper`). Free delay 0."
                .formatted(bundle.module(), bundle.describeLibraries()));
        FootprintOverReloads run = FootprintOverReloads.measure(bundle, "bench-bundle-memory", reloads, report);
        report.note("- %,d reloads of the bundle with a first call each took %s; Jackson's buffers in a %s pool."
                .formatted(reloads - 1, run.pace(1),
                        recycling == BundleJars.Recycling.DEQUE ? "per-mapper (concurrent deque)" : "thread-local (Jackson's default)"));
        if (run.tenth() != null) {
            report.note("- " + run.sinceTenth() + ".");
        }
        run.figures(report, "a bundle", "retired bundle versions");
        report.write();
    }
}
