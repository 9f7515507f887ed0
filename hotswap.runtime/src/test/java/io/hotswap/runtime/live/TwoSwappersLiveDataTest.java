package io.hotswap.runtime.live;

import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.api.LiveData;
import io.hotswap.api.LiveTypes;
import io.hotswap.api.Vault;
import io.hotswap.runtime.Swapper;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two swappers in one JVM whose plugins clash in everything a live type has: the same plugin
 * name, the same class name, the same live name ({@code live_Ticket}), but different fields. Each
 * swapper captures and restores its own; neither sees the other's.
 */
class TwoSwappersLiveDataTest {

    @TempDir
    Path root;

    /**
     * Plugin {@code tickets}: the record {@code tickets.impl.live_Ticket(components)}, and in the
     * data bag a function that makes one and captures it through the plugin's own vault.
     */
    private Path tickets(String dir, String version, String components, String newTicket) throws IOException {
        Path pluginDir = Files.createDirectories(root.resolve(dir));
        plugin("tickets").version(version)
                .source("tickets/impl/live_Ticket.java", "package tickets.impl; public record live_Ticket(" + components + ") { }")
                .members("private volatile io.hotswap.api.LiveTypes types;")
                .onInit("""
                        types = vault.liveTypes();
                        java.util.function.Function<String, io.hotswap.api.LiveData> ticket =
                                id -> types.capture(new live_Ticket(%s));
                        vault.dataBag().put("ticket", ticket);
                        """.formatted(newTicket))
                .buildInto(pluginDir);
        return pluginDir;
    }

    private static Swapper swapper(Path dir, String name) {
        return Swapper.builder(dir).name(name).freeDelay(Duration.ZERO).build();
    }

    /** Live data captured by the plugin itself, through its generation's vault. */
    @SuppressWarnings("unchecked")
    private static LiveData ticket(Vault vault, String id) {
        return ((Function<String, LiveData>) vault.dataBag().get("ticket")).apply(id);
    }

    private static Class<?> ticketClass(Vault vault) {
        return vault.liveTypes().find("live_Ticket").orElseThrow();
    }

