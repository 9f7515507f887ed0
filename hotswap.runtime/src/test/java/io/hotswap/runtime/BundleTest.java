package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.runtime.fixtures.Bundles.bundle;
import static io.hotswap.runtime.fixtures.Bundles.commonsLang3;
import static io.hotswap.runtime.fixtures.Bundles.gsonNew;
import static io.hotswap.runtime.fixtures.Bundles.gsonNewVersion;
import static io.hotswap.runtime.fixtures.Bundles.gsonOld;
import static io.hotswap.runtime.fixtures.Bundles.gsonOldVersion;
import static io.hotswap.runtime.fixtures.Bundles.libraries;
import static io.hotswap.runtime.fixtures.Bundles.modulePath;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;

import io.hotswap.protocol.bundle.BundleLayout;
import io.hotswap.runtime.fixtures.Gc;
import io.hotswap.testkit.plugins.PluginBuilder;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugin bundles: a plugin carries its private libraries nested in its jar, resolved into its own
 * layer; two plugins can run two versions of one library side by side.
 */
class BundleTest {

    /** Answers "<gson version> <json of [1,2]> <loader of Gson>". */
    static final String GSON_INVOKE = "return com.google.gson.Gson.class.getModule().getDescriptor().rawVersion().orElse(\"none\")"
            + " + \" \" + new com.google.gson.Gson().toJson(java.util.List.of(1, 2))"
            + " + \" \" + com.google.gson.Gson.class.getClassLoader().getName();";

    @TempDir
    Path work;

    private Path dir;
    private Swapper swapper;

    @AfterEach
    void close() {
        if (swapper != null) {
            swapper.close();
        }
    }

    /** Builds {@code plugin} against {@code libs} and writes it with them nested into the plugin directory. */
    static Path bundled(Path work, Path dir, PluginBuilder plugin, String name, Path... libs) throws Exception {
        Path plain = plugin.buildAs(Files.createTempDirectory(work, "plain").resolve(name + ".jar"), modulePath(work, libs));
        return bundle(plain, dir.resolve(name + ".jar"), libraries(libs));
    }

    private Path gsonPlugin(String name, String version, Path gson) throws Exception {
        return bundled(work, dir(), plugin(name).version(version).requires("com.google.gson").invoke(GSON_INVOKE), name, gson);
    }

    private Path dir() throws Exception {
        if (dir == null) {
            dir = Files.createDirectories(work.resolve("plugins"));
        }
        return dir;
    }

    private Object call(String plugin) throws Exception {
        return swapper.current().find(plugin).orElseThrow().invokeFunc("gson");
    }

    @Test
    void twoPluginsRunTwoVersionsOfGsonSideBySideAndAReloadUpgradesOneOfThem() throws Exception {
        gsonPlugin("alpha", "v1", gsonOld());
        gsonPlugin("beta", "v1", gsonNew());
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        assertThat(call("alpha")).asString().startsWith(gsonOldVersion() + " [1,2] plugin-alpha@");
        assertThat(call("beta")).asString().startsWith(gsonNewVersion() + " [1,2] plugin-beta@");

        gsonPlugin("alpha", "v2", gsonNew());
        ReloadDetails details = swapper.reload(null);

        assertThat(details.outcomes()).containsEntry("alpha", PluginOutcome.OK).containsEntry("beta", PluginOutcome.UNCHANGED);
        assertThat(call("alpha")).asString().startsWith(gsonNewVersion() + " [1,2] plugin-alpha@");
        assertThat(call("beta")).asString().startsWith(gsonNewVersion() + " [1,2] plugin-beta@");
        PluginInfo alpha = swapper.status().plugins().stream().filter(p -> p.name().equals("alpha")).findFirst().orElseThrow();
        assertThat(alpha.libraries()).containsExactly(new LibraryInfo("com.google.gson", Optional.of(gsonNewVersion()), false,
                BundleLayout.LIBRARIES + "gson-" + gsonNewVersion() + ".jar"));
    }

