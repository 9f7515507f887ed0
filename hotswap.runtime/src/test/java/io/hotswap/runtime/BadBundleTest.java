package io.hotswap.runtime;

import static io.hotswap.runtime.BundleTest.GSON_INVOKE;
import static io.hotswap.runtime.BundleTest.bundled;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.runtime.fixtures.Bundles.bundle;
import static io.hotswap.runtime.fixtures.Bundles.compile;
import static io.hotswap.runtime.fixtures.Bundles.gsonNew;
import static io.hotswap.runtime.fixtures.Bundles.gsonOld;
import static io.hotswap.runtime.fixtures.Bundles.gsonOldVersion;
import static io.hotswap.runtime.fixtures.Bundles.jar;
import static io.hotswap.runtime.fixtures.Bundles.libraries;
import static io.hotswap.runtime.fixtures.Bundles.modulePath;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.protocol.bundle.BundleLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a bundle can be broken fails the reload with the plugin, the nested jar and the step
 * named, and the old generation keeps serving.
 */
class BadBundleTest {

    private static final String LIB = BundleLayout.LIBRARIES;

    @TempDir
    Path work;

    private Path dir;
    private Path alphaPlain;
    private Swapper swapper;

    @BeforeEach
    void loadAlphaWithGson() throws Exception {
        dir = Files.createDirectories(work.resolve("plugins"));
        alphaPlain = plugin("alpha").version("v2").requires("com.google.gson").invoke(GSON_INVOKE)
                .buildAs(Files.createTempDirectory(work, "plain").resolve("alpha.jar"), modulePath(work, gsonOld()));
        bundled(work, dir, plugin("alpha").requires("com.google.gson").invoke(GSON_INVOKE), "alpha", gsonOld());
        swapper = swapper(dir).build();
        swapper.loadPlugins(null);
    }

    @AfterEach
    void close() {
        swapper.close();
    }

    private void assertOldGenerationStillServes() throws Exception {
        assertThat(swapper.current().number()).isEqualTo(1);
        assertThat(swapper.current().find("alpha").orElseThrow().invokeFunc("gson")).asString()
                .startsWith(gsonOldVersion() + " [1,2]");
        assertThat(swapper.reloadCounter()).isZero();
    }

    /** Replaces alpha by its v2 plain jar with these nested entries, reloads, and checks the failure. */
    private void failsWith(Map<String, byte[]> nested, ReloadStep step, String... message) throws Exception {
        bundle(alphaPlain, dir.resolve("alpha.jar"), nested);
        assertThatThrownBy(() -> swapper.reload(null))
                .isInstanceOfSatisfying(ResolveException.class, e -> {
                    assertThat(e.plugin()).contains("alpha");
                    assertThat(e.step()).isEqualTo(step);
                })
                .hasMessageContaining("Plugin alpha failed at step '" + step.label() + "'")
                .hasMessageContainingAll(message);
        assertOldGenerationStillServes();
    }

