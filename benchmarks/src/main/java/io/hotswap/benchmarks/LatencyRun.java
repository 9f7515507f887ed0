package io.hotswap.benchmarks;

import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.ReloadStep;
import io.hotswap.runtime.Swapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The samples of one reload-latency run: command to new code serving ({@code swapper.reload} plus
 * the first call into the new version) against its floor, measured interleaved in the same run on
 * the same modules: bare {@code ModuleFinder.of} + {@code Configuration.resolve} +
 * {@code ModuleLayer.defineModulesWithOneLoader} + service lookup + first call. Each reload
 * switches between the variants of the module outside the timed part; which of reload and floor
 * goes first alternates. Per measured run it also times, apart, hashing the jar and whatever
 * {@link Aside}s the benchmark adds.
 */
final class LatencyRun {

    /** The goal: reload + first call within 1.5× the floor. */
    static final double RATIO_GOAL = 1.5;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** Something else timed once per measured run, outside the reload and the floor. */
    interface Aside {
        /** @return the nanoseconds it took for the {@code i}-th variant */
        long time(long i) throws Exception;
    }

    private final long[] reload;
    private final long[] floor;
    private final long[] firstCall;
    private final long[] reloadCpu;
    private final long[] floorCpu;
    private final Map<ReloadStep, long[]> steps = new EnumMap<>(ReloadStep.class);
    private final long[][] floorSteps; // find + resolve, define, service lookup, first call
    private final long[] hash;
    private final long[][] asides;
    private final int runs;

    private LatencyRun(int runs, int asides) {
        this.runs = runs;
        reload = new long[runs];
        floor = new long[runs];
        firstCall = new long[runs];
        reloadCpu = new long[runs];
        floorCpu = new long[runs];
        floorSteps = new long[4][runs];
        hash = new long[runs];
        this.asides = new long[asides][runs];
    }

    /**
     * The rounds' warm-up reloads and floor runs, then their measured ones, with a swapper named
     * {@code name} that frees replaced versions after {@code freeDelay}.
     */
    static LatencyRun measure(BenchModule target, String name, Duration freeDelay, BenchArgs.Rounds rounds,
                              Aside... asides) throws Exception {
        LatencyRun run = new LatencyRun(rounds.runs(), asides.length);
        try (Swapper swapper = Swapper.builder(target.dir(0)).name(name).freeDelay(freeDelay).build()) {
            swapper.loadPlugins(null);
            // Reload i loads variant i: round 0 is the first load.
            for (int i = 1; i <= rounds.total(); i++) {
                int m = rounds.sample(i - 1); // index of the measured sample, negative during warm-up
                swapper.resetPluginDir(target.dir(i));
                int variant = i;
                // Alternate which goes first, so neither always runs on the heels of the other's garbage.
                Interleaving.inTurn(i, () -> run.timeReload(swapper, target, m), () -> run.timeFloor(target, variant, m));
                if (m >= 0) {
                    run.hash[m] = timeHash(Files.readAllBytes(target.jar(i)));
                    for (int a = 0; a < asides.length; a++) {
                        run.asides[a][m] = asides[a].time(i);
                    }
                }
            }
        }
        return run;
    }

    Samples reload() {
        return Samples.of(reload);
    }

    /** The table row: reload + first call against the floor, as {@code figure}. */
    Figure againstFloor(String figure) {
        Samples r = Samples.of(reload);
        Samples f = Samples.of(floor);
        double ratio = (double) r.median() / f.median();
        return new Figure(figure, r.describeMillis(), f.describeMillis(),
                "%.2f× (p90 %.2f×)".formatted(ratio, (double) r.p90() / f.p90()), "≤ 1.5× floor", ratio <= RATIO_GOAL);
    }

    /** {@code <step> x ms, } for every step of the reload path, median, from {@code ReloadDetails.steps()}. */
    String reloadSteps() {
        StringBuilder s = new StringBuilder();
        steps.forEach((step, nanos) -> s.append(step.label()).append(' ')
                .append(Samples.ms(Samples.of(nanos).median())).append(" ms, "));
        return s.toString();
    }

    /** The floor's steps, median: {@code find + resolve x ms, define layer y ms, ...}. */
    String floorSteps() {
        return "find + resolve %s ms, define layer %s ms, service lookup %s ms, first call %s ms"
                .formatted(median(floorSteps[0]), median(floorSteps[1]), median(floorSteps[2]), median(floorSteps[3]));
    }

    /** CPU time of the reloading threads (caller and hook threads): {@code reload median x ms (p90 y), floor ..., z×}. */
    String cpu() {
        Samples rc = Samples.of(reloadCpu);
        Samples fc = Samples.of(floorCpu);
        return "reload median %s ms (p90 %s), floor %s ms (p90 %s), %.2f×".formatted(Samples.ms(rc.median()),
                Samples.ms(rc.p90()), Samples.ms(fc.median()), Samples.ms(fc.p90()), (double) rc.median() / fc.median());
    }

    /** The reload's first call alone, median ms. */
    String firstCall() {
        return median(firstCall);
    }

    /** Hashing the jar (SHA-256), measured apart, median ms. */
    String hash() {
        return median(hash);
    }

    /** The {@code a}-th aside, median ms. */
    String aside(int a) {
        return median(asides[a]);
    }

    private static String median(long[] nanos) {
        return Samples.ms(Samples.of(nanos).median());
    }

    /**
     * CPU time of this thread and of the swapper's hook threads, which run a reload's build while
     * this thread waits for it (a reload's steps are bounded by its hook timeout that way).
     */
    private static long reloadThreadsCpu() {
        long sum = CPU.getCurrentThreadCpuTime();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("hotswap-hook-")) {
                sum += Math.max(0, CPU.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }

    private void timeReload(Swapper swapper, BenchModule target, int m) throws Exception {
        long c = reloadThreadsCpu();
        long t = System.nanoTime();
        ReloadDetails details = swapper.reload(null);
        long reloaded = System.nanoTime();
        Object first = target.callFirst(swapper);
        long done = System.nanoTime();
        long cpuTook = reloadThreadsCpu() - c;
        target.checkFirst(first);
        target.checkReloaded(details);
        if (m >= 0) {
            reload[m] = done - t;
            firstCall[m] = done - reloaded;
            reloadCpu[m] = cpuTook;
            details.steps().forEach((step, d) -> steps.computeIfAbsent(step, s -> new long[runs])[m] = d.toNanos());
        }
    }

    private void timeFloor(BenchModule target, int i, int m) throws Exception {
        long c = CPU.getCurrentThreadCpuTime();
        ModuleLayerFloor.Pass pass = ModuleLayerFloor.pass(target, i);
        long cpuTook = CPU.getCurrentThreadCpuTime() - c;
        if (m >= 0) {
            floor[m] = pass.total();
            floorCpu[m] = cpuTook;
            for (int s = 0; s < floorSteps.length; s++) {
                floorSteps[s][m] = pass.steps()[s];
            }
        }
    }

    private static long timeHash(byte[] bytes) throws Exception {
        long t = System.nanoTime();
        MessageDigest.getInstance("SHA-256").digest(bytes);
        return System.nanoTime() - t;
    }
}
