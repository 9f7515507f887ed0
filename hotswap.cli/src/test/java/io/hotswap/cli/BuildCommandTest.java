package io.hotswap.cli;

import static io.hotswap.cli.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.protocol.live.LiveIndex;
import io.hotswap.runtime.PluginOutcome;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import io.hotswap.testkit.plugins.Javac;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCommandTest {

    @TempDir
    Path src;

    @TempDir
    Path out;

    private static Manifest manifest(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getManifest();
        }
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.stream().map(e -> e.getName()).toList();
        }
    }

    private static byte[] entry(Path jar, String name) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.getInputStream(f.getEntry(name)).readAllBytes();
        }
    }

    private static ModuleDescriptor descriptor(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return ModuleDescriptor.read(f.getInputStream(f.getEntry("module-info.class")));
        }
    }

    @Test
    void aPluginBuiltFromSourcesLoadsAndReloadsInTheRuntime() throws Exception {
        plugin("hello").version("v1").writeSourcesTo(src);
        Cli built = Cli.run("build", src.toString(), out.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();
        Path jar = out.resolve("hello.jar");
        assertThat(built.out()).contains("built hello@").contains(jar.toString());

        try (Swapper swapper = Swapper.builder(out).name("build-test").freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(null);
            assertThat(swapper.current().find("hello").orElseThrow().invokeFunc("x")).isEqualTo("hello:v1");
            assertThat(swapper.current().vault().liveFuncs().names()).contains("live_version");

            plugin("hello").version("v2").writeSourcesTo(src);
            assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
            ReloadDetails details = swapper.reload(null);

            assertThat(details.outcome("hello")).contains(PluginOutcome.OK);
            assertThat(swapper.current().find("hello").orElseThrow().invokeFunc("x")).isEqualTo("hello:v2");
            assertThat(swapper.current().find("hello").orElseThrow().version()).contains("+nogit");
        }
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList())
                .as("no temporary file left in the output directory").containsExactly("hello.jar");
    }

    @Test
    void theVersionStampIsInTheDescriptorAndTheManifest() throws Exception {
        plugin("hello").writeSourcesTo(src);
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        Path jar = out.resolve("hello.jar");

        String version = descriptor(jar).rawVersion().orElseThrow();
        assertThat(version).matches("\\d{8}\\.\\d{6}\\+nogit");
        var main = manifest(jar).getMainAttributes();
        assertThat(main.getValue("Hotswap-Version")).isEqualTo(version);
        assertThat(main.getValue("Implementation-Version")).isEqualTo(version);
        assertThat(main.getValue("Hotswap-Git-Commit")).isEqualTo("none");
        assertThat(main.getValue("Hotswap-Git-Dirty")).isEqualTo("false");
        assertThat(main.getValue("Hotswap-Build-Time")).endsWith("Z");
    }

    @Test
    void aGitCheckoutStampsItsCommitAndTheDirtyFlag() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(git(src, "--version") == 0, "git is not installed");
        plugin("hello").writeSourcesTo(src);
        assertThat(git(src, "init", "-q")).isZero();
        assertThat(git(src, "add", "-A")).isZero();
        assertThat(git(src, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1")).isZero();
        String head = new String(new ProcessBuilder("git", "-C", src.toString(), "rev-parse", "HEAD").start()
                .getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        Path jar = out.resolve("hello.jar");
        assertThat(descriptor(jar).rawVersion().orElseThrow()).endsWith("+git." + head.substring(0, 12));
        assertThat(manifest(jar).getMainAttributes().getValue("Hotswap-Git-Commit")).isEqualTo(head);
        assertThat(manifest(jar).getMainAttributes().getValue("Hotswap-Git-Dirty")).isEqualTo("false");

        plugin("hello").version("v2").writeSourcesTo(src);
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        assertThat(descriptor(jar).rawVersion().orElseThrow()).endsWith("+git." + head.substring(0, 12) + ".dirty");
        assertThat(manifest(jar).getMainAttributes().getValue("Hotswap-Git-Dirty")).isEqualTo("true");
    }

    @Test
    void aBuildThatFailsLeavesNoGitProcessBehind() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(git(src, "--version") == 0, "git is not installed");
        plugin("hello").members("int broken() { return \"not an int\"; }").writeSourcesTo(src);
        assertThat(git(src, "init", "-q")).isZero();
        // More status than a pipe holds: a git nobody reads from would wait for a reader forever.
        // (In the plugin directory itself: git lists an untracked directory as one line.)
        for (int i = 0; i < 2000; i++) {
            Files.writeString(src.resolve("an-untracked-file-with-a-long-name-" + i + ".txt"), "");
        }

        Cli failed = Cli.run("build", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ProcessHandle.current().children()
                        .filter(p -> p.info().commandLine().orElse("").contains(src.toString())).toList())
                        .as("git processes of this build still running").isEmpty());
    }

    @Test
    void aCheckoutBeforeItsFirstCommitIsStampedNogit() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(git(src, "--version") == 0, "git is not installed");
        plugin("hello").writeSourcesTo(src);
        assertThat(git(src, "init", "-q")).isZero();

        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        Path jar = out.resolve("hello.jar");
        assertThat(descriptor(jar).rawVersion().orElseThrow()).matches("\\d{8}\\.\\d{6}\\+nogit");
        assertThat(manifest(jar).getMainAttributes().getValue("Hotswap-Git-Commit")).isEqualTo("none");
        assertThat(manifest(jar).getMainAttributes().getValue("Hotswap-Git-Dirty")).isEqualTo("false");
    }

    private static int git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString()));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void theLiveIndexIsWrittenWithTheGivenPrefix() throws Exception {
        plugin("hello").members("public static String hot_ping() { return \"pong\"; }").writeSourcesTo(src);

        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        LiveIndex byDefault = LiveIndex.parse(entry(out.resolve("hello.jar"), LiveIndex.PATH));
        assertThat(byDefault.prefix()).isEqualTo("live_");
        assertThat(byDefault.entries()).extracting(e -> e.name()).containsExactly("live_version");

        assertThat(Cli.run("build", "--prefixLive=hot_", src.toString(), out.toString()).exitCode()).isZero();
        LiveIndex hot = LiveIndex.parse(entry(out.resolve("hello.jar"), LiveIndex.PATH));
        assertThat(hot.prefix()).isEqualTo("hot_");
        assertThat(hot.entries()).extracting(e -> e.name()).containsExactly("hot_ping");
        assertThat(manifest(out.resolve("hello.jar")).getMainAttributes().getValue("Hotswap-Live-Prefix")).isEqualTo("hot_");
    }

    @Test
    void aCompileErrorIsPrintedAsJavacPrintsItExitsOneAndLeavesTheOldJar() throws Exception {
        plugin("hello").writeSourcesTo(src);
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("hello.jar"));
        plugin("hello").members("int broken() { return \"not an int\"; }").writeSourcesTo(src);

        Path impl = src.resolve("hello/impl/Impl.java");
        int line = Files.readAllLines(impl).indexOf("int broken() { return \"not an int\"; }") + 1;

        Cli failed = Cli.run("build", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(line).isPositive();
        assertThat(failed.err()).containsPattern(java.util.regex.Pattern.quote(impl.toString())
                        + ":" + line + ": error: incompatible types: String cannot be converted to int")
                .contains("int broken() { return \"not an int\"; }").contains("1 error").contains("does not compile");
        assertThat(Files.readAllBytes(out.resolve("hello.jar"))).isEqualTo(before);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).containsExactly("hello.jar");
    }

    @Test
    void aCompileErrorIntoAFreshOutputDirectoryLeavesItEmpty() throws Exception {
        plugin("hello").members("int broken() { return \"not an int\"; }").writeSourcesTo(src);
        Path fresh = out.resolve("plugins");

        Cli failed = Cli.run("build", src.toString(), fresh.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("does not compile");
        assertThat(fresh).as("no jar, no temporary file, not even the directory").doesNotExist();
        assertThat(failed.out()).doesNotContain("temporary files left");
    }

    @Test
    void aLiveIndexErrorNamesThePluginAndLeavesTheOldJar() throws Exception {
        plugin("hello").writeSourcesTo(src);
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("hello.jar"));
        plugin("hello").members("static void live_twice() { } static void live_twice(int x) { }").writeSourcesTo(src);

        Cli failed = Cli.run("build", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("plugin hello: live function hello.impl.Impl.live_twice is overloaded");
        assertThat(Files.readAllBytes(out.resolve("hello.jar"))).isEqualTo(before);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).containsExactly("hello.jar");
    }

    @Test
    void aPrecompiledModuleWhoseProviderIsMissingIsRefusedAndWritesNoJar() throws Exception {
        // Impl$Helper keeps the package hello.impl in the module once Impl.class is gone.
        Path sources = plugin("hello").members("static final class Helper { }").writeSourcesTo(src.resolve("sources"));
        Path classes = src.resolve("target/classes");
        compile(sources, classes);
        Files.delete(classes.resolve("hello/impl/Impl.class"));
        Files.writeString(classes.resolve("hello/impl/Other.class"), "not a class file either");

        Cli failed = Cli.run("build", "--compile=false", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("plugin hello: hello/impl/Other.class is not a valid class file");
        assertThat(Files.list(out).toList()).isEmpty();

        Files.delete(classes.resolve("hello/impl/Other.class"));
        Cli missing = Cli.run("build", "--compile=false", src.toString(), out.toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(1);
        assertThat(missing.err()).contains("plugin hello: module-info.class provides io.hotswap.api.Plugin with"
                + " hello.impl.Impl, which is not in the plugin");
        assertThat(Files.list(out).toList()).isEmpty();
    }

    @Test
    void debugWritesOutWhatWasBuiltWhenABuildFails() throws Exception {
        plugin("hello").members("static void live_twice() { } static void live_twice(int x) { }").writeSourcesTo(src);

        Cli failed = Cli.run("build", "--debug", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        String line = failed.out().lines().filter(l -> l.startsWith("temporary files left in ")).findFirst().orElseThrow();
        Path work = Path.of(line.substring("temporary files left in ".length()));
        try {
            assertThat(work.resolve("classes/hello/impl/Impl.class")).exists();
            assertThat(work.resolve("classes/module-info.class")).exists();
        } finally {
            deleteTree(work);
        }
    }

    @Test
    void theJarHasTheEntriesAndTheDescriptorThatTheJarToolWrites() throws Exception {
        Path root = plugin("hello").writeSourcesTo(src.resolve("src/main/java"));
        Files.createDirectories(src.resolve("src/main/resources/conf"));
        Files.writeString(src.resolve("src/main/resources/conf/app.properties"), "a=1");
        Files.writeString(src.resolve("src/main/resources/conf/empty.txt"), "");
        Files.createDirectories(src.resolve("src/main/resources/META-INF/data"));
        Files.writeString(src.resolve("src/main/resources/META-INF/data/x.bin"), "x");
        Files.writeString(root.resolve("hello/impl/notes.txt"), "n");

        Cli built = Cli.run("build", "--leaveTemps", "--include=.*\\.txt", src.toString(), out.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();
        Path jar = out.resolve("hello.jar");
        String line = built.out().lines().filter(l -> l.startsWith("temporary files left in ")).findFirst().orElseThrow();
        Path work = Path.of(line.substring("temporary files left in ".length()));
        try {
            // The reference: the jar tool over the same files, as the build used to make the jar.
            Path reference = work.resolve("reference.jar");
            Path manifestFile = work.resolve("MANIFEST.MF");
            try (var o = Files.newOutputStream(manifestFile)) {
                manifest(jar).write(o);
            }
            String version = descriptor(jar).rawVersion().orElseThrow();
            java.io.StringWriter toolOut = new java.io.StringWriter();
            int rc = java.util.spi.ToolProvider.findFirst("jar").orElseThrow().run(new java.io.PrintWriter(toolOut),
                    new java.io.PrintWriter(toolOut), "--create", "--file", reference.toString(), "--manifest",
                    manifestFile.toString(), "--module-version", version, "-C", work.resolve("classes").toString(), ".");
            assertThat(rc).as(toolOut.toString()).isZero();

            assertThat(entries(jar)).containsExactlyInAnyOrderElementsOf(entries(reference))
                    .startsWith("META-INF/", "META-INF/MANIFEST.MF", "module-info.class")
                    .contains("conf/", "conf/empty.txt", "hello/impl/notes.txt", LiveIndex.PATH);
            assertThat(descriptor(jar)).isEqualTo(descriptor(reference));
            assertThat(descriptor(jar).packages()).containsExactlyInAnyOrder("hello.impl", "conf");
            assertThat(manifest(jar)).isEqualTo(manifest(reference));
            for (String name : entries(reference)) {
                if (!name.endsWith("/") && !name.equals("module-info.class")) {
                    assertThat(entry(jar, name)).as(name).isEqualTo(entry(reference, name));
                }
            }
        } finally {
            deleteTree(work);
        }
    }

    @Test
    void theJarIsAsReadableAsAnyNewFileNotPrivateLikeATemporaryFile() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(out.getFileSystem().supportedFileAttributeViews().contains("posix"));
        plugin("hello").writeSourcesTo(src);

        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();

        Path probe = Files.createFile(src.resolve("probe"));
        assertThat(Files.getPosixFilePermissions(out.resolve("hello.jar")))
                .as("the umask's permissions").isEqualTo(Files.getPosixFilePermissions(probe));
    }

    @Test
    void aUsageErrorExitsTwoWithTheUsage() {
        Cli missing = Cli.run("build", src.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: '<outputDir>'").contains("Usage: hotswap build");

        Cli unknown = Cli.run("build", "--frobnicate", src.toString(), out.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'").contains("Usage: hotswap build");

        Cli badRegex = Cli.run("build", "--include=(", src.toString(), out.toString());
        assertThat(badRegex.exitCode()).isEqualTo(2);
        assertThat(badRegex.err()).contains("--include is not a regular expression").contains("Usage: hotswap build");

        Cli none = Cli.run();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: hotswap");
    }

    @Test
    void javacFlagsAfterTheDoubleDashGoToJavac() throws Exception {
        plugin("hello").members("java.util.List raw() { return new java.util.ArrayList(); }").writeSourcesTo(src);
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).as("raw types are legal").isZero();

        Cli strict = Cli.run("build", src.toString(), out.toString(), "--", "-Xlint:rawtypes", "-Werror");

        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
        assertThat(strict.err()).contains("warning: [rawtypes]").contains("error: warnings found and -Werror specified");
    }

    @Test
    void resourcesFromSrcMainResourcesAndIncludedFilesArePackedLessExcludedOnes() throws Exception {
        Path root = plugin("hello").writeSourcesTo(src.resolve("src/main/java"));
        Files.createDirectories(src.resolve("src/main/resources/conf"));
        Files.writeString(src.resolve("src/main/resources/conf/app.properties"), "a=1");
        Files.writeString(src.resolve("src/main/resources/conf/secret.key"), "k");
        Files.writeString(root.resolve("hello/impl/notes.txt"), "n");
        Files.writeString(root.resolve("hello/impl/image.png"), "p");

        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        assertThat(entries(out.resolve("hello.jar"))).contains("conf/app.properties", "conf/secret.key")
                .doesNotContain("hello/impl/notes.txt", "hello/impl/image.png");

        Cli built = Cli.run("build", "-v", "--include=.*\\.txt", "--exclude=.*\\.key", src.toString(), out.toString());
        assertThat(built.exitCode()).as(built.toString()).isZero();
        assertThat(entries(out.resolve("hello.jar"))).contains("conf/app.properties", "hello/impl/notes.txt")
                .doesNotContain("conf/secret.key", "hello/impl/image.png");
        assertThat(built.out()).contains("resource hello/impl/notes.txt").contains("javac ").contains("live index:");
    }

    @Test
    void compileFalsePacksAlreadyCompiledClassesAndStampsThem() throws Exception {
        Path sources = plugin("hello").writeSourcesTo(src.resolve("sources"));
        Path classes = src.resolve("target/classes");
        compile(sources, classes);

        Cli built = Cli.run("build", "--compile=false", src.toString(), out.toString());

        assertThat(built.exitCode()).as(built.toString()).isZero();
        Path jar = out.resolve("hello.jar");
        assertThat(entries(jar)).contains("hello/impl/Impl.class", LiveIndex.PATH).noneMatch(e -> e.endsWith(".java"));
        assertThat(descriptor(jar).rawVersion()).isPresent();
        try (Swapper swapper = Swapper.builder(out).name("precompiled").freeDelay(Duration.ZERO).build()) {
            swapper.loadPlugins(null);
            assertThat(swapper.current().find("hello").orElseThrow().invokeFunc("x")).isEqualTo("hello:v1");
        }
        Cli withJavacFlags = Cli.run("build", "--compile=false", src.toString(), out.toString(), "--", "-g");
        assertThat(withJavacFlags.exitCode()).isEqualTo(2);
    }

    @Test
    void leaveTempsKeepsTheBuildDirectoryAndSaysWhere() throws Exception {
        plugin("hello").writeSourcesTo(src);

        Cli built = Cli.run("build", "--leaveTemps", src.toString(), out.toString());

        assertThat(built.exitCode()).isZero();
        String line = built.out().lines().filter(l -> l.startsWith("temporary files left in ")).findFirst().orElseThrow();
        Path work = Path.of(line.substring("temporary files left in ".length()));
        try {
            assertThat(work.resolve("classes/hello/impl/Impl.class")).exists();
            assertThat(work.resolve("classes/" + LiveIndex.PATH)).exists();
        } finally {
            deleteTree(work);
        }
        Cli plain = Cli.run("build", src.toString(), out.toString());
        assertThat(plain.out()).doesNotContain("temporary files left");
    }

    @Test
    void staticLinkingMarksTheJarAndSaysHowToStartTheHost() throws Exception {
        plugin("hello").writeSourcesTo(src);

        Cli built = Cli.run("build", "--staticLinking", src.toString(), out.toString());

        assertThat(built.exitCode()).isZero();
        assertThat(manifest(out.resolve("hello.jar")).getMainAttributes().getValue("Hotswap-Static-Linking")).isEqualTo("true");
        assertThat(built.out()).contains("--module-path").contains("staticLinking(true)");
    }

    @Test
    void debugShowsTheStackTraceOfAToolError() throws Exception {
        Files.writeString(src.resolve("README"), "no module here");

        Cli plain = Cli.run("build", src.toString(), out.toString());
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err()).contains("no module-info.java in " + src).doesNotContain("\tat io.hotswap");

        Cli debug = Cli.run("build", "--debug", src.toString(), out.toString());
        assertThat(debug.exitCode()).isEqualTo(1);
        assertThat(debug.err()).contains("no module-info.java").contains("\tat io.hotswap.cli");
        String line = debug.out().lines().filter(l -> l.startsWith("temporary files left in ")).findFirst().orElseThrow();
        deleteTree(Path.of(line.substring("temporary files left in ".length())));
    }

    @Test
    void aReaderPollingTheJarDuringFiftyBuildsNeverSeesAPartialJar() throws Exception {
        Path sources = plugin("hello").members("static final String PAD = \"" + "0123456789".repeat(6000) + "\";")
                .writeSourcesTo(src.resolve("sources"));
        compile(sources, src.resolve("target/classes"));
        Path jar = out.resolve("hello.jar");
        assertThat(Cli.run("build", "--compile=false", src.toString(), out.toString()).exitCode()).isZero();
        AtomicBoolean building = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> broken = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (building.get()) {
                try {
                    byte[] bytes = Files.readAllBytes(jar);
                    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
                        int n = 0;
                        for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                            zip.readAllBytes();
                            n++;
                        }
                        if (n < 4) {
                            broken.add("only " + n + " entries");
                        }
                    }
                    descriptor(jar);
                    reads.incrementAndGet();
                } catch (IOException | RuntimeException e) {
                    broken.add(e.toString());
                }
            }
        });
        reader.start();
        try {
            for (int i = 0; i < 50; i++) {
                Cli built = Cli.run("build", "--compile=false", src.toString(), out.toString());
                assertThat(built.exitCode()).as(built.toString()).isZero();
            }
        } finally {
            building.set(false);
            reader.join();
        }
        assertThat(broken).isEmpty();
        assertThat(reads.get()).isPositive();
    }

    static void compile(Path sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                "--module-path", apiLocation()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        }
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    }

    private static String apiLocation() {
        return Javac.apiLocation().toString();
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