    private static Map<String, byte[]> with(Map<String, byte[]> a, String name, byte[] bytes) {
        Map<String, byte[]> all = new LinkedHashMap<>(a);
        all.put(name, bytes);
        return all;
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** An automatic library jar with one (unloaded, so any bytes do) class in {@code pkg}. */
    private static byte[] automaticWithPackage(String pkg) {
        return jar(Map.of(pkg.replace('.', '/') + "/Thing.class", text("not loaded")));
    }

    @Test
    void aCorruptNestedJarNamesItsPathAtTheReadStep() throws Exception {
        failsWith(with(libraries(gsonOld()), LIB + "broken-1.0.jar", text("this is not a zip file, only some text")),
                ReloadStep.READ_JAR, LIB + "broken-1.0.jar", "no zip central directory");
    }

    @Test
    void aNestedJarWhoseEntryFailsItsCrcNamesTheEntry() throws Exception {
        byte[] lib = jar(Map.of(), Map.of("damaged/Thing.class", text("0123456789abcdef")));
        // flip one byte of the stored data: the CRC no longer matches
        String s = new String(lib, StandardCharsets.ISO_8859_1);
        int at = s.indexOf("0123456789abcdef");
        lib[at] = 'X';
        failsWith(with(libraries(gsonOld()), LIB + "damaged-1.0.jar", lib), ReloadStep.READ_JAR,
                LIB + "damaged-1.0.jar", "damaged/Thing.class", "CRC");
    }

    @Test
    void twoNestedJarsWithOneModuleNameAreRefused() throws Exception {
        Map<String, byte[]> two = new LinkedHashMap<>(libraries(gsonOld()));
        two.putAll(libraries(gsonNew()));
        failsWith(two, ReloadStep.DESCRIBE, LIB + "gson-2.10.1.jar", LIB + "gson-2.13.2.jar", "both module com.google.gson");
    }

    @Test
    void aPackageSplitBetweenTwoLibrariesIsRefused() throws Exception {
        Map<String, byte[]> nested = with(libraries(gsonOld()), LIB + "left-1.0.jar", automaticWithPackage("shared.pkg"));
        nested.put(LIB + "right-1.0.jar", automaticWithPackage("shared.pkg"));
        failsWith(nested, ReloadStep.DEFINE_LAYER, "package shared.pkg is split between", "library left ("
                + LIB + "left-1.0.jar)", "library right (" + LIB + "right-1.0.jar)");
    }

    @Test
    void aPackageSplitBetweenALibraryAndThePluginIsRefused() throws Exception {
        failsWith(with(libraries(gsonOld()), LIB + "sneaky-1.0.jar", automaticWithPackage("alpha.impl")),
                ReloadStep.DEFINE_LAYER, "package alpha.impl is split between the plugin alpha and library sneaky ("
                        + LIB + "sneaky-1.0.jar)");
    }

    @Test
    void aPackageSplitBetweenALibraryAndTheHostsLayerIsRefused() throws Exception {
        failsWith(with(libraries(gsonOld()), LIB + "fake-api-1.0.jar", automaticWithPackage("io.hotswap.api")),
                ReloadStep.DEFINE_LAYER, "package io.hotswap.api of library fake.api (" + LIB + "fake-api-1.0.jar)",
                "also in module io.hotswap.api of the host's layer");
    }

    @Test
    void aLibraryRequiringAModuleThatNobodyProvidesIsRefused() throws Exception {
        Path nowhere = Files.write(work.resolve("nowhere.jar"), compile(Map.of(
                "module-info.java", "module nowhere.to.be.found { exports nowhere; }",
                "nowhere/N.java", "package nowhere; public class N { }")));
        byte[] needy = compile(Map.of(
                "module-info.java", "module needy { requires nowhere.to.be.found; exports needy; }",
                "needy/Needy.java", "package needy; public class Needy { nowhere.N n; }"), nowhere);
        failsWith(with(libraries(gsonOld()), LIB + "needy-1.0.jar", needy), ReloadStep.DEFINE_LAYER,
                "library needy (" + LIB + "needy-1.0.jar) requires nowhere.to.be.found", "neither in the bundle");
    }

    @Test
    void aNestedJarThatProvidesThePluginServiceIsRefused() throws Exception {
        Path other = plugin("stowaway").buildAs(work.resolve("stowaway.jar"), work);
        failsWith(with(libraries(gsonOld()), LIB + "stowaway.jar", Files.readAllBytes(other)), ReloadStep.DESCRIBE,
                LIB + "stowaway.jar", "(module stowaway) provides io.hotswap.api.Plugin", "a library cannot be a plugin");
    }

    @Test
    void aJarNestedInANestedJarIsRefused() throws Exception {
        byte[] outer = jar(Map.of("outer/Thing.class", text("x"), "lib/inner.jar", automaticWithPackage("inner")));
        failsWith(with(libraries(gsonOld()), LIB + "outer-1.0.jar", outer), ReloadStep.DESCRIBE,
                "nested jar " + LIB + "outer-1.0.jar holds another jar, lib/inner.jar");
    }

    @Test
    void anAutomaticLibraryWhoseNamesNoModuleCanHaveIsRefusedAtTheReadStep() throws Exception {
        // Found by JarReaderFuzzTest: ModuleDescriptor.Builder's IllegalArgumentException escaped the reader.
        byte[] service = jar(Map.of("svc/Impl.class", text("x"), "META-INF/services/svc.Not-A-Class", text("svc.Impl\n")));
        failsWith(with(libraries(gsonOld()), LIB + "odd-1.0.jar", service), ReloadStep.READ_JAR,
                LIB + "odd-1.0.jar", "cannot be an automatic module", "svc.Not-A-Class");
        byte[] keyword = automaticWithPackage("class");
        failsWith(with(libraries(gsonOld()), LIB + "keyword-1.0.jar", keyword), ReloadStep.READ_JAR,
                LIB + "keyword-1.0.jar", "cannot be an automatic module");
    }

    @Test
    void aFileInTheLibraryFolderThatIsNotAJarIsRefused() throws Exception {
        failsWith(with(libraries(gsonOld()), LIB + "README.txt", text("hello")), ReloadStep.DESCRIBE,
                LIB + "README.txt", "holds library jars only");
    }

    @Test
    void aJarInASubfolderOfTheLibraryFolderIsRefused() throws Exception {
        failsWith(with(Map.of(), LIB + "more/gson.jar", Files.readAllBytes(gsonOld())), ReloadStep.DESCRIBE,
                LIB + "more/gson.jar", "no subfolders");
    }

    @Test
    void anEntryNameThatEscapesTheBundleIsRefused() throws Exception {
        failsWith(with(libraries(gsonOld()), LIB + "../../evil.jar", automaticWithPackage("evil")), ReloadStep.READ_JAR,
                "has an entry whose name escapes the jar: " + LIB + "../../evil.jar");
    }

    @Test
    void anAbsoluteEntryNameInANestedJarIsRefused() throws Exception {
        byte[] lib = jar(Map.of("/etc/evil.class", text("x"), "ok/Thing.class", text("x")));
        failsWith(with(libraries(gsonOld()), LIB + "abs-1.0.jar", lib), ReloadStep.READ_JAR,
                LIB + "abs-1.0.jar", "escapes the jar: /etc/evil.class");
    }

    @Test
    void aDependentThatReadsALibraryItsDependencyDoesNotReExportIsRefused() throws Exception {
        // beta requires alpha and Gson but bundles none: it would read alpha's private copy
        plugin("beta").requires("alpha").requires("com.google.gson").invoke(GSON_INVOKE)
                .buildAs(dir.resolve("beta.jar"), modulePath(work, gsonOld(), alphaPlain));
        assertThatThrownBy(() -> swapper.reload(null))
                .isInstanceOfSatisfying(ResolveException.class, e -> {
                    assertThat(e.plugin()).contains("beta");
                    assertThat(e.step()).isEqualTo(ReloadStep.DEFINE_LAYER);
                })
                .hasMessageContaining("beta reads com.google.gson from the bundle of alpha, which alpha does not re-export:"
                        + " bundle beta's own copy, or have alpha 'requires transitive com.google.gson'");
        assertOldGenerationStillServes();
        assertThat(swapper.current().find("beta")).isEmpty();
    }
}
