import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Writes the image's default CDS archive ({@code lib/server/classes.jsa}) from a training run, so
 * that every command of the image, {@code bin/java -version} as much as {@code bin/hello}, starts
 * from pre-parsed, pre-verified classes.
 *
 * <p>The training, each JVM recording the classes it loads ({@code -XX:DumpLoadedClassList}): the
 * hello host loading the hello demo's plugin (built first with {@code hotswap build}), calling it
 * and opening its management endpoint and MBean; {@code hotswap status} and {@code hotswap reload}
 * against that host, through {@code bin/hotswap}. Their class
 * lists, after the JDK's own default list ({@code lib/classlist}), go to {@code java -Xshare:dump},
 * which is what {@code jlink --generate-cds-archive} runs with the default list alone. Classes that
 * the archive cannot hold (the hosts' own modules, which the default module graph does not
 * resolve, and the plugin's, which come from a plugin layer) are skipped by the dump.
 *
 * <p>Run by jlink/pom.xml as a source-file program: {@code java ImageCds.java <image>
 * <helloPluginSources> <workDir>}. Fails, and so fails the build, if a training step fails.
 */
public final class ImageCds {

    private static final long STEP_SECONDS = 120;
    // Newer JDKs number the classes of a list ("java/lang/Object id: 0") and refer to the numbers
    // in "@cp" lines; numbers of different JVMs clash, so the merged list goes without them.
    private static final Pattern CLASS_ID = Pattern.compile(" id: \\d+$");

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: ImageCds <image> <helloPluginSources> <workDir>");
        }
        Path image = Path.of(args[0]).toAbsolutePath();
        Path sources = Path.of(args[1]).toAbsolutePath();
        Path work = Path.of(args[2]).toAbsolutePath();
        Path java = image.resolve("bin/java");
        Path plugins = work.resolve("plugins");
        Files.createDirectories(plugins);
        List<Path> lists = new ArrayList<>();

        // Not a training step: javac's classes would double the archive, and a bigger archive
        // slows every start, java -version's too (about 10 ms for 30 MiB instead of 18 MiB here).
        run(work.resolve("build.log"), java.toString(), "-m", "io.hotswap.cli/io.hotswap.cli.HotswapCommand", "build",
                sources.toString(), plugins.toString());

        String name = "cds-training-" + ProcessHandle.current().pid();
        Path hostList = work.resolve("hello.classlist");
        Process host = new ProcessBuilder(java.toString(), "-Xshare:off", "-XX:DumpLoadedClassList=" + hostList,
                "-m", "io.hotswap.demo.hello/io.hotswap.demo.hello.HelloHost", plugins.toString(), name)
                .redirectErrorStream(true).start();
        try {
            awaitLines(host, work.resolve("hello.log"), List.of("world v1: hum #1", "Management of " + name + " ready"));
            // Through bin/hotswap, as a user runs them: `reload` goes its own short way (QuickReload).
            for (String command : List.of("status", "reload")) {
                Path list = work.resolve(command + ".classlist");
                run(work.resolve(command + ".log"), Map.of("HOTSWAP_OPTS", "-Xshare:off -XX:DumpLoadedClassList=" + list),
                        image.resolve("bin/hotswap").toString(), command, "--host", name);
                lists.add(list);
            }
        } finally {
            // SIGTERM: the host's shutdown hook closes its swapper and removes its endpoint files.
            host.destroy();
            if (!host.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
                host.destroyForcibly();
            }
        }
        lists.add(hostList);

        // One line per class or lambda, first occurrence kept: the JDK's default list first.
        Set<String> lines = new LinkedHashSet<>();
        Path jdkList = image.resolve("lib/classlist");
        if (Files.isRegularFile(jdkList)) {
            lines.addAll(Files.readAllLines(jdkList));
        }
        for (Path list : lists) {
            for (String line : Files.readAllLines(list)) {
                if (!line.startsWith("#") && !line.startsWith("@cp ") && !line.contains(" source: ")) {
                    lines.add(CLASS_ID.matcher(line).replaceFirst(""));
                }
            }
        }
        Path classlist = work.resolve("image.classlist");
        Files.write(classlist, lines);
        run(work.resolve("dump.log"), java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classlist);
        Path archive = image.resolve("lib/server/classes.jsa");
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("java -Xshare:dump wrote no " + archive + "; see " + work.resolve("dump.log"));
        }
        System.out.printf("CDS archive %s (%d KiB) from a class list of %d entries, the JDK's and the training's%n",
                archive, Files.size(archive) / 1024, lines.size());
    }

    /** Runs a command to its end, its output into {@code log}; fails with that output if it fails. */
    private static void run(Path log, String... command) throws IOException, InterruptedException {
        run(log, Map.of(), command);
    }

    /** As {@link #run(Path, String...)}, with {@code env} added to the environment. */
    private static void run(Path log, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in " + STEP_SECONDS + " s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    /** Copies the host's output into {@code log} until every one of {@code wanted} has shown up. */
    private static void awaitLines(Process host, Path log, List<String> wanted) throws Exception {
        Set<String> missing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        missing.addAll(wanted);
        CountDownLatch seen = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
                 var out = Files.newBufferedWriter(log)) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.write(line);
                    out.newLine();
                    out.flush();
                    String l = line;
                    missing.removeIf(l::contains);
                    if (missing.isEmpty()) {
                        seen.countDown();
                    }
                }
            } catch (IOException e) {
                // The host was stopped: its output ends here.
            }
            seen.countDown(); // the output ended: whatever is still missing will not come
        }, "training-host-output");
        reader.setDaemon(true);
        reader.start();
        if (!seen.await(STEP_SECONDS, TimeUnit.SECONDS) || !missing.isEmpty()) {
            throw new IllegalStateException("the hello host did not log " + missing + " within " + STEP_SECONDS
                    + " s; see " + log);
        }
    }
}
