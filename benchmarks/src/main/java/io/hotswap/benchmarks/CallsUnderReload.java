package io.hotswap.benchmarks;

import io.hotswap.runtime.Swapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Host calls during continuous reloading: two caller threads calling the 1-class plugin through
 * {@code swapper.current()} while a reload runs every 50 ms, against the same callers with no
 * reloading. The two phases alternate in blocks of a few seconds, 20 s each in all, so a change
 * in the machine's load falls on both alike.
 *
 * <p>Usage: {@code CallsUnderReload [seconds per phase] [block seconds]} (default 20 and 1).
 */
public final class CallsUnderReload {

    private static final int CALLERS = 2;
    private static final long RELOAD_EVERY_MS = 50;
    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    private CallsUnderReload() {
    }

    /** What the callers did in one phase, summed over its blocks. */
    private static final class Tally {
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong worstNanos = new AtomicLong();
        final AtomicLong over1ms = new AtomicLong();
        final AtomicLong cpuNanos = new AtomicLong();
        long nanos;
        final List<String> failures = new ArrayList<>();

        double perSecond() {
            return calls.get() / (nanos / 1e9);
        }

        /** Calls per second of the callers' own CPU time: what is left when other processes' share is taken out. */
        double perCpuSecond() {
            return calls.get() / (cpuNanos.get() / 1e9);
        }
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int block = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Report report = new Report("calls-under-reload");
        BenchPlugin plugin = PluginJars.build(1, Files.createTempDirectory("bench-calls-"));
        Tally quiet = new Tally();
        Tally reloading = new Tally();
        AtomicLong reloads = new AtomicLong();
        AtomicLong reloadFailures = new AtomicLong();
        // Default free delay (5 s): what a host gets unless it says otherwise.
        try (Swapper swapper = Swapper.builder(plugin.dir(0)).name("bench-calls").build()) {
            swapper.loadPlugins(null);
            // Warm-up, not counted: both kinds of phase once.
            phase(swapper, plugin, null, 2, new Tally(), reloads, reloadFailures);
            phase(swapper, plugin, plugin, 2, new Tally(), reloads, reloadFailures);
            reloads.set(0);
            for (int done = 0; done < seconds; done += block) {
                int s = Math.min(block, seconds - done);
                phase(swapper, plugin, null, s, quiet, reloads, reloadFailures);
                phase(swapper, plugin, plugin, s, reloading, reloads, reloadFailures);
            }
        }
        double throughput = reloading.perSecond() / quiet.perSecond();
        double worst = (double) reloading.worstNanos.get() / quiet.worstNanos.get();
        report.figure(new Figure("failed host calls, 2 callers × %d s, reload every 50 ms".formatted(seconds),
                "%d of %,d calls (%d reloads, %d failed)".formatted(reloading.failed.get(), reloading.calls.get(),
                        reloads.get(), reloadFailures.get()),
                "%d of %,d calls, no reloads".formatted(quiet.failed.get(), quiet.calls.get()),
                "—", "0 failed", reloading.failed.get() == 0 && quiet.failed.get() == 0));
        report.figure(new Figure("throughput of host calls under reload",
                "%,.0f calls/s".formatted(reloading.perSecond()), "%,.0f calls/s".formatted(quiet.perSecond()),
                "%.1f %%".formatted(100 * throughput), "≥ 90 % of floor", throughput >= 0.9));
        report.figure(new Figure("worst host-call latency under reload",
                "%s ms (%d calls over 1 ms)".formatted(Samples.ms(reloading.worstNanos.get()), reloading.over1ms.get()),
                "%s ms (%d calls over 1 ms)".formatted(Samples.ms(quiet.worstNanos.get()), quiet.over1ms.get()),
                "%.2f×".formatted(worst), "≤ 2× floor's worst", worst <= 2.0));
        report.note("- %d caller threads call `swapper.current().find(\"%s\").orElseThrow().invokeFunc(\"echo\", i)` in a loop and check the answer; a failed call is an exception or a wrong answer."
                .formatted(CALLERS, plugin.module()));
        report.note("- Phases alternate in %d s blocks (quiet, reloading, ...), %d s each in all, after a 2 s warm-up of each; the reloading phase switches the plugin directory between two variants of the jar and reloads every %d ms on a third thread (free delay 5 s, the default)."
                .formatted(block, seconds, RELOAD_EVERY_MS));
        report.note("- Per second of the callers' own CPU time (takes out the share of the cores that other processes and the reload thread took): %,.0f calls under reload against %,.0f quiet, %.1f %%."
                .formatted(reloading.perCpuSecond(), quiet.perCpuSecond(), 100 * reloading.perCpuSecond() / quiet.perCpuSecond()));
        for (String f : reloading.failures) {
            report.note("- failure: " + f);
        }
        report.write();
    }

