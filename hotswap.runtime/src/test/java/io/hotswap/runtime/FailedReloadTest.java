package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.call;
import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.fixtures.Events;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every way a reload can fail leaves the previous generation current and serving, frees the new
 * plugins whose hooks ran, and names the plugin, the step and the cause.
 */
class FailedReloadTest {

    @TempDir
    Path dir;

    private final Events events = new Events();
    private Swapper swapper;

    @BeforeEach
    void loadVersionOne() {
        plugin("alpha").version("v1").buildInto(dir);
        swapper = swapper(dir).build();
        swapper.loadPlugins(null);
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        swapper.close();
    }

    private void assertOldGenerationStillServes() throws Exception {
        assertThat(swapper.current().number()).isEqualTo(1);
        assertThat(call(swapper, "alpha")).isEqualTo("alpha:version:v1");
        assertThat(swapper.reloadCounter()).isZero();
        assertThat(events.count("alpha:onFree:v1")).isZero();
    }

    @Nested
    class InAHook {

        @ParameterizedTest(name = "{0}")
        @CsvSource({"reloadable, RELOADABLE", "export, EXPORT", "imports, IMPORTS", "onLoad, ON_LOAD", "onInit, ON_INIT"})
        void aThrowingHookFailsTheReloadAndFreesTheNewPlugin(String hook, ReloadStep step) throws Exception {
            plugin("alpha").version("v2").throwIn(hook).buildInto(dir);

            assertThatThrownBy(() -> swapper.reload(null))
                    .isInstanceOfSatisfying(HookException.class, e -> {
                        assertThat(e.plugin()).contains("alpha");
                        assertThat(e.step()).isEqualTo(step);
                        assertThat(e.getCause()).hasMessage("boom in " + hook);
                    })
                    .hasMessageContaining("Plugin alpha failed at step '" + step.label() + "'")
                    .hasMessageContaining("boom in " + hook);

            assertOldGenerationStillServes();
            assertThat(events.count("alpha:onFree:v2")).isEqualTo(1);
        }

        @Test
        void aFailureInOnePluginFreesTheOtherNewPluginsToo() throws Exception {
            plugin("beta").version("v1").buildInto(dir);
            plugin("gamma").version("v1").throwIn("onInit").buildInto(dir);

            assertThatThrownBy(() -> swapper.reload(null)).isInstanceOf(HookException.class)
                    .hasMessageContaining("Plugin gamma failed at step 'onInit()'");

            assertOldGenerationStillServes();
            assertThat(events.all()).containsSubsequence("gamma:onFree:v1", "beta:onFree:v1");
            assertThat(swapper.current().find("beta")).isEmpty();
        }

        @Test
        void theHostsCallbackCanVetoTheSwap() throws Exception {
            swapper.close();
            swapper = swapper(dir).reloadCallback((next, previous) -> next.number() == 1).build();
            swapper.loadPlugins(null);
            events.clear(); // the first swapper's close freed its v1
            plugin("alpha").version("v2").buildInto(dir);

            assertThatThrownBy(() -> swapper.reload(null))
                    .isInstanceOfSatisfying(SwapException.class, e -> assertThat(e.step()).isEqualTo(ReloadStep.CALLBACK))
                    .hasMessageContaining("vetoed generation 2");

            assertOldGenerationStillServes();
            assertThat(events.count("alpha:onFree:v2")).isEqualTo(1);
        }

        @Test
        void aThrowingCallbackIsAVetoWithItsCause() throws Exception {
            swapper.close();
            swapper = swapper(dir).reloadCallback((next, previous) -> {
                if (next.number() > 1) {
                    throw new IllegalStateException("not now");
                }
                return true;
            }).build();
            swapper.loadPlugins(null);
            events.clear(); // the first swapper's close freed its v1
            plugin("alpha").version("v2").buildInto(dir);

            assertThatThrownBy(() -> swapper.reload(null)).isInstanceOf(SwapException.class)
                    .hasMessageContaining("reload callback threw").hasRootCauseMessage("not now");
            assertOldGenerationStillServes();
        }

        @Test
        void aThrowingExtensionFactoryFailsTheVaultStep() throws Exception {
            swapper.close();
            int[] made = {0};
            swapper = swapper(dir).extensionFactory(() -> {
                if (made[0]++ > 0) {
                    throw new IllegalStateException("no more");
                }
                return new Object();
            }).build();
            swapper.loadPlugins(null);
            events.clear(); // the first swapper's close freed its v1
            plugin("alpha").version("v2").buildInto(dir);

            assertThatThrownBy(() -> swapper.reload(null))
                    .isInstanceOfSatisfying(SwapException.class, e -> assertThat(e.step()).isEqualTo(ReloadStep.VAULT));
            assertOldGenerationStillServes();
        }
    }

    @Nested
    class InTheDirectory {

