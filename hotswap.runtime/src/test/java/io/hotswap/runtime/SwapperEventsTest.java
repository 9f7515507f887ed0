package io.hotswap.runtime;

import static io.hotswap.runtime.SwapperTestSupport.swapper;
import static io.hotswap.testkit.plugins.PluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hotswap.runtime.event.SwapperEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The swapper tells its attachments what happened, in order, after its reload lock is released. */
class SwapperEventsTest {

    @TempDir
    Path dir;

    @Test
    void attachmentsHearTheFirstLoadEachReloadADirectoryChangeAndTheCloseWithoutTheReloadLock() throws Exception {
        List<SwapperEvent> heard = new CopyOnWriteArrayList<>();
        List<Boolean> lockHeld = new CopyOnWriteArrayList<>();
        Swapper[] self = new Swapper[1];
        plugin("alpha").version("v1").buildInto(dir);
        Swapper swapper = swapper(dir).attach(event -> {
            heard.add(event);
            lockHeld.add(self[0].reloadLockHeld());
            if (event instanceof SwapperEvent.ReloadFinished) {
                // calling back into the swapper from an event is safe: the lock is free
                assertThat(self[0].status().generation()).isEqualTo(((SwapperEvent.ReloadFinished) event).generation());
            }
        }).build();
        self[0] = swapper;
        Path other = Files.createDirectories(dir.resolve("other"));

        swapper.loadPlugins(null);
        plugin("alpha").version("v2").buildInto(dir);
        swapper.reload(null);
        plugin("alpha").version("v3").throwIn("onLoad").buildInto(dir);
        assertThatThrownBy(() -> swapper.reload(null)).isInstanceOf(HookException.class);
        swapper.resetPluginDir(other);
        swapper.close();

        assertThat(heard).containsExactly(
                new SwapperEvent.FirstLoadDone(true),
                new SwapperEvent.ReloadFinished(2, true),
                new SwapperEvent.ReloadFinished(2, false),
                new SwapperEvent.PluginDirChanged(dir, other),
                new SwapperEvent.Closing());
        assertThat(lockHeld).containsOnly(false);
    }

    @Test
    void anAttachmentThatThrowsDoesNotReachTheCallerNorStopTheOthers() {
        plugin("alpha").buildInto(dir);
        List<SwapperEvent> second = new CopyOnWriteArrayList<>();
        try (Swapper swapper = swapper(dir).attach(event -> {
            throw new IllegalStateException("a broken attachment");
        }).attach(second::add).build()) {
            swapper.loadPlugins(null);
        }
        assertThat(second).containsExactly(new SwapperEvent.FirstLoadDone(true), new SwapperEvent.Closing());
    }
}
