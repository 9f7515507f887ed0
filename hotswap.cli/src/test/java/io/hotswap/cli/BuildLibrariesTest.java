package io.hotswap.cli;

import static io.hotswap.cli.TestPlugins.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.cli.command.ExitCode;
import io.hotswap.protocol.bundle.BundleLayout;
import io.hotswap.protocol.live.LiveIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hotswap build --lib}: a plugin bundle, compiled against real library jars that it carries nested. */
class BuildLibrariesTest {

    /** The jars maven-dependency-plugin copied (hotswap.cli/pom.xml; versions in the root pom). */
    private static final Path LIBS = Path.of(System.getProperty("hotswap.test.libs", "target/test-libs"));
    private static final Path GSON_OLD = LIBS.resolve("gson-2.10.1.jar");
    private static final Path GSON_NEW = LIBS.resolve("gson-2.13.2.jar");
    private static final Path LANG3 = LIBS.resolve("commons-lang3-3.12.0.jar");

    /** Uses Gson from a method, so the plugin only compiles against it. */
    private static final String USES_GSON =
            "public static String json() { return new com.google.gson.Gson().toJson(java.util.List.of(1, 2)); }";
    private static final String USES_LANG3 =
            "public static String shout() { return org.apache.commons.lang3.StringUtils.upperCase(\"hi\"); }";

    @TempDir
    Path src;

    @TempDir
    Path out;