    @Test
    void anAutomaticModuleIsAPrivateLibraryNamedByItsManifest() throws Exception {
        bundled(work, dir(), plugin("alpha").requires("org.apache.commons.lang3")
                .invoke("return org.apache.commons.lang3.StringUtils.reverse(\"abc\") + \" \""
                        + " + org.apache.commons.lang3.StringUtils.class.getModule().getDescriptor().isAutomatic();"),
                "alpha", commonsLang3());
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        assertThat(call("alpha")).isEqualTo("cba true");
        assertThat(swapper.status().plugins().get(0).libraries()).containsExactly(new LibraryInfo(
                "org.apache.commons.lang3", Optional.of("3.12.0"), true, BundleLayout.LIBRARIES + commonsLang3().getFileName()));
    }

    @Test
    void aPluginsOwnCopyWinsOverTheOneItsDependencyBundles() throws Exception {
        bundled(work, dir(), plugin("alpha").requires("com.google.gson").invoke(GSON_INVOKE), "alpha", gsonOld());
        Path alphaPlain = plugin("alpha").requires("com.google.gson").buildAs(
                Files.createTempDirectory(work, "a").resolve("alpha.jar"), modulePath(work, gsonOld()));
        Path mp = modulePath(work, gsonNew(), alphaPlain);
        Path betaPlain = plugin("beta").requires("alpha").requires("com.google.gson").invoke(GSON_INVOKE)
                .buildAs(Files.createTempDirectory(work, "b").resolve("beta.jar"), mp);
        bundle(betaPlain, dir().resolve("beta.jar"), libraries(gsonNew()));
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        assertThat(call("alpha")).asString().startsWith(gsonOldVersion() + " ");
        assertThat(call("beta")).asString().startsWith(gsonNewVersion() + " [1,2] plugin-beta@");
    }

    @Test
    void aDependentUsesALibraryOfItsDependencyThatTheDependencyReExports() throws Exception {
        Path alphaPlain = plugin("alpha").moduleLine("requires transitive com.google.gson;").invoke(GSON_INVOKE)
                .buildAs(Files.createTempDirectory(work, "a").resolve("alpha.jar"), modulePath(work, gsonOld()));
        bundle(alphaPlain, dir().resolve("alpha.jar"), libraries(gsonOld()));
        plugin("beta").requires("alpha").invoke(GSON_INVOKE).buildAs(dir().resolve("beta.jar"), modulePath(work, gsonOld(), alphaPlain));
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        // beta has no copy: it runs alpha's, defined by alpha's loader
        assertThat(call("beta")).asString().startsWith(gsonOldVersion() + " [1,2] plugin-alpha@");
    }

    @Test
    void upgradingTheLibraryADependencyReExportsRelinksTheDependentOntoTheNewCopy() throws Exception {
        Path alphaPlain = plugin("alpha").version("v1").moduleLine("requires transitive com.google.gson;").invoke(GSON_INVOKE)
                .buildAs(Files.createTempDirectory(work, "a").resolve("alpha.jar"), modulePath(work, gsonOld()));
        bundle(alphaPlain, dir().resolve("alpha.jar"), libraries(gsonOld()));
        plugin("beta").requires("alpha").invoke(GSON_INVOKE).buildAs(dir().resolve("beta.jar"), modulePath(work, gsonOld(), alphaPlain));
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);
        assertThat(call("beta")).asString().startsWith(gsonOldVersion() + " ");

        Path alphaV2 = plugin("alpha").version("v2").moduleLine("requires transitive com.google.gson;").invoke(GSON_INVOKE)
                .buildAs(Files.createTempDirectory(work, "a2").resolve("alpha.jar"), modulePath(work, gsonNew()));
        bundle(alphaV2, dir().resolve("alpha.jar"), libraries(gsonNew()));
        ReloadDetails details = swapper.reload(null);

