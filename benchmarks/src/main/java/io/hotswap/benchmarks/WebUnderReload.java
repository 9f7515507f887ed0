package io.hotswap.benchmarks;

import io.hotswap.demo.web.WebServer;
import io.hotswap.runtime.Swapper;
import io.hotswap.testkit.plugins.Jars;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;

/**
 * The web demo's handler ({@code io.hotswap.demo.web.WebServer}: the JDK's HTTP server whose
 * pages come from a plugin) under load: quiet, then while the page plugin is reloaded every
 * 200 ms, once triggered in-process ({@code swapper.reload}) and once through the image's
 * {@code bin/hotswap reload --host} (skipped without the image). Each reloading phase runs right
 * after a quiet phase of the same length, which is its baseline. The load comes from {@code wrk}
 * where it is installed ({@link WebLoad.Wrk}), else from the JDK's {@code HttpClient}
 * ({@link WebLoad.Jdk}).
 *
 * <p>Usage: {@code WebUnderReload <image> [seconds per phase] [connections]} (default 10 and 16).
 */
public final class WebUnderReload {

    private static final Duration RELOAD_EVERY = Duration.ofMillis(200);

    private WebUnderReload() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "WebUnderReload <image> [seconds per phase] [connections]", 1);
        Path image = a.path(0);
        Duration phase = Duration.ofSeconds(a.number(1, 10));
        int connections = a.number(2, 16);
        Report report = new Report("web");
        Path root = Files.createTempDirectory("bench-web-");
        List<Path> variants = pageVariants(root);
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        install(variants.get(0), plugins);
        String name = "bench-web-" + ProcessHandle.current().pid();
        WebLoad load = WebLoad.pick(connections);
        report.note("- Load: " + load.describe() + ", " + phase.toSeconds() + " s per phase; the handler runs on "
                + "8 request threads of the JDK's HTTP server (TCP_NODELAY on); a reload swaps page.jar between two "
                + "variants (same code, another hash) by an atomic rename, then reloads.");
        try (Swapper swapper = Swapper.builder(plugins).name(name).freeDelay(Duration.ofSeconds(1))
                .managementEndpoint(true).build();
             WebServer server = WebServer.start(swapper, "page", 0, 8, LoggerFactory.getLogger(WebUnderReload.class))) {
            swapper.loadPlugins(null);
            URI uri = server.uri().resolve("/bench");
            load.run(uri, Duration.ofSeconds(2)); // warm-up, not counted
            WebLoad.Result quietIn = load.run(uri, phase);
            AtomicLong inProcess = new AtomicLong();
            WebLoad.Result reloadingIn = whileReloading(load, uri, phase, variants, plugins, () -> {
                swapper.reload(null);
                inProcess.incrementAndGet();
            });
            rows(report, "in-process reload", quietIn, reloadingIn, inProcess.get(), 0.95);
            Path hotswap = image.resolve("bin/hotswap");
            if (Files.isExecutable(hotswap)) {
                WebLoad.Result quietCli = load.run(uri, phase);
                AtomicLong viaCli = new AtomicLong();
                WebLoad.Result reloadingCli = whileReloading(load, uri, phase, variants, plugins, () -> {
                    ProcessBuilder pb = new ProcessBuilder(hotswap.toString(), "reload", "--host", name)
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
                    // Without XDG_RUNTIME_DIR the endpoint is under the temp directory, which run.sh
                    // moves for a full run: the command must look where this JVM's swapper is.
                    pb.environment().put("HOTSWAP_OPTS", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
                    Process p = pb.start();
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("hotswap reload --host " + name + " exited " + p.exitValue());
                    }
                    viaCli.incrementAndGet();
                });
                rows(report, "`hotswap reload`", quietCli, reloadingCli, viaCli.get(), 0);
            } else {
                report.note("- No image at " + image + ": the `hotswap reload` phase was skipped.");
            }
        }
        report.write();
    }

    /** One request per connection in flight, for {@code phase}, while {@code reload} runs every 200 ms. */
    private static WebLoad.Result whileReloading(WebLoad load, URI uri, Duration phase, List<Path> variants,
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
            return load.run(uri, phase);
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

    private static void rows(Report report, String trigger, WebLoad.Result quiet, WebLoad.Result reloading, long reloads,
                             double throughputGoal) {
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
