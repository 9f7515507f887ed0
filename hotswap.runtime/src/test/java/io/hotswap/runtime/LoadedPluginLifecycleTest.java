package io.hotswap.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.JarEntries;
import io.hotswap.runtime.jar.PluginJar;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A loaded plugin owns its lifecycle: each transition refuses the wrong starting state, naming both. */
class LoadedPluginLifecycleTest {

    private final AtomicInteger frees = new AtomicInteger();

    private LoadedPlugin loaded() {
        Plugin plugin = new Plugin() {
            @Override
            public void onFree() {
                frees.incrementAndGet();
            }
        };
        PluginJar jar = new PluginJar(Path.of("alpha.jar"), "ab".repeat(32),
                ModuleDescriptor.newModule("alpha").packages(java.util.Set.of("alpha.impl")).build(), JarEntries.none());
        return new LoadedPlugin(jar, 1, List.of(), new PluginInstance(plugin, Optional.empty(), jar), true, "exported");
    }

    @Test
    void aPluginGoesFromLoadedToLiveToFreedAndOnFreeRunsOnce() throws Exception {
        LoadedPlugin p = loaded();
        assertThat(p.state()).isEqualTo(PluginState.LOADED);
        assertThat(p.initHook(() -> "init")).isEqualTo("init");

        p.hold();
        p.hold(); // carried into a second generation
        assertThat(p.state()).isEqualTo(PluginState.LIVE);
        assertThat(p.release()).as("one generation still holds it").isFalse();
        assertThat(p.release()).as("the last holder").isTrue();
        p.free(LoggerFactory.getLogger(getClass()));

        assertThat(p.state()).isEqualTo(PluginState.FREED);
        assertThat(frees.get()).isEqualTo(1);
        assertThat(p.export()).as("a freed plugin pins nothing").isNull();
        assertThatThrownBy(p::plugin).isInstanceOf(IllegalStateException.class).hasMessageContaining("was freed");
    }

    @Test
    void onInitOnALivePluginIsRefusedWithTheExpectedAndActualState() {
        LoadedPlugin p = loaded();
        p.hold();
        assertThatThrownBy(() -> p.initHook(() -> null)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Plugin alpha (sha256:abababababab) cannot run onInit() when it is LIVE; expected LOADED");
    }

    @Test
    void aFreedPluginCannotBeFreedHeldOrInitialisedAgain() {
        LoadedPlugin p = loaded();
        p.free(LoggerFactory.getLogger(getClass()));

        assertThatThrownBy(() -> p.free(LoggerFactory.getLogger(getClass()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be freed when it is FREED; expected [LOADED, LIVE]");
        assertThatThrownBy(p::hold).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be held by a generation when it is FREED");
        assertThatThrownBy(() -> p.initHook(() -> null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("when it is FREED; expected LOADED");
        assertThat(frees.get()).as("onFree ran once").isEqualTo(1);
    }

    @Test
    void aPluginStillHeldByAGenerationCannotBeFreed() {
        LoadedPlugin p = loaded();
        p.hold();
        assertThatThrownBy(() -> p.free(LoggerFactory.getLogger(getClass()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be freed: 1 generation(s) still hold it");
        assertThat(p.state()).isEqualTo(PluginState.LIVE);
        assertThat(frees.get()).isZero();
    }

    @Test
    void aPluginThatNoGenerationHoldsCannotBeReleased() {
        LoadedPlugin p = loaded();
        assertThatThrownBy(p::release).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot be released by a generation when it is LOADED; expected LIVE");
    }
}
