package io.hotswap.benchmarks;

import io.hotswap.benchmarks.peers.FirstAnswer;
import io.hotswap.benchmarks.peers.PeerHost;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Start-up of the runtime image, whole process: {@code bin/hello <pluginDir>} from process start
 * until the hello host's first plugin call has logged its line ({@code world v1: hum #1}), against
 * {@code bin/java -version} from the same image, start to exit, and against a PF4J host and a Felix
 * host doing the same ({@link PeerHost}: start, load the one tiny plugin of {@link Peers}, call it,
 * print its answer), interleaved in the same run.
 *
 * <p>Usage: {@code ImageStart <image> <pluginSources> [warmup] [runs]} (default 2 and 10). The
 * plugin is built once, before timing, with the image's own {@code bin/hotswap build}.
 */
public final class ImageStart {

    private static final double RATIO_GOAL = 1.5;
    private static final double CLI_GOAL = 2.0;
    private static final String FIRST_CALL = "world v1: hum #1";
    private static final long TIMEOUT_SECONDS = 60;
    private static final String PEER_GOAL = "none: shown beside the peer (issue 13)";

    private ImageStart() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "ImageStart <image> <pluginSources> [warmup] [runs]", 2);
        Path image = a.path(0);
        Path pluginSources = a.path(1);
        BenchArgs.Rounds rounds = a.rounds(2, 2, 10);
        Path root = Files.createTempDirectory("bench-start-");
        Path plugins = Files.createDirectories(root.resolve("plugins"));
        buildPlugin(image, pluginSources, plugins);
        Path pf4jPlugins = PeerJars.pluginDir(PeerHost.PF4J, root);
        Path felixPlugins = PeerJars.pluginDir(PeerHost.FELIX, root);
        Path felixCache = root.resolve("felix-cache");
        Path imageJava = image.resolve("bin/java");
        Report report = new Report("image-start");

        long[][] starts = Interleaving.measure(rounds.warmup(), rounds.runs(), i -> timeHost(image, plugins, i),
                i -> timeJavaVersion(imageJava), i -> timePeer(PeerHost.PF4J, pf4jPlugins, felixCache),
                i -> timePeer(PeerHost.FELIX, felixPlugins, felixCache), i -> timeJavaVersion(PeerHost.java()));
        Samples hello = Samples.of(starts[0]);
        report.figure(Figure.ratio("image start to first plugin call (`bin/hello`, whole process)", hello,
                Samples.of(starts[1]), ", `bin/java -version`", "≤ 1.5× floor", RATIO_GOAL));
        report.figure(Figure.beside("host start to first plugin call, `bin/hello` against a PF4J host (whole process)",
                hello, PeerHost.PF4J.label() + " host: ", Samples.of(starts[2]), PEER_GOAL));
        report.figure(Figure.beside("host start to first plugin call, `bin/hello` against a Felix host (whole process)",
                hello, PeerHost.FELIX.label() + " host: ", Samples.of(starts[3]), PEER_GOAL));
        measureCli(image, plugins, rounds, report);
        report.note("- Image: %s (%s). The plugin is `demos/hello/plugin/world`, built once before timing with the image's `bin/hotswap build`."
                .formatted(image, Files.readAllLines(image.resolve("release")).stream()
                        .filter(l -> l.startsWith("JAVA_VERSION=")).findFirst().orElse("JAVA_VERSION unknown")));
        report.note("- Host: `bin/hello <pluginDir> <name>` from process start until its merged output shows `" + FIRST_CALL
                + "` (the host loads the plugin and calls `invokeEach(\"hum\", 1)` at once; its management endpoint and JMX open on their own thread once the first load has ended), then it is stopped; floor: `bin/java -version` from process start to exit, with the image's CDS archive like the host.");
        report.note(peerNote(image, Samples.of(starts[4]), Samples.of(starts[1])));
        report.note(("- %d rounds as warm-up (file cache), then %d; each round starts `bin/hello`, the image's `bin/java -version`,"
                + " the PF4J host, the Felix host and the JDK's `java -version`, one after the other (which goes first rotates).")
                .formatted(rounds.warmup(), rounds.runs()));
        report.write();
    }

    /** The peer hosts' settings, and what their JVM starts with next to the image's. */
    private static String peerNote(Path image, Samples jdkVersion, Samples imageVersion) {
        Path java = PeerHost.java();
        Path archive = java.getParent().getParent().resolve("lib/server/classes.jsa");
        String cds = Files.isRegularFile(archive)
                ? "CDS on: the JDK's default archive (`" + archive + "`), which holds the JDK classes of the JDK's own class list"
                + " (most of what a JVM start needs) but none of PF4J's, Felix's or SLF4J's"
                : "no CDS archive at `" + archive + "`, so CDS is off for them";
        String imageCds = Files.isRegularFile(image.resolve("lib/server/classes.jsa"))
                ? "the image's archive, from a training run of the hello host, holds the hello host's own classes too (SLF4J, the API, the runtime)"
                : "the image has no CDS archive";
        return ("- Peer hosts (`io.hotswap.benchmarks.peers`): `%s` (Java %s, the JDK that runs the benchmark), `-cp` %s and %s,"
                + " the slf4j-simple options the image gives its launchers and no other flag; %s; %s. PF4J host: `JarPluginManager` on a"
                + " directory holding the tiny plugin of `peers`, `loadPlugins`, `startPlugins`, `getExtensions(Supplier.class)`, `get()`;"
                + " Felix host: a new framework with its bundle cache emptied, `installBundle` and `start` of each jar of the directory,"
                + " the `Supplier` service looked up and called. Each from process start until its output shows `%s` (checked), then"
                + " it stops its plugins and exits on its own, untimed, with status 0 (checked). (`bin/hello` is jlink's shell script"
                + " around `bin/java`: one `sh` more than the peers.) The JDK's own `java -version` in the"
                + " same rounds: %s (the image's: %s).")
                .formatted(java, System.getProperty("java.version"), classPath(PeerHost.PF4J), classPath(PeerHost.FELIX),
                        cds, imageCds, FirstAnswer.line(PeerJars.ANSWER), jdkVersion.describeMillis(), imageVersion.describeMillis());
    }

    private static String classPath(PeerHost host) {
        return host.classPath().stream().map(p -> "`" + p.getFileName() + "`").collect(Collectors.joining(":"))
                + " (" + host.label() + ")";
    }

    /**
     * The {@code cli} row: the whole {@code bin/hotswap reload --host NAME} process against a
     * running {@code bin/hello}, start to exit, against {@code bin/java -version}, interleaved.
     */
    private static void measureCli(Path image, Path plugins, BenchArgs.Rounds rounds, Report report) throws Exception {
        int runs = rounds.runs() * 3;
        String name = "bench-cli-" + ProcessHandle.current().pid();
        runHost(image, plugins, name, () -> {
            // The endpoint opens on its own thread after the first load: wait for it outside the timing.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
            while (exit(image, "hotswap", "status", "--host", name) != 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("host " + name + " opened no endpoint in " + TIMEOUT_SECONDS + " s");
                }
                Thread.sleep(50);
            }
            long[][] cli = Interleaving.measure(rounds.warmup(), runs, i -> timed(image, "hotswap", "reload", "--host", name),
                    i -> timeJavaVersion(image.resolve("bin/java")));
            report.figure(Figure.ratio("cli: `hotswap reload --host NAME`, whole process", Samples.of(cli[0]),
                    Samples.of(cli[1]), ", `bin/java -version`", "≤ 2× floor", CLI_GOAL));
        });
        report.note(("- cli: `bin/hotswap reload --host NAME` against a running `bin/hello` (one unchanged plugin:"
                + " the host's own reload takes a few ms), process start to exit, beside `bin/java -version`;"
                + " %d of each after %d of warm-up, interleaved.").formatted(runs, rounds.warmup()));
    }

    /** Runs {@code bin/<launcher> args} of the image to its exit, which must be 0; returns how long it took. */
    private static long timed(Path image, String launcher, String... args) throws IOException, InterruptedException {
        long t = System.nanoTime();
        int code = exit(image, launcher, args);
        long took = System.nanoTime() - t;
        if (code != 0) {
            throw new IllegalStateException("bin/" + launcher + " " + String.join(" ", args) + " exited with " + code);
        }
        return took;
    }

    private static int exit(Path image, String launcher, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(image.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/" + launcher + " did not exit in " + TIMEOUT_SECONDS + " s");
        }
        return p.exitValue();
    }

    private static void buildPlugin(Path image, Path sources, Path plugins) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(image.resolve("bin/hotswap").toString(), "build", sources.toString(), plugins.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !Files.isRegularFile(plugins.resolve("world.jar"))) {
            throw new IllegalStateException("bin/hotswap build of " + sources + " failed: " + out);
        }
    }

    private static long timeJavaVersion(Path java) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(java + " -version did not exit in " + TIMEOUT_SECONDS + " s");
        }
        long took = System.nanoTime() - t;
        if (p.exitValue() != 0) {
            throw new IllegalStateException(java + " -version exited with " + p.exitValue());
        }
        return took;
    }

    private static long timeHost(Path image, Path plugins, int i) throws Exception {
        return runHost(image, plugins, "bench-start-" + i, () -> { });
    }

    /** What runs against a started host, before it is stopped. */
    private interface WhileUp {
        void run() throws Exception;
    }

    /**
     * Starts {@code bin/hello} as host {@code name}, runs {@code whileUp} once its first plugin call
     * has logged, then stops it; returns the time from process start to that first call.
     */
    private static long runHost(Path image, Path plugins, String name, WhileUp whileUp) throws Exception {
        return untilLine(List.of(image.resolve("bin/hello").toString(), plugins.toString(), name), "bin/hello", FIRST_CALL,
                whileUp, Ending.STOP);
    }

    /** Starts a peer host on its plugin directory; returns the time from process start to its printed answer. */
    private static long timePeer(PeerHost host, Path plugins, Path cache) throws Exception {
        return untilLine(host.command(plugins, cache), host.label() + " host", FirstAnswer.line(PeerJars.ANSWER),
                () -> { }, Ending.AWAIT_EXIT);
    }

    /** How a process that has shown its line ends. */
    private enum Ending {
        /** It runs until stopped (a host): stopped. */
        STOP,
        /** It exits on its own (a peer host): waited for, and it must exit with status 0. */
        AWAIT_EXIT
    }

    /**
     * Starts {@code command} ({@code what}, in messages), runs {@code whileUp} once its merged
     * output shows {@code line}, then ends it as {@code ending} says; returns the time from
     * process start to that line. Fails, with the process's output, when the line does not come
     * or the process does not end as it should.
     */
    private static long untilLine(List<String> command, String what, String line, WhileUp whileUp, Ending ending)
            throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        CountDownLatch shown = new CountDownLatch(1);
        AtomicLong at = new AtomicLong();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        long t = System.nanoTime();
        Process p = pb.start();
        // Reads until the process ends, so that it never blocks on a full pipe.
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    if (shown.getCount() > 0 && l.contains(line)) {
                        at.set(System.nanoTime());
                        shown.countDown();
                    }
                    lines.add(l);
                }
            } catch (IOException e) {
                // The stream is closed under the reader when a host is stopped: its output ends
                // there. Before the line, the missing line is reported by the wait below.
            }
        }, "process-output");
        reader.start();
        boolean ended = false;
        try {
            if (!shown.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException(what + " printed no '" + line + "' in " + TIMEOUT_SECONDS + " s; its output: " + lines);
            }
            long took = at.get() - t;
            whileUp.run();
            if (ending == Ending.AWAIT_EXIT) {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(what + " did not exit in " + TIMEOUT_SECONDS + " s after its answer; its output: " + lines);
                }
                reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
                if (p.exitValue() != 0) {
                    throw new IllegalStateException(what + " exited with " + p.exitValue() + " after its answer; its output: " + lines);
                }
                ended = true;
            }
            return took;
        } finally {
            if (!ended) {
                stop(p);
            }
            reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }
    }

    /**
     * Stops the host and waits for it. {@code bin/hello} is a shell script that starts the JVM as
     * its child: stopping the script alone would leave the host running. SIGTERM first, so the
     * host's shutdown hook closes its swapper and removes its management endpoint.
     */
    private static void stop(Process script) throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(script.descendants().toList());
        all.add(script.toHandle());
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                h.destroyForcibly();
                throw new IllegalStateException("process " + h.pid() + " did not stop in " + TIMEOUT_SECONDS + " s after SIGTERM", e);
            }
        }
    }
}
