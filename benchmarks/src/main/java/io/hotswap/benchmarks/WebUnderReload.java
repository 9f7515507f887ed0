package io.hotswap.benchmarks;

import io.hotswap.demo.web.WebServer;
import io.hotswap.runtime.Swapper;
import io.hotswap.testkit.plugins.Jars;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The web demo's handler ({@code io.hotswap.demo.web.WebServer}: the JDK's HTTP server whose
 * pages come from a plugin) under load: quiet, and while the page plugin is reloaded every
 * 200 ms, once triggered in-process ({@code swapper.reload}) and once through the image's
 * {@code bin/hotswap reload --host} (skipped without the image). The load comes from {@code wrk}
 * where it is installed ({@link WebLoad.Wrk}), else from the JDK's {@code HttpClient}
 * ({@link WebLoad.Jdk}).
 *
 * <p>For each trigger the quiet and the reloading phase are equally long and interleaved, in
 * {@value #BLOCKS} blocks each, in the order quiet, reloading, reloading, quiet, quiet…: a machine
 * load that drifts while the benchmark runs (other processes on the same cores) weighs on both
 * phases alike. Requests, failures and latencies are added up over each phase's blocks (the p99
 * from the merged latency histograms). A warm-up before the first block, of load alternately quiet
 * and reloading, lasts until the JIT has compiled the server and the reload path ({@link #warmUp}),
 * so that no block pays for that: on two busy cores the server's C2 compilations ran some 15 s. The notes split the host's CPU time per request
 * into its JIT compiler threads and the rest ({@link HostCpu}), in both phases.
 *
 * <p>Usage: {@code WebUnderReload <image> [seconds per phase] [connections]} (default 10 and 16).
 */
public final class WebUnderReload {

    private static final Duration RELOAD_EVERY = Duration.ofMillis(200);
    private static final int BLOCKS = 5;
    // The warm-up: at least the minimum, then until the JIT has settled, at most the maximum.
    private static final Duration WARM_UP_MIN = Duration.ofSeconds(5);
    private static final Duration WARM_UP_MAX = Duration.ofSeconds(30);
    // Settled: a quiet second of load in which the JIT compiled for less than this long.
    private static final long SETTLED_COMPILE_MILLIS = 50;

    private WebUnderReload() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "WebUnderReload <image> [seconds per phase] [connections]", 1);
        Path image = a.path(0);
        Duration phase = Duration.ofSeconds(a.number(1, 10));
        Duration block = Duration.ofSeconds(Math.max(1, phase.toSeconds() / BLOCKS));
        int connections = a.number(2, 16);
        Report report = new Report("web");
        Path root = Files.createTempDirectory("bench-web-");
        List<Path> variants = pageVariants(root);
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        install(variants.get(0), plugins);
        String name = "bench-web-" + ProcessHandle.current().pid();
        WebLoad load = WebLoad.pick(connections);
        try (Swapper swapper = Swapper.builder(plugins).name(name).freeDelay(Duration.ofSeconds(1))
                .managementEndpoint(true).build();
             WebServer server = WebServer.start(swapper, "page", 0, 8, LoggerFactory.getLogger(WebUnderReload.class))) {
            swapper.loadPlugins(null);
            URI uri = server.uri().resolve("/bench");
            String warm = warmUp(load, uri, variants, plugins, () -> swapper.reload(null));
            report.note("- Load: " + load.describe() + ", " + BLOCKS * block.toSeconds() + " s per phase in " + BLOCKS
                    + " blocks of " + block.toSeconds() + " s, quiet and reloading interleaved, after a warm-up (" + warm
                    + "); the handler runs on 8 request threads of the JDK's HTTP server (TCP_NODELAY on); a reload"
                    + " swaps page.jar between two variants (same code, another hash) by an atomic rename, then reloads.");
            Phases in = interleaved(load, uri, block, variants, plugins, () -> swapper.reload(null));
            rows(report, "in-process reload", in, 0.95);
            Path hotswap = image.resolve("bin/hotswap");
            if (Files.isExecutable(hotswap)) {
                Phases cli = interleaved(load, uri, block, variants, plugins, () -> {
                    ProcessBuilder pb = new ProcessBuilder(hotswap.toString(), "reload", "--host", name)
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    // Without XDG_RUNTIME_DIR the endpoint is under the temp directory, which run.sh
                    // moves for a full run: the command must look where this JVM's swapper is.
                    pb.environment().put("HOTSWAP_OPTS", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
                    Process p = pb.start();
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("hotswap reload --host " + name + " exited " + p.exitValue());
                    }
                });
                rows(report, "`hotswap reload`", cli, 0);
            } else {
                report.note("- No image at " + image + ": the `hotswap reload` phase was skipped.");
            }
        }
        report.write();
    }

    /**
     * One trigger's two phases, each added up over its blocks.
     *
     * @param quietCpu     the host's CPU time over the quiet blocks, if this system tells
     * @param reloadingCpu and over the reloading blocks
     */
    private record Phases(WebLoad.Result quiet, WebLoad.Result reloading, long reloads, Optional<HostCpu> quietCpu,
                          Optional<HostCpu> reloadingCpu) {
    }

    /**
     * Load, not counted, in seconds alternately reloading and quiet, for at least the minimum warm-up
     * and then until a quiet second saw the JIT compile for less than {@value #SETTLED_COMPILE_MILLIS}
     * ms (at most the maximum warm-up; the minimum alone where the JVM does not time its JIT). Answers
     * how long it took, for the notes.
     */
    private static String warmUp(WebLoad load, URI uri, List<Path> variants, Path plugins, Reload reload)
            throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
        Duration second = Duration.ofSeconds(1);
        long start = System.nanoTime();
        while (true) {
            whileReloading(load, uri, second, variants, plugins, reload);
            long before = timed ? jit.getTotalCompilationTime() : 0;
            load.run(uri, second);
            long compiled = timed ? jit.getTotalCompilationTime() - before : 0;
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (took.compareTo(WARM_UP_MIN) >= 0 && (!timed || compiled < SETTLED_COMPILE_MILLIS)) {
                return took.toSeconds() + " s" + (timed ? ", until a quiet second compiled for " + compiled + " ms" : "");
            }
            if (took.compareTo(WARM_UP_MAX) >= 0) {
                return took.toSeconds() + " s, the most; the JIT still compiled for " + compiled + " ms in its last quiet second";
            }
        }
    }

    /** {@value #BLOCKS} quiet and {@value #BLOCKS} reloading blocks of {@code block} each, interleaved. */
    private static Phases interleaved(WebLoad load, URI uri, Duration block, List<Path> variants, Path plugins,
                                      Reload reload) throws Exception {
        List<WebLoad.Result> quiet = new ArrayList<>();
        List<WebLoad.Result> reloading = new ArrayList<>();
        Optional<HostCpu> quietCpu = Optional.of(new HostCpu(0, 0));
        Optional<HostCpu> reloadingCpu = Optional.of(new HostCpu(0, 0));
        AtomicLong reloads = new AtomicLong();
        for (int pair = 0; pair < BLOCKS; pair++) {
            for (int k = 0; k < 2; k++) {
                boolean quietBlock = (k == 0) == (pair % 2 == 0); // Q R, R Q, Q R...
                Optional<HostCpu> before = HostCpu.now();
                WebLoad.Result r = quietBlock ? load.run(uri, block)
                        : whileReloading(load, uri, block, variants, plugins, () -> {
                            reload.run();
                            reloads.incrementAndGet();
                        });
                Optional<HostCpu> used = HostCpu.now().flatMap(after -> before.map(after::minus));
                if (quietBlock) {
                    quiet.add(r);
                    quietCpu = quietCpu.flatMap(c -> used.map(c::plus));
                } else {
                    reloading.add(r);
                    reloadingCpu = reloadingCpu.flatMap(c -> used.map(c::plus));
                }
            }
        }
        return new Phases(WebLoad.Result.sum(quiet), WebLoad.Result.sum(reloading), reloads.get(), quietCpu,
                reloadingCpu);
    }

    /** One request per connection in flight, for {@code time}, while {@code reload} runs every 200 ms. */
    private static WebLoad.Result whileReloading(WebLoad load, URI uri, Duration time, List<Path> variants,
                                                 Path plugins, Reload reload) throws Exception {
        ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bench-web-reloader"));
        AtomicLong n = new AtomicLong();
        List<String> failures = new ArrayList<>();
        reloader.scheduleWithFixedDelay(() -> {
            try {
                install(variants.get((int) (n.incrementAndGet() % 2)), plugins);
                reload.run();
            } catch (Exception e) {
                synchronized (failures) {
                    failures.add(e.toString());
                }
            }
        }, RELOAD_EVERY.toMillis(), RELOAD_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return load.run(uri, time);
        } finally {
            reloader.shutdown();
            reloader.awaitTermination(1, TimeUnit.MINUTES);
            if (!failures.isEmpty()) {
                throw new IllegalStateException(failures.size() + " reloads failed, the first: " + failures.get(0));
            }
        }
    }

    private interface Reload {
        void run() throws Exception;
    }

    private static void rows(Report report, String trigger, Phases phases, double throughputGoal) {
        WebLoad.Result quiet = phases.quiet();
        WebLoad.Result reloading = phases.reloading();
        long reloads = phases.reloads();
        report.figure(new Figure("web: failed requests, reloading every 200 ms (" + trigger + ")",
                "%d of %,d (%d reloads)".formatted(reloading.failed(), reloading.requests(), reloads),
                "%d of %,d, quiet".formatted(quiet.failed(), quiet.requests()), "—", "0 failed",
                reloading.failed() == 0 && quiet.failed() == 0));
        double throughput = reloading.perSecond() / quiet.perSecond();
        double p99 = (double) reloading.p99Nanos() / quiet.p99Nanos();
        String throughputRow = "web: throughput, reloading every 200 ms (" + trigger + ")";
        String throughputValue = "%,.0f req/s".formatted(reloading.perSecond());
        String throughputQuiet = "%,.0f req/s quiet".formatted(quiet.perSecond());
        String throughputRatio = "%.1f %%".formatted(100 * throughput);
        String p99Row = "web: p99 latency, reloading every 200 ms (" + trigger + ")";
        String p99Value = Samples.ms(reloading.p99Nanos()) + " ms";
        String p99Quiet = Samples.ms(quiet.p99Nanos()) + " ms quiet";
        String p99Ratio = "%.2f×".formatted(p99);
        if (throughputGoal > 0) {
            report.figure(new Figure(throughputRow, throughputValue, throughputQuiet, throughputRatio,
                    "≥ %.0f %% of quiet".formatted(100 * throughputGoal), throughput >= throughputGoal));
            report.figure(new Figure(p99Row, p99Value, p99Quiet, p99Ratio, "≤ 1.5× quiet", p99 <= 1.5));
        } else {
            // The issue sets goals for the in-process trigger only; a process per reload is shown beside it.
            String why = "none: a new process per reload, shown beside the in-process trigger";
            report.figure(Figure.only(throughputRow, throughputValue, throughputQuiet, throughputRatio, why));
            report.figure(Figure.only(p99Row, p99Value, p99Quiet, p99Ratio, why));
        }
        cpuNote(report, trigger, phases);
    }

    /**
     * The host's CPU time per request in both phases, JIT compiler threads apart, and what each
     * reload added beyond the quiet rate: what reloading costs the host, machine load aside.
     */
    private static void cpuNote(Report report, String trigger, Phases phases) {
        if (phases.quietCpu().isEmpty() || phases.reloadingCpu().isEmpty() || phases.reloads() == 0) {
            return;
        }
        HostCpu quiet = phases.quietCpu().get();
        HostCpu reloading = phases.reloadingCpu().get();
        double q = phases.quiet().requests();
        double r = phases.reloading().requests();
        double extraJit = reloading.jitNanos() - quiet.jitNanos() / q * r;
        double extraOther = reloading.otherNanos() - quiet.otherNanos() / q * r;
        report.note(("- Host CPU (%s): quiet %.1f µs a request (JIT compiler threads %.1f of it), reloading %.1f µs"
                + " (%+.1f %%; JIT %.1f); each reload added %.1f ms of JIT compiler threads and %.1f ms of the other"
                + " threads (reload, free, request threads running the new version before it is compiled).")
                .formatted(trigger, quiet.totalNanos() / q / 1e3, quiet.jitNanos() / q / 1e3,
                        reloading.totalNanos() / r / 1e3,
                        100 * (reloading.totalNanos() / r / (quiet.totalNanos() / q) - 1), reloading.jitNanos() / r / 1e3,
                        extraJit / phases.reloads() / 1e6, extraOther / phases.reloads() / 1e6));
    }

    /** The page plugin in two variants: same code, another hash. */
    private static List<Path> pageVariants(Path root) {
        PluginBuilder page = PluginBuilder.plugin("page").implementation("""
                package page.impl;
                public final class Impl implements io.hotswap.api.Plugin {
                    @Override
                    public Object invokeFunc(String name, Object... params) {
                        return "page: hello from " + params[0] + "\\n";
                    }
                }
                """);
        Path noModules = root.resolve("no-modules");
        List<Path> jars = new ArrayList<>();
        for (String variant : List.of("a", "b")) {
            Path dir = root.resolve("page-" + variant);
            jars.add(PluginJars.variant(page, variant).buildAs(dir.resolve("page.jar"), mkdirs(noModules)));
        }
        return jars;
    }

    private static Path mkdirs(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Puts {@code jar} in place of {@code plugins/page.jar} in one atomic rename, as {@code hotswap build} writes it. */
    private static void install(Path jar, Path plugins) throws IOException {
        Jars.write(plugins.resolve("page.jar"), Files.readAllBytes(jar));
    }
}
