package io.hotswap.demo.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One demo's {@code run.sh} and {@code reload.sh}, run as a user runs them, against the image
 * built by {@code jlink/}, with a work directory and host name of the test's own so that a demo a
 * person is running at the same time is not disturbed.
 */
final class DemoScripts implements AutoCloseable {

    /** The hello host's first call into world v1. */
    static final String WORLD_V1 = "world v1: hum #\\d+";

    static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    /** The version stamp in a plugin's sources, as {@code build_plugin} bumps it. */
    private static final Pattern STAMP = Pattern.compile("(STAMP = \")v[0-9]+(\")");

    private final String demo;
    private final Path root;
    private final Path work;
    private final String hostName;
    private final Path logs;
    private final List<Process> started = new ArrayList<>();
    /** Set for the scripts besides what every script gets (the demo's own knobs, such as WEB_PORT). */
    private final Map<String, String> environment = new java.util.LinkedHashMap<>();
    private int scripts;

    DemoScripts(String demo, Path work) {
        this.demo = demo;
        this.root = Path.of(System.getProperty("hotswap.root", "../..")).toAbsolutePath().normalize();
        this.work = work;
        this.hostName = demo + "-it-" + ProcessHandle.current().pid();
        this.logs = root.resolve("demos/tests/target/demo-logs");
        Path image = image();
        if (!Files.isExecutable(image.resolve("bin/hotswap")) || !Files.isExecutable(image.resolve("bin/" + demo))) {
            throw new IllegalStateException("no runtime image with bin/hotswap and bin/" + demo + " at " + image
                    + ": build it with mvn -B verify (jlink/ builds it in 'package')");
        }
    }

    Path image() {
        return root.resolve("jlink/target/image");
    }

    /** Sets {@code name} to {@code value} in the environment of this demo's scripts; @return this */
    DemoScripts environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    String hostName() {
        return hostName;
    }

    /** Starts {@code run.sh}: it builds the plugins and then is the host, in the foreground. */
    RunningHost start() throws IOException {
        Process p = process("run.sh", List.of());
        return new RunningHost(p, HostOutput.follow(p.getInputStream(), HostOutput.logFile(logs, demo + "-host.log"),
                demo + "-host-output"));
    }

    /**
     * Starts {@code run.sh} and waits until the host has printed each of {@code firstLines} (regular
     * expressions; the first may take the plugin build and the JVM start) and says its management
     * endpoint listens: a host {@code reload.sh} can talk to.
     */
    RunningHost startUntilReady(List<String> firstLines) throws IOException {
        RunningHost host = start();
        HostOutput out = host.output();
        for (int i = 0; i < firstLines.size(); i++) {
            out.await(firstLines.get(i), 0, i == 0 ? Timeouts.START : Timeouts.STEP);
        }
        awaitEndpoint(out);
        return host;
    }

    /**
     * What every demo that reloads shows first: {@link #startUntilReady} with {@code firstLines},
     * then {@code reload.sh} with {@code reloadArgs}, which must exit 0, and the host's line that
     * generation 2 is current with {@code outcomes} (for example {@code world=OK}).
     */
    Reloaded startAndReload(List<String> firstLines, String outcomes, String... reloadArgs)
            throws IOException, InterruptedException {
        RunningHost host = startUntilReady(firstLines);
        ScriptResult reload = reload(reloadArgs);
        assertThat(reload.exitCode()).as("reload.sh output:%n%s", reload.output()).isZero();
        int swapped = host.output().await("Generation 2 is current \\(reload\\).* " + outcomes, 0, Timeouts.STEP)
                .index();
        return new Reloaded(host, reload.output(), swapped);
    }

    /**
     * Builds plugin {@code name} of this demo with stamp {@code v<stamp>} into the plugin directory
     * with the image's {@code bin/hotswap build}, as {@code build_plugin} in {@code demos/lib/demo.sh}
     * does, and reloads nothing: for a test that reloads the host another way. {@code flags} go to
     * {@code hotswap build} before the directories.
     */
    void buildPlugin(String name, int stamp, String... flags) throws IOException, InterruptedException {
        Path src = work.resolve("src").resolve(name);
        Path from = root.resolve("demos").resolve(demo).resolve("plugin").resolve(name);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = src.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else if (f.toString().endsWith(".java")) {
                    Files.writeString(to, STAMP.matcher(Files.readString(f)).replaceAll("$1v" + stamp + "$2"));
                } else {
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(plugins());
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(List.of(flags));
        args.addAll(List.of(src.toString(), plugins().toString()));
        ScriptResult build = hotswap(args.toArray(String[]::new));
        if (build.exitCode() != 0) {
            throw new AssertionError("hotswap build of " + name + " v" + stamp + " failed with exit code "
                    + build.exitCode() + "; output:\n" + build.output());
        }
    }

    /** {@link #hotswap} that must exit 0. */
    ScriptResult hotswapOk(String... args) throws IOException, InterruptedException {
        ScriptResult result = hotswap(args);
        assertThat(result.exitCode()).as("hotswap %s output:%n%s", String.join(" ", args), result.output()).isZero();
        return result;
    }

    /** Runs the image's {@code bin/hotswap} with {@code args} to its end, at most {@link #SCRIPT_TIMEOUT}. */
    ScriptResult hotswap(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(image().resolve("bin/hotswap").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile()).start();
        started.add(p);
        HostOutput out = HostOutput.follow(p.getInputStream(),
                HostOutput.logFile(logs, demo + "-hotswap-" + (++scripts) + ".log"), demo + "-hotswap-output");
        if (!p.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(p);
            throw new AssertionError(String.join(" ", command) + " did not finish within " + SCRIPT_TIMEOUT
                    + "; output:\n" + out.text());
        }
        out.awaitEnd(Duration.ofSeconds(10));
        return new ScriptResult(p.exitValue(), out.text());
    }

    /**
     * Starts this demo's host launcher from the image over the plugins {@link #buildPlugin} built,
     * as {@code run.sh}'s last step does, with {@code javaOptions} for its JVM in
     * {@code JDK_JAVA_OPTIONS}: the image's launchers take JVM options no other way. Its output
     * goes to {@code <demo>-<label>-host.log}.
     */
    RunningHost startHost(String label, String javaOptions) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(image().resolve("bin").resolve(demo).toString(), plugins().toString(),
                hostName).redirectErrorStream(true).directory(work.toFile());
        if (!javaOptions.isEmpty()) {
            pb.environment().put("JDK_JAVA_OPTIONS", javaOptions);
        }
        Process p = pb.start();
        started.add(p);
        return new RunningHost(p, HostOutput.follow(p.getInputStream(),
                HostOutput.logFile(logs, demo + "-" + label + "-host.log"), demo + "-host-output"));
    }

