package io.hotswap.benchmarks;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.hotswap.runtime.LeakPath;
import io.hotswap.runtime.Swapper;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code hotswap leaks} on a big host: a forked JVM holds {@code mib} MiB of live objects and one
 * leaked plugin version (its plugin object kept in {@code System.getProperties()}, a static map of
 * the JDK), with {@code -Xmx} at the live heap plus a quarter of the dump it will make (the goal's
 * memory bound: the reader must fit there). Timed: {@code swapper.leakPaths()} (dump, read,
 * delete), beside the floor, {@code HotSpotDiagnosticMXBean.dumpHeap} of the same heap alone.
 *
 * <p>Usage: {@code LeakPathTime [live MiB]} (default 200).
 */
public final class LeakPathTime {

    /** Live heap and a quarter of a dump about 1.45 times its size (measured: 284 to 286 MiB for 200 MiB). */
    private static final double XMX_PER_LIVE_MIB = 1.0 + 1.42 / 4;
    private static final List<Object> LIVE = new ArrayList<>();

    private LeakPathTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Integer.parseInt(args[1]));
            return;
        }
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long xmx = Math.round(mib * XMX_PER_LIVE_MIB);
        Report report = new Report("leak-path");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + xmx + "m", "--module-path", System.getProperty("jdk.module.path"),
                "--add-modules", "io.hotswap.runtime", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), LeakPathTime.class.getName(), "child", String.valueOf(mib)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        int rc = p.waitFor();
        String result = out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse(null);
        if (rc != 0 || result == null) {
            report.figure(new Figure("hotswap leaks on a host of %d MiB live heap, -Xmx%dm".formatted(mib, xmx),
                    "failed (exit " + rc + ")", "—", "—", "≤ 10 s, reader ≤ 1/4 of the dump", false));
            report.note("- The forked host printed:\n```\n" + out + "\n```");
            report.write();
            return;
        }
        String[] f = result.split(" ");
        long pathMs = Long.parseLong(f[1]);
        long dumpMs = Long.parseLong(f[2]);
        long dumpMib = Long.parseLong(f[3]);
        report.figure(new Figure("hotswap leaks (`leakPaths`): host of %d MiB live heap, dump %d MiB, -Xmx%dm".formatted(mib, dumpMib, xmx),
                "%,d ms".formatted(pathMs), "%,d ms, dumpHeap alone".formatted(dumpMs), "%.1f×".formatted((double) pathMs / dumpMs),
                "≤ 10 s, in live heap + 1/4 of the dump", pathMs <= 10_000));
        report.note("- leak path found: " + out.lines().filter(l -> l.startsWith("CHAIN ")).findFirst().orElse("none")
                .replaceFirst("^CHAIN ", ""));
        report.write();
    }

    private static void child(int mib) throws Exception {
        Runtime rt = Runtime.getRuntime();
        // Small linked objects, as a real heap has: many references for the reader to follow.
        Object prev = null;
        long i = 0;
        while (rt.totalMemory() - rt.freeMemory() < (long) mib << 20) {
            for (int k = 0; k < 100_000; k++, i++) {
                Object[] node = {"s" + i, i % 50 == 0 ? null : prev};
                prev = node;
                if (i % 50 == 49) {
                    LIVE.add(node);
                }
            }
        }
        Path root = Files.createTempDirectory("bench-leak-path-");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        PluginBuilder leaky = PluginBuilder.plugin("leaky").onInit("System.getProperties().put(\"bench.leaky\", this);");
        leaky.buildInto(plugins);
        try (Swapper swapper = Swapper.builder(plugins).name("bench-leak-path").freeDelay(Duration.ZERO)
                .leakThreshold(1, Duration.ZERO).leakCheckInterval(Duration.ofMillis(100)).build()) {
            swapper.loadPlugins(null);
            PluginBuilder.plugin("leaky").version("v2").buildInto(plugins);
            swapper.reload(null);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (swapper.status().leaked() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the leaked version was not reported within 2 minutes");
                }
                System.gc();
                Thread.sleep(100); // polling the watch's report, with a bound: not synchronisation
            }
            Path floor = root.resolve("floor.hprof");
            long t0 = System.nanoTime();
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(floor.toString(), true);
            long dumpMs = (System.nanoTime() - t0) / 1_000_000;
            long dumpMib = Files.size(floor) >> 20;
            Files.delete(floor);
            t0 = System.nanoTime();
            List<LeakPath> paths = swapper.leakPaths();
            long pathMs = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("RESULT " + pathMs + " " + dumpMs + " " + dumpMib);
            System.out.println("CHAIN " + (paths.isEmpty() ? "none" : paths.get(0).chain()));
        }
    }
}