        // beta's jar is the same: it is relinked on alpha's new layer, and reads alpha's new Gson
        assertThat(details.outcomes()).containsEntry("alpha", PluginOutcome.OK).containsEntry("beta", PluginOutcome.RELINKED);
        assertThat(call("beta")).asString().startsWith(gsonNewVersion() + " [1,2] plugin-alpha@");
    }

    @Test
    void aLibrarysClassesLeaveMemoryWithTheVersionThatBundledThem() throws Exception {
        gsonPlugin("alpha", "v1", gsonOld());
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);
        WeakReference<ClassLoader> gsonLoader = new WeakReference<>(
                ((Class<?>) swapper.current().find("alpha").orElseThrow().plugin().getClass().getModule().getLayer()
                        .findLoader("com.google.gson").loadClass("com.google.gson.Gson")).getClassLoader());
        assertThat(gsonLoader.get()).isNotNull();

        gsonPlugin("alpha", "v2", gsonNew());
        swapper.reload(null);

        Gc.awaitCollected(gsonLoader);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> { System.gc(); return swapper.status().collected() >= 1; });
    }

    @Test
    void liveNamesComeFromThePluginModuleOnlyNeverFromItsLibraries() throws Exception {
        byte[] lib = io.hotswap.runtime.fixtures.Bundles.compile(Map.of("helper/Live_Helper.java",
                "package helper; public final class Live_Helper { public static String live_fromLib() { return \"lib\"; } }"));
        Path libJar = Files.write(work.resolve("helper-1.0.jar"), lib);
        bundled(work, dir(), plugin("alpha").requires("helper")
                .members("public static String live_fromPlugin() { return helper.Live_Helper.live_fromLib(); }"),
                "alpha", libJar);
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        var live = swapper.current().vault().liveFuncs();
        assertThat(live.call("live_fromPlugin")).isEqualTo("lib");
        assertThat(live.names()).contains("live_fromPlugin").doesNotContain("live_fromLib");
        assertThat(swapper.current().vault().liveTypes().names()).doesNotContain("Live_Helper");
    }

    @Test
    void aMultiReleaseLibraryServesTheClassesOfTheRunningJdksRelease() throws Exception {
        byte[] base = io.hotswap.runtime.fixtures.Bundles.compile(Map.of("mr/Which.java",
                "package mr; public final class Which { public static String which() { return \"base\"; } }"));
        byte[] v17 = classOf(io.hotswap.runtime.fixtures.Bundles.compile(Map.of("mr/Which.java",
                "package mr; public final class Which { public static String which() { return \"17\"; } }")));
        byte[] v9999 = classOf(io.hotswap.runtime.fixtures.Bundles.compile(Map.of("mr/Which.java",
                "package mr; public final class Which { public static String which() { return \"future\"; } }")));
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n".getBytes());
        entries.put("mr/Which.class", classOf(base));
        entries.put("META-INF/versions/17/mr/Which.class", v17);
        entries.put("META-INF/versions/9999/mr/Which.class", v9999);
        Path mrJar = Files.write(work.resolve("mr-1.0.jar"), io.hotswap.runtime.fixtures.Bundles.jar(entries));
        bundled(work, dir(), plugin("alpha").requires("mr").invoke("return mr.Which.which();"), "alpha", mrJar);
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        assertThat(call("alpha")).isEqualTo("17");
    }

    @Test
    void aPluginModuleMayBeMultiReleaseWithItsDescriptorUnderMetaInfVersions() throws Exception {
        Path plain = plugin("alpha").buildAs(work.resolve("alpha-plain.jar"), work);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (var jar = new java.util.jar.JarFile(plain.toFile())) {
            for (var e : java.util.Collections.list(jar.entries())) {
                byte[] bytes = jar.getInputStream(e).readAllBytes();
                entries.put(e.getName().equals("module-info.class") ? "META-INF/versions/9/module-info.class" : e.getName(), bytes);
            }
        }
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n".getBytes());
        Files.write(dir().resolve("alpha.jar"), io.hotswap.runtime.fixtures.Bundles.jar(entries));
        swapper = swapper(dir()).build();
        swapper.loadPlugins(null);

        assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("version")).isEqualTo("alpha:version:v1");
    }

    /** The one class file of a compiled jar. */
    private static byte[] classOf(byte[] jar) throws Exception {
        try (var in = new java.util.jar.JarInputStream(new java.io.ByteArrayInputStream(jar))) {
            for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                if (e.getName().endsWith(".class")) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("no class");
    }
}