    /**
     * {@link #startHost(String, String)}, then waits until the host has printed {@code firstLine}: its
     * first call into the plugins, which may take the JVM start.
     */
    RunningHost startHost(String label, String javaOptions, String firstLine) throws IOException {
        RunningHost host = startHost(label, javaOptions);
        host.output().await(firstLine, 0, Timeouts.START);
        return host;
    }

    private Path plugins() {
        return work.resolve("plugins");
    }

    /**
     * Waits until the host says its management endpoint listens: the demo hosts open it in the
     * background while their plugins already run, and {@code reload.sh} talks to it.
     */
    void awaitEndpoint(HostOutput out) {
        out.await("Management endpoint of " + Pattern.quote(hostName) + " listening on ", 0, Timeouts.START);
    }

    /**
     * The hello demo's plugin built as world v1 and its host started with {@code javaOptions},
     * waited for until its first call into world v1.
     */
    RunningHost startWorldV1(String label, String javaOptions) throws IOException, InterruptedException {
        buildPlugin("world", 1);
        return startHost(label, javaOptions, WORLD_V1);
    }

    /** Waits until {@code host}'s management endpoint listens; @return the host's output */
    HostOutput awaitEndpoint(RunningHost host) {
        HostOutput out = host.output();
        awaitEndpoint(out);
        return out;
    }

    /** Runs {@code reload.sh} to its end and returns its exit code and output. */
    ScriptResult reload(String... args) throws IOException, InterruptedException {
        Process p = process("reload.sh", List.of(args));
        HostOutput out = HostOutput.follow(p.getInputStream(),
                HostOutput.logFile(logs, demo + "-reload-" + (++scripts) + ".log"), demo + "-reload-output");
        if (!p.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(p);
            throw new AssertionError(demo + "/reload.sh did not finish within " + SCRIPT_TIMEOUT + "; output:\n"
                    + out.text());
        }
        out.awaitEnd(Duration.ofSeconds(10));
        return new ScriptResult(p.exitValue(), out.text());
    }

    private Process process(String script, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("demos").resolve(demo).resolve(script).toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(work.toFile());
        Map<String, String> env = pb.environment();
        env.put("HOTSWAP_DEMO_WORK", work.toString());
        env.put("HOTSWAP_DEMO_NAME", hostName);
        // Set explicitly so that a missing image fails the script instead of starting a Maven build.
        env.put("HOTSWAP_IMAGE", image().toString());
        env.putAll(environment);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Stops every process this demo started and everything they started, also on failure. */
    @Override
    public void close() {
        started.forEach(DemoScripts::stop);
    }

    static void stop(Process p) {
        // The image's launchers are shell scripts that start java as a child: stop the whole tree.
        List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        p.destroy();
        for (ProcessHandle h : tree) {
            h.onExit().completeOnTimeout(h, 10, TimeUnit.SECONDS).join();
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits until the host reports at least {@code atLeast} freed plugin versions whose layers were
     * garbage-collected ({@code hotswap status --json}). Nothing asks the host's JVM for a
     * collection: on a demo's quiet heap the leak watch asks for the one that proves the unload.
     * Polls with a bound, as GC tests must.
     */
    void awaitCollected(RunningHost host, long atLeast) {
        Pattern collected = Pattern.compile("\"collected\":(\\d+)");
        String[] last = {""};
        try {
            Awaitility.await("host " + hostName + " reports " + atLeast + " collected plugin version(s)")
                    .atMost(Timeouts.STEP).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        last[0] = run(List.of(image().resolve("bin/hotswap").toString(), "status", "--json",
                                "--host", hostName));
                        Matcher m = collected.matcher(last[0]);
                        return m.find() && Long.parseLong(m.group(1)) >= atLeast;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; last status: " + last[0] + "; host output:\n"
                    + host.output().text(), e);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(SCRIPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } finally {
            p.destroyForcibly();
        }
    }

    /** A host started by {@code run.sh}, and its output. */
    record RunningHost(Process process, HostOutput output) {

        /** The host's JVM: the launchers are shell scripts, so it is a descendant of run.sh. */
        ProcessHandle java() {
            return process.descendants()
                    .filter(h -> h.info().command().map(c -> c.endsWith("/bin/java")).orElse(false))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("run.sh (pid " + process.pid() + ") runs no java process"));
        }
    }

    /**
     * A host that {@link #startAndReload} reloaded, still running.
     *
     * @param host         the host and its output
     * @param reloadOutput what {@code reload.sh} printed
     * @param swapped      the index of the host's line that generation 2 is current
     */
    record Reloaded(RunningHost host, String reloadOutput, int swapped) {

        HostOutput out() {
            return host.output();
        }
    }

    /** What a script printed and how it exited. */
    record ScriptResult(int exitCode, String output) {
    }
}