        private void assertFailsWith(Class<? extends ReloadException> type, ReloadStep step, String message)
                throws Exception {
            ThrowingCallable reload = () -> swapper.reload(null);
            assertThatThrownBy(reload).isInstanceOfSatisfying(type, e -> assertThat(e.step()).isEqualTo(step))
                    .hasMessageContaining(message);
            assertOldGenerationStillServes();
        }

        @Test
        void aCorruptJar() throws Exception {
            Files.write(dir.resolve("broken.jar"), "this is not a zip file".getBytes());
            assertFailsWith(ResolveException.class, ReloadStep.READ_JAR, "broken.jar is not a valid jar");
        }

        @Test
        void aTruncatedJar() throws Exception {
            byte[] whole = Files.readAllBytes(plugin("beta").buildInto(dir));
            Files.write(dir.resolve("beta.jar"), Arrays.copyOf(whole, whole.length / 2));
            assertFailsWith(ResolveException.class, ReloadStep.READ_JAR, "beta.jar");
        }

        @Test
        void aJarWithADamagedClassFailsAtTheReadStepNotAtAClassLoad() throws Exception {
            byte[] jar = Files.readAllBytes(plugin("beta").buildInto(dir));
            // Break the checksum of one class in the central directory: the directory still reads,
            // and the module descriptor too; only inflating the class finds it.
            java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(jar).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            int damaged = 0;
            for (int at = 0; at + 46 < jar.length && damaged == 0; at++) {
                if (b.getInt(at) == 0x02014b50) {
                    String name = new String(jar, at + 46, b.getShort(at + 28), java.nio.charset.StandardCharsets.UTF_8);
                    if (name.endsWith(".class") && !name.equals("module-info.class")) {
                        b.putInt(at + 16, b.getInt(at + 16) ^ 1);
                        damaged = at;
                    }
                }
            }
            assertThat(damaged).as("a class entry in the central directory").isPositive();
            Files.write(dir.resolve("beta.jar"), jar);

            assertFailsWith(ResolveException.class, ReloadStep.READ_JAR, "fails its CRC check");
            assertThatThrownBy(() -> swapper.reload(null)).isInstanceOfSatisfying(ResolveException.class,
                    e -> assertThat(e.plugin()).contains("beta"));
        }

        @Test
        void anAutomaticModule() throws Exception {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(dir.resolve("plain.jar")))) {
                out.putNextEntry(new JarEntry("plain/Thing.class"));
                out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
                out.closeEntry();
            }
            assertFailsWith(ResolveException.class, ReloadStep.READ_JAR, "not an automatic one");
        }

        @Test
        void aModuleWithNoProvider() throws Exception {
            plugin("beta").noProvider().buildInto(dir);
            assertFailsWith(ResolveException.class, ReloadStep.DESCRIBE, "with exactly one implementation, it provides 0");
        }

        @Test
        void aMalformedJarFailsTheReloadBeforeAnyPluginCodeRuns() throws Exception {
            plugin("aardvark").buildInto(dir); // new and valid, and first in dependency order
            plugin("beta").noProvider().buildInto(dir);

            assertFailsWith(ResolveException.class, ReloadStep.DESCRIBE, "Plugin beta must provide");
            assertThat(events.of("aardvark")).isEmpty();
        }

        @Test
        void aModuleWithTwoProviders() throws Exception {
            plugin("beta").twoProviders().buildInto(dir);
            assertFailsWith(ResolveException.class, ReloadStep.DESCRIBE, "it provides 2");
        }

        @Test
        void theSameModuleInTwoJars() throws Exception {
            plugin("alpha").version("v2").buildAs(dir.resolve("alpha-copy.jar"), dir);
            assertFailsWith(ResolveException.class, ReloadStep.DESCRIBE, "Plugin alpha is in two jars");
        }

        @Test
        void aSplitPackageBetweenAPluginAndItsDependency(@TempDir Path elsewhere) throws Exception {
            // beta is compiled against an alpha that keeps alpha.api to itself, so javac lets beta
            // have its own alpha.api; at run time the real alpha exports alpha.api to beta.
            plugin("alpha").version("v2").source("alpha/api/Api.java", "package alpha.api; public interface Api { }")
                    .buildInto(elsewhere);
            plugin("beta").requires("alpha").source("alpha/api/Mine.java", "package alpha.api; public class Mine { }")
                    .buildAs(dir.resolve("beta.jar"), elsewhere);
            plugin("alpha").version("v2").source("alpha/api/Api.java", "package alpha.api; public interface Api { }")
                    .moduleLine("exports alpha.api;").buildInto(dir);

            assertFailsWith(ResolveException.class, ReloadStep.DEFINE_LAYER, "alpha.api");
            assertThat(events.count("alpha:onFree:v2")).isEqualTo(1);
        }

        @Test
        void aMissingPluginDirectory() throws Exception {
            Path gone = dir.resolve("gone");
            Files.createDirectory(gone);
            swapper.resetPluginDir(gone);
            Files.delete(gone);
            assertFailsWith(ResolveException.class, ReloadStep.READ_JAR, "cannot list plugin directory");
        }
    }
}