    /** Runs the callers for {@code seconds}; reloads {@code reloadPlugin} every 50 ms unless it is null. */
    private static void phase(Swapper swapper, BenchPlugin plugin, BenchPlugin reloadPlugin, int seconds, Tally tally,
                              AtomicLong reloads, AtomicLong reloadFailures) throws InterruptedException {
        ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-reloader"));
        if (reloadPlugin != null) {
            reloader.scheduleAtFixedRate(() -> {
                try {
                    swapper.resetPluginDir(reloadPlugin.dir(swapper.reloadCounter() + 1));
                    swapper.reload(null);
                    reloads.incrementAndGet();
                } catch (RuntimeException e) {
                    reloadFailures.incrementAndGet();
                }
            }, RELOAD_EVERY_MS, RELOAD_EVERY_MS, TimeUnit.MILLISECONDS);
        }
        CountDownLatch ready = new CountDownLatch(CALLERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> callers = new ArrayList<>();
        long[] end = new long[1];
        for (int c = 0; c < CALLERS; c++) {
            Thread t = new Thread(() -> call(swapper, plugin, tally, ready, go, end), "bench-caller-" + c);
            callers.add(t);
            t.start();
        }
        ready.await();
        long start = System.nanoTime();
        end[0] = start + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown();
        for (Thread t : callers) {
            t.join();
        }
        tally.nanos += System.nanoTime() - start;
        reloader.shutdownNow();
        reloader.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static void call(Swapper swapper, BenchPlugin plugin, Tally tally, CountDownLatch ready,
                             CountDownLatch go, long[] end) {
        ready.countDown();
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long stop = end[0];
        long calls = 0;
        long failed = 0;
        long worst = 0;
        long over1ms = 0;
        Integer arg = 0;
        long cpuStart = CPU.getCurrentThreadCpuTime();
        for (long now = System.nanoTime(); now < stop; ) {
            arg = (arg + 1) & 0x7f; // boxed from the Integer cache: the callers themselves allocate only the varargs array
            Object answer;
            try {
                answer = swapper.current().find(plugin.module()).orElseThrow().invokeFunc("echo", arg);
            } catch (Exception e) {
                answer = e;
            }
            long after = System.nanoTime();
            long took = after - now;
            now = after;
            calls++;
            worst = Math.max(worst, took);
            if (took > 1_000_000) {
                over1ms++;
            }
            if (!arg.equals(answer)) {
                failed++;
                synchronized (tally) {
                    if (tally.failures.size() < 5) {
                        tally.failures.add(Thread.currentThread().getName() + ": expected " + arg + ", got " + answer);
                    }
                }
            }
        }
        tally.cpuNanos.addAndGet(CPU.getCurrentThreadCpuTime() - cpuStart);
        tally.calls.addAndGet(calls);
        tally.failed.addAndGet(failed);
        tally.over1ms.addAndGet(over1ms);
        tally.worstNanos.accumulateAndGet(worst, Math::max);
    }
}
