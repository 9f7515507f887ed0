package io.hotswap.benchmarks;

import java.nio.file.Files;

/**
 * Memory over 10,000 reloads of a 100-class plugin, each followed by a first call that loads all
 * its classes. Its floor is the same process after the tenth of the reloads (what the first tenth
 * loads, it loads once: see {@link FootprintOverReloads#figures}): loaded classes and Metaspace
 * then, against the same after the last reload and a GC; and every retired layer collected, as
 * the swapper's leak watch counts them.
 *
 * <p>Usage: {@code MemoryOverReloads [reloads]} (default 10,000).
 */
public final class MemoryOverReloads {

    private MemoryOverReloads() {
    }

    public static void main(String[] args) throws Exception {
        int reloads = BenchArgs.of(args, "MemoryOverReloads [reloads]", 0).number(0, 10_000);
        Report report = new Report("memory-over-reloads");
        BenchPlugin plugin = PluginJars.build(100, Files.createTempDirectory("bench-memory-"));
        FootprintOverReloads run = FootprintOverReloads.measure(plugin, "bench-memory", reloads, report);
        report.note("- %,d reloads with a first call each took %s.".formatted(reloads - 1, run.pace(2)));
        if (run.tenth() != null) {
            report.note("- " + run.sinceTenth() + "; what grows between reload 1 and the tenth is loaded once, not per reload (class-load logging showed JDK and runtime classes: the leak watch's first holder search, and similar first-use loads), so the table's floor is the tenth.");
        }
        run.figures(report, "a 100-class plugin", "retired layers");
        report.write();
    }
}
