package io.hotswap.benchmarks;

import io.hotswap.build.BuildRequest;
import io.hotswap.build.BuildResult;
import io.hotswap.build.PluginBuild;
import io.hotswap.build.VersionStamp;
import io.hotswap.build.classfile.LiveNames;
import io.hotswap.testkit.plugins.Javac;
import io.hotswap.protocol.live.LiveIndex;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * {@code hotswap build} of the hello demo's plugin ({@code demos/hello/plugin/world}), run
 * in-process through {@link PluginBuild#run}, the build behind the command, against its floor measured interleaved in the
 * same run: plain {@code javac} ({@code javax.tools}, the same module path and {@code --release})
 * and {@code jar --create} ({@code java.util.spi.ToolProvider}) of the same sources.
 *
 * <p>Usage: {@code BuildTime <pluginDir> <slf4j-api.jar> [warmup] [runs]} (default 20 and 40).
 * The plugin is built in place, as a user builds it in a checkout: the version stamp asks git.
 */
public final class BuildTime {

    private static final double RATIO_GOAL = 1.2;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private BuildTime() {
    }

    public static void main(String[] args) throws Exception {
        BenchArgs a = BenchArgs.of(args, "BuildTime <pluginDir> <slf4j-api.jar> [warmup] [runs]", 2);
        Path pluginDir = a.path(0);
        Path slf4j = a.path(1);
        BenchArgs.Rounds rounds = a.rounds(2, 20, 40);
        int warmup = rounds.warmup();
        int runs = rounds.runs();
        // Where the API module came from: the jar javac compiles against, as in hotswap build.
        Path api = Javac.apiLocation();
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(pluginDir)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        Path root = Files.createTempDirectory("bench-build-");
        Report report = new Report("build-time");

        long[] build = new long[runs];
        long[] floor = new long[runs];
        long[] buildCpu = new long[runs];
        long[] floorCpu = new long[runs];
        long[] javac = new long[runs];
        long[] jar = new long[runs];
        for (int i = 0; i < rounds.total(); i++) {
            int m = rounds.sample(i);
            Path dir = Files.createDirectories(root.resolve("run" + i));
            Interleaving.inTurn(i, () -> {
                long c = CPU.getCurrentThreadCpuTime();
                long b = timeBuild(pluginDir, slf4j, dir.resolve("built"));
                c = CPU.getCurrentThreadCpuTime() - c;
                if (m >= 0) {
                    build[m] = b;
                    buildCpu[m] = c;
                }
            }, () -> {
                long c = CPU.getCurrentThreadCpuTime();
                long[] f = timeFloor(sources, api, slf4j, dir);
                c = CPU.getCurrentThreadCpuTime() - c;
                if (m >= 0) {
                    floor[m] = f[0] + f[1];
                    javac[m] = f[0];
                    jar[m] = f[1];
                    floorCpu[m] = c;
                }
            });
            deleteTree(dir);
        }

        // What hotswap build does beyond javac + jar, measured apart on the same input.
        int apart = Math.min(runs, 20);
        long[] stamp = new long[apart];
        long[] index = new long[apart];
        Path classes = root.resolve("index-input");
        compile(sources, api, slf4j, classes);
        // hotswap build reads the live names from the class files it holds in memory.
        Map<String, byte[]> classFiles = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                classFiles.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        }
        for (int i = 0; i < apart; i++) {
            long t = System.nanoTime();
            VersionStamp.of(pluginDir, Instant.now()).moduleVersion();
            stamp[i] = System.nanoTime() - t;
            t = System.nanoTime();
            new LiveIndex("live_", LiveNames.scan(classFiles, "live_")).toBytes();
            index[i] = System.nanoTime() - t;
        }
        deleteTree(root);

        Samples b = Samples.of(build);
        Samples f = Samples.of(floor);
        report.figure(Figure.ratio("`hotswap build` of the hello plugin (in-process)", b, f, ", `javac` + `jar`",
                "≤ 1.2× floor", RATIO_GOAL));
        report.note("- The plugin is `demos/hello/plugin/world` (%d source files), built in place in the git checkout, through `PluginBuild.run(BuildRequest.of(<pluginDir>, <outputDir>, diagnostics).withJavacArgs(\"--module-path\", <slf4j-api.jar>))`, the build behind the command without its picocli parse (which builds one subcommand's model, well under 1 ms), into a fresh output directory each time."
                .formatted(sources.size()));
        report.note("- Floor: `javax.tools` javac with `-d <classes> --module-path <api.jar>:<slf4j-api.jar> --release 17` (the options `hotswap build` gives javac), then the `jar` tool (`ToolProvider`) `--create --file <jar> -C <classes> .`; a fresh directory each time, created and removed outside the timed part.");
        Samples bcs = Samples.of(buildCpu);
        Samples fcs = Samples.of(floorCpu);
        report.note("- CPU time of the building thread (leaves out waiting for a core, for git and for the disk; git runs in its own process): build median %s ms (p90 %s), floor %s ms (p90 %s), %.2f×."
                .formatted(Samples.ms(bcs.median()), Samples.ms(bcs.p90()), Samples.ms(fcs.median()), Samples.ms(fcs.p90()),
                        (double) bcs.median() / fcs.median()));
        report.note("- %d builds and %d floor runs of warm-up, then %d of each, interleaved (which goes first alternates)."
                .formatted(warmup, warmup, runs));
        report.note("- Floor, median per step: javac %s ms, jar %s ms. What `hotswap build` adds, measured apart (median of %d): version stamp (one `git status` process) %s ms, live index from the class files in memory (`LiveNames`) %s ms; the rest is the module-info stamp, the descriptor check, the manifest, writing the jar and the atomic move."
                .formatted(Samples.ms(Samples.of(javac).median()), Samples.ms(Samples.of(jar).median()), apart,
                        Samples.ms(Samples.of(stamp).median()), Samples.ms(Samples.of(index).median())));
        report.write();
    }

    private static long timeBuild(Path pluginDir, Path slf4j, Path outputDir) throws IOException {
        StringWriter diagnostics = new StringWriter();
        BuildRequest request = BuildRequest.of(pluginDir, outputDir, diagnostics)
                .withJavacArgs(List.of("--module-path", slf4j.toString()));
        long t = System.nanoTime();
        BuildResult built = PluginBuild.run(request);
        long took = System.nanoTime() - t;
        if (!Files.isRegularFile(built.jar())) {
            throw new IllegalStateException("hotswap build of " + pluginDir + " wrote no " + built.jar() + ": " + diagnostics);
        }
        return took;
    }

    /** @return the nanoseconds of javac and of jar */
    private static long[] timeFloor(List<Path> sources, Path api, Path slf4j, Path dir) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jarFile = dir.resolve("world.jar");
        long t0 = System.nanoTime();
        compile(sources, api, slf4j, classes);
        long t1 = System.nanoTime();
        java.util.spi.ToolProvider jar = java.util.spi.ToolProvider.findFirst("jar").orElseThrow();
        StringWriter out = new StringWriter();
        int rc = jar.run(new PrintWriter(out), new PrintWriter(out), "--create", "--file", jarFile.toString(),
                "-C", classes.toString(), ".");
        long t2 = System.nanoTime();
        if (rc != 0 || !Files.isRegularFile(jarFile)) {
            throw new IllegalStateException("jar failed (exit " + rc + "): " + out);
        }
        return new long[] {t1 - t0, t2 - t1};
    }

    private static void compile(List<Path> sources, Path api, Path slf4j, Path classes) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            List<String> options = List.of("-d", classes.toString(),
                    "--module-path", api + File.pathSeparator + slf4j, "--release", "17");
            Boolean ok = javac.getTask(new PrintWriter(diagnostics), files, null, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!Boolean.TRUE.equals(ok)) {
                throw new IllegalStateException("javac failed on " + sources + ": " + diagnostics);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