    @Test
    void twoSwappersWithTheSameLiveTypeNameEachCaptureAndRestoreTheirOwn() throws IOException {
        Path dirA = tickets("a", "a1", "String id, int seats", "id, 2");
        Path dirB = tickets("b", "b1", "String id, String desk", "id, \"front\"");
        try (Swapper a = swapper(dirA, "a"); Swapper b = swapper(dirB, "b")) {
            a.loadPlugins(null);
            b.loadPlugins(null);
            Vault vaultA = a.current().vault();
            Vault vaultB = b.current().vault();
            assertThat(ticketClass(vaultA).getName()).isEqualTo(ticketClass(vaultB).getName());
            assertThat(ticketClass(vaultA)).isNotSameAs(ticketClass(vaultB));

            LiveData fromA = ticket(vaultA, "a-1");
            LiveData fromB = ticket(vaultB, "b-1");
            Object inB = vaultB.liveTypes().restore(fromB);
            Object inA = vaultA.liveTypes().restore(fromA);

            assertThat(fromA).hasToString("live_Ticket{id=a-1, seats=2}");
            assertThat(fromB).hasToString("live_Ticket{id=b-1, desk=front}");
            assertThat(inA.getClass()).isSameAs(ticketClass(vaultA));
            assertThat(inB.getClass()).isSameAs(ticketClass(vaultB));
            assertThat(vaultA.liveTypes().capture(inA)).isEqualTo(fromA);
            assertThat(vaultB.liveTypes().capture(inB)).isEqualTo(fromB);
            // Neither swapper takes the other's class for its live type of the same name.
            assertThatThrownBy(() -> vaultA.liveTypes().capture(inB))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LiveData cannot hold value of type tickets.impl.live_Ticket");
            assertThatThrownBy(() -> vaultB.liveTypes().capture(List.of(inA)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("LiveData cannot hold value[0] of type tickets.impl.live_Ticket");

            // A reloads; B, untouched, still captures and restores its own.
            tickets("a", "a2", "String id, int seats, boolean vip", "id, 3, true");
            a.reload(null);
            Vault vaultA2 = a.current().vault();
            LiveData fromB2 = ticket(vaultB, "b-2");
            Object oldInA2 = vaultA2.liveTypes().restore(fromA);
            Object inB2 = vaultB.liveTypes().restore(fromB2);
            LiveData fromA2 = ticket(vaultA2, "a-2");

            assertThat(oldInA2.getClass()).isSameAs(ticketClass(vaultA2)).isNotSameAs(inA.getClass());
            assertThat(vaultA2.liveTypes().capture(oldInA2)).hasToString("live_Ticket{id=a-1, seats=2, vip=false}");
            assertThat(fromA2).hasToString("live_Ticket{id=a-2, seats=3, vip=true}");
            assertThat(inB2.getClass()).isSameAs(inB.getClass());
            assertThat(vaultB.liveTypes().capture(inB2)).isEqualTo(fromB2).hasToString("live_Ticket{id=b-2, desk=front}");
        }
    }

    @Test
    void twoCopiesOfTheRuntimeInOneJvmKeepTheirLiveTypesApart() throws Exception {
        Path dirA = tickets("a", "a1", "String id, int seats", "id, 2");
        Path dirB = tickets("b", "b1", "String id, String desk", "id, \"front\"");
        // A second io.hotswap.runtime in a layer of its own, sharing this one's API module, as a
        // host that embeds the runtime in a layer of its own would.
        ModuleLayer boot = ModuleLayer.boot();
        Path runtime = Path.of(boot.configuration().findModule("io.hotswap.runtime").orElseThrow()
                .reference().location().orElseThrow());
        Configuration cf = boot.configuration().resolve(ModuleFinder.of(runtime), ModuleFinder.of(), Set.of("io.hotswap.runtime"));
        ModuleLayer copy = boot.defineModulesWithOneLoader(cf, ClassLoader.getSystemClassLoader());
        Class<?> copySwapper = copy.findLoader("io.hotswap.runtime").loadClass("io.hotswap.runtime.Swapper");
        assertThat(copySwapper).isNotSameAs(Swapper.class);
        assertThat(copySwapper.getModule().getLayer()).isSameAs(copy);

        try (Swapper a = swapper(dirA, "a")) {
            a.loadPlugins(null);
            Object builder = copySwapper.getMethod("builder", Path.class).invoke(null, dirB);
            builder.getClass().getMethod("name", String.class).invoke(builder, "b");
            builder.getClass().getMethod("freeDelay", Duration.class).invoke(builder, Duration.ZERO);
            try (AutoCloseable b = (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
                copySwapper.getMethod("loadPlugins", Object.class).invoke(b, (Object) null);
                Object generation = copySwapper.getMethod("current").invoke(b);
                Vault vaultB = (Vault) generation.getClass().getMethod("vault").invoke(generation);
                Vault vaultA = a.current().vault();

                // A's plugin captures after the second runtime bound B's: interleaved.
                LiveData fromA = ticket(vaultA, "a-1");
                LiveData fromB = ticket(vaultB, "b-1");
                LiveTypes typesA = vaultA.liveTypes();
                LiveTypes typesB = vaultB.liveTypes();
                Object inA = typesA.restore(fromA);
                Object inB = typesB.restore(fromB);

                assertThat(Map.of("a", fromA.toString(), "b", fromB.toString())).isEqualTo(Map.of(
                        "a", "live_Ticket{id=a-1, seats=2}", "b", "live_Ticket{id=b-1, desk=front}"));
                assertThat(inA.getClass()).isSameAs(ticketClass(vaultA));
                assertThat(inB.getClass()).isSameAs(ticketClass(vaultB)).isNotSameAs(inA.getClass());
                assertThat(typesA.capture(inA)).isEqualTo(fromA);
                assertThat(typesB.capture(inB)).isEqualTo(fromB);
            }
        }
    }
}