    @TempDir
    Path scratch;

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return f.stream().map(ZipEntry::getName).toList();
        }
    }

    /** Asserts the entry is {@code file}'s bytes, stored with the right size and CRC (checked again on reading). */
    private static void assertNestedStored(Path jar, Path file) throws IOException {
        String name = BundleLayout.LIBRARIES + file.getFileName();
        byte[] expected = Files.readAllBytes(file);
        CRC32 crc = new CRC32();
        crc.update(expected);
        try (JarFile f = new JarFile(jar.toFile())) {
            ZipEntry e = f.getEntry(name);
            assertThat(e).as(name).isNotNull();
            assertThat(e.getMethod()).as(name + " stored, not deflated").isEqualTo(ZipEntry.STORED);
            assertThat(e.getSize()).isEqualTo(expected.length);
            assertThat(e.getCompressedSize()).isEqualTo(expected.length);
            assertThat(e.getCrc()).isEqualTo(crc.getValue());
            assertThat(f.getInputStream(e).readAllBytes()).as(name + " byte-identical").isEqualTo(expected);
        }
    }

    private static ModuleDescriptor descriptor(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return ModuleDescriptor.read(f.getInputStream(f.getEntry("module-info.class")));
        }
    }

    private static LiveIndex liveIndex(Path jar) throws IOException {
        try (JarFile f = new JarFile(jar.toFile())) {
            return LiveIndex.parse(f.getInputStream(f.getEntry(LiveIndex.PATH)).readAllBytes());
        }
    }

    private static Path copy(Path jar, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.copy(jar, dir.resolve(jar.getFileName()));
    }

    @Test
    void aLibJarIsCompiledAgainstAndNestedStoredAndByteIdentical() throws Exception {
        plugin("hello").requires("com.google.gson").members(USES_GSON).writeSourcesTo(src);

        Cli built = Cli.run("build", "-v", "--lib", GSON_OLD.toString(), src.toString(), out.toString());

        assertThat(built.exitCode()).as(built.toString()).isZero();
        Path jar = out.resolve("hello.jar");
        assertNestedStored(jar, GSON_OLD);
        assertThat(entries(jar)).contains("META-INF/hotswap/", BundleLayout.LIBRARIES)
                .filteredOn(e -> e.startsWith(BundleLayout.LIBRARIES) && !e.endsWith("/"))
                .containsExactly(BundleLayout.LIBRARIES + "gson-2.10.1.jar");
        assertThat(descriptor(jar).requires()).extracting(ModuleDescriptor.Requires::name).contains("com.google.gson");
        assertThat(descriptor(jar).packages()).as("a library's packages stay in its jar").containsExactly("hello.impl");
        assertThat(liveIndex(jar).entries()).as("the scan covers the plugin's classes only")
                .extracting(e -> e.name()).containsExactly("live_version");
        assertThat(built.out()).containsPattern("javac --module-path \\S*" + GSON_OLD.getFileName())
                .contains("library com.google.gson@2.10.1 -> META-INF/hotswap/lib/gson-2.10.1.jar");
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList())
                .as("written atomically: no temporary file left").containsExactly("hello.jar");
    }

    @Test
    void aLibFolderNestsEveryJarDirectlyInIt() throws Exception {
        Path folder = scratch.resolve("libs");
        copy(GSON_NEW, folder);
        copy(LANG3, folder);
        Files.writeString(folder.resolve("README.txt"), "not a jar");
        copy(GSON_OLD, folder.resolve("nested"));
        plugin("hello").requires("com.google.gson", "org.apache.commons.lang3")
                .members(USES_GSON + "\n" + USES_LANG3).writeSourcesTo(src);

        Cli built = Cli.run("build", "-v", "--lib=" + folder, src.toString(), out.toString());

        assertThat(built.exitCode()).as(built.toString()).isZero();
        Path jar = out.resolve("hello.jar");
        assertNestedStored(jar, GSON_NEW);
        assertNestedStored(jar, LANG3);
        assertThat(entries(jar)).filteredOn(e -> e.startsWith(BundleLayout.LIBRARIES) && !e.endsWith("/"))
                .as("only the jars directly in the folder, sorted")
                .containsExactly(BundleLayout.LIBRARIES + "commons-lang3-3.12.0.jar", BundleLayout.LIBRARIES + "gson-2.13.2.jar");
        assertThat(built.out())
                .contains("library org.apache.commons.lang3@3.12.0 (automatic) -> META-INF/hotswap/lib/commons-lang3-3.12.0.jar")
                .contains("library com.google.gson@2.13.2 -> META-INF/hotswap/lib/gson-2.13.2.jar");
    }

    @Test
    void aMultiReleaseExplicitModuleIsFoundByItsVersionedModuleInfo() throws Exception {
        // Gson's module-info.class is under META-INF/versions/9: javac reads it from there.
        plugin("hello").requires("com.google.gson").members(USES_GSON).writeSourcesTo(src);

        Cli built = Cli.run("build", "--lib", GSON_NEW.toString(), src.toString(), out.toString());

        assertThat(built.exitCode()).as(built.toString()).isZero();
        assertNestedStored(out.resolve("hello.jar"), GSON_NEW);
    }

    @Test
    void anAutomaticModuleIsRequiredByItsAutomaticModuleName() throws Exception {
        plugin("hello").requires("org.apache.commons.lang3").members(USES_LANG3).writeSourcesTo(src);

        Cli built = Cli.run("build", "--lib", LANG3.toString(), src.toString(), out.toString());

        assertThat(built.exitCode()).as(built.toString()).isZero();
        assertNestedStored(out.resolve("hello.jar"), LANG3);
    }

    @Test
    void withoutTheLibAPluginThatRequiresItDoesNotCompile() throws Exception {
        plugin("hello").requires("com.google.gson").members(USES_GSON).writeSourcesTo(src);

        Cli failed = Cli.run("build", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("module not found: com.google.gson").contains("does not compile");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void compileFalseStillNestsTheLibraries() throws Exception {
        Path sources = plugin("hello").writeSourcesTo(src.resolve("sources"));
        BuildCommandTest.compile(sources, src.resolve("target/classes"));

        Cli built = Cli.run("build", "-v", "--compile=false", "--lib", LANG3.toString(), src.toString(), out.toString());

        assertThat(built.exitCode()).as(built.toString()).isZero();
        assertNestedStored(out.resolve("hello.jar"), LANG3);
        assertThat(built.out()).contains("library org.apache.commons.lang3@3.12.0 (automatic)");
    }

    @Test
    void helpSaysWhatLibDoesAndWhereTheJarsGo() {
        Cli help = Cli.run("build", "--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--lib=JAR|DIR")
                .contains("a folder whose *.jar files (directly in it) are all taken")
                .contains("compiled against it").contains("META-INF/hotswap/lib/<file name>")
                .contains("stored uncompressed");
    }

    /** Builds once without libraries, runs the failing build, and checks it left the output as it was. */
    private Cli failsLeavingTheOutputUnchanged(String... libOptions) throws Exception {
        plugin("hello").writeSourcesTo(src);
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("hello.jar"));
        List<String> args = new java.util.ArrayList<>(List.of("build"));
        args.addAll(List.of(libOptions));
        args.addAll(List.of(src.toString(), out.toString()));

        Cli failed = Cli.run(args.toArray(String[]::new));

        assertThat(Files.readAllBytes(out.resolve("hello.jar"))).isEqualTo(before);
        assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).containsExactly("hello.jar");
        return failed;
    }

    private static void assertUsageError(Cli failed, String message) {
        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(failed.err()).contains("build: " + message).contains("Usage: hotswap build");
    }

    @Test
    void aLibThatDoesNotExistIsAUsageError() throws Exception {
        Path missing = scratch.resolve("missing.jar");

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", missing.toString()), "--lib " + missing + " does not exist");
    }

    @Test
    void aLibFileThatIsNotAJarIsAUsageError() throws Exception {
        Path text = Files.writeString(scratch.resolve("notes.txt"), "hello");

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", text.toString()),
                "--lib " + text + " is not a .jar file nor a folder of them");
    }

    @Test
    void aJarThatIsNotAReadableZipIsAUsageError() throws Exception {
        Path fake = Files.writeString(scratch.resolve("fake.jar"), "not a zip at all");

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", fake.toString()), "--lib " + fake + " is not a readable jar: ");
    }

    @Test
    void aTruncatedJarInAFolderIsAUsageError() throws Exception {
        Path folder = scratch.resolve("libs");
        copy(LANG3, folder);
        byte[] gson = Files.readAllBytes(GSON_OLD);
        Path truncated = Files.write(folder.resolve("gson.jar"), java.util.Arrays.copyOf(gson, gson.length / 2));

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", folder.toString()),
                "--lib " + truncated + " is not a readable jar: ");
    }

    @Test
    void twoLibJarsWithTheSameFileNameAreAUsageError() throws Exception {
        Path a = copy(GSON_OLD, scratch.resolve("a"));
        Path b = Files.copy(GSON_NEW, Files.createDirectories(scratch.resolve("b")).resolve("gson-2.10.1.jar"));

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", a.toString(), "--lib", scratch.resolve("b").toString()),
                "--lib " + a + " and " + b + " have the same file name; both would be META-INF/hotswap/lib/gson-2.10.1.jar");
    }

    @Test
    void twoLibJarsOfTheSameModuleAreAUsageError() throws Exception {
        assertUsageError(failsLeavingTheOutputUnchanged("--lib", GSON_OLD.toString(), "--lib", GSON_NEW.toString()),
                "--lib " + GSON_OLD + " and " + GSON_NEW + " are both module com.google.gson");
    }

    @Test
    void aLibFolderWithoutJarsIsAUsageError() throws Exception {
        Path folder = Files.createDirectories(scratch.resolve("empty"));
        Files.writeString(folder.resolve("README.txt"), "no jars here");
        copy(GSON_OLD, folder.resolve("deeper"));

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", folder.toString()),
                "--lib folder " + folder + " holds no *.jar file");
    }

    @Test
    void aJarThatCannotBeAModuleIsAUsageError() throws Exception {
        Path bad = scratch.resolve("bad.jar");
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().putValue("Automatic-Module-Name", "not-a-module-name");
        try (OutputStream o = Files.newOutputStream(bad); JarOutputStream jar = new JarOutputStream(o, mf)) {
            jar.putNextEntry(new ZipEntry("lib/A.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        }

        assertUsageError(failsLeavingTheOutputUnchanged("--lib", bad.toString()),
                "--lib " + bad + " is not a usable module: ");
    }

    @Test
    void aResourceInTheLibraryFolderIsRefused() throws Exception {
        plugin("hello").writeSourcesTo(src.resolve("src/main/java"));
        assertThat(Cli.run("build", src.toString(), out.toString()).exitCode()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("hello.jar"));
        Path resources = Files.createDirectories(src.resolve("src/main/resources/META-INF/hotswap/lib"));
        Files.copy(GSON_OLD, resources.resolve("gson-2.10.1.jar"));

        Cli failed = Cli.run("build", src.toString(), out.toString());

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.err()).contains("build: resource META-INF/hotswap/lib/gson-2.10.1.jar is in META-INF/hotswap/lib/,"
                + " the folder of the bundle's libraries; give library jars with --lib");
        assertThat(Files.readAllBytes(out.resolve("hello.jar"))).isEqualTo(before);
    }
}
