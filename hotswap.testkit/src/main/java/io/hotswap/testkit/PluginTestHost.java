package io.hotswap.testkit;

import io.hotswap.runtime.Generation;
import io.hotswap.runtime.PluginHandle;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A host for a plugin's tests: a {@link Swapper} on a plugin directory of the test's own, set up
 * as a test wants it (no free delay, a leak check every 100 ms, no management endpoint, JMX or
 * file watch). Jars are copied in atomically, as {@code hotswap build} writes them, and each
 * {@link #load} or {@link #reload} returns what it replaced, so that the test can assert the old
 * versions left memory:
 *
 * <pre>{@code
 * try (PluginTestHost host = PluginTestHost.start(tempDir)) {
 *     host.load(Path.of("target/greeter-1.jar"));
 *     assertEquals("hello", host.call("greeter", "greet"));
 *     host.reload(Path.of("target/greeter-2.jar")).assertCollected();
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one test drives it. The swapper itself is, and {@link #swapper()} gives it
 * to code under test.
 */
public final class PluginTestHost implements AutoCloseable {

    private final Path pluginDir;
    private final Swapper swapper;
    private boolean loaded;

    private PluginTestHost(Path pluginDir, Swapper swapper) {
        this.pluginDir = pluginDir;
        this.swapper = swapper;
    }

    /** A host on {@code dir/plugins} (created), with the test defaults. */
    public static PluginTestHost start(Path dir) {
        return start(dir, UnaryOperator.identity());
    }

    /** A host on {@code dir/plugins} (created), with the test defaults changed by {@code configure}. */
    public static PluginTestHost start(Path dir, UnaryOperator<Swapper.Builder> configure) {
        Path plugins = dir.resolve("plugins");
        try {
            Files.createDirectories(plugins);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin directory " + plugins, e);
        }
        Swapper.Builder builder = Swapper.builder(plugins)
                .name("testkit-" + dir.getFileName())
                .freeDelay(Duration.ZERO)
                .leakCheckInterval(Duration.ofMillis(100));
        return new PluginTestHost(plugins, configure.apply(builder).build());
    }

    /**
     * Copies {@code jars} into the plugin directory (each replacing the file of its name) and
     * loads or reloads; @return the versions this replaced or removed
     *
     * @throws io.hotswap.runtime.ReloadException if the reload fails; the versions running before
     *         stay current and serving
     */
    public Replaced load(Path... jars) {
        for (Path jar : jars) {
            copy(jar, pluginDir.resolve(jar.getFileName()));
        }
        return swap();
    }

    /** The same as {@link #load}: the name says what the test means. */
    public Replaced reload(Path... jars) {
        return load(jars);
    }

    /**
     * Copies {@code jar} into the plugin directory as {@code <plugin>.jar} and reloads: a new
     * version of a plugin whose jar was written elsewhere under another name
     * ({@code greeter-2.jar}).
     */
    public Replaced reloadAs(String plugin, Path jar) {
        copy(jar, pluginDir.resolve(plugin + ".jar"));
        return swap();
    }

    /** Deletes {@code <plugin>.jar} from the plugin directory and reloads; @return the version removed */
    public Replaced remove(String plugin) {
        try {
            Files.deleteIfExists(pluginDir.resolve(plugin + ".jar"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + plugin + ".jar from " + pluginDir, e);
        }
        return swap();
    }

    /** {@code invokeFunc(function, params)} on the current version of {@code plugin}. */
    public Object call(String plugin, String function, Object... params) throws Exception {
        PluginHandle handle = swapper.current().find(plugin)
                .orElseThrow(() -> new AssertionError("no plugin " + plugin + " is loaded; loaded: " + names(swapper.current())));
        return handle.invokeFunc(function, params);
    }

    /** The swapper, for code under test that takes one. */
    public Swapper swapper() {
        return swapper;
    }

    /** The plugin directory the swapper reads. */
    public Path pluginDir() {
        return pluginDir;
    }

    @Override
    public void close() {
        swapper.close();
    }

    private Replaced swap() {
        // Weak references only, taken before the swap: the kit must not itself keep alive what
        // it is to prove gone.
        List<Replaced.Version> before = new ArrayList<>();
        for (PluginHandle h : swapper.current().plugins()) {
            before.add(new Replaced.Version(h.name(), h.version(), h.sha256(),
                    new WeakReference<>(h.plugin().getClass().getClassLoader())));
        }
        ReloadDetails details;
        if (loaded) {
            details = swapper.reload(null);
        } else {
            details = swapper.loadPlugins(null);
            loaded = true;
        }
        Generation now = swapper.current();
        List<Replaced.Version> replaced = new ArrayList<>();
        for (Replaced.Version v : before) {
            boolean running = now.find(v.plugin()).map(h -> h.sha256().equals(v.sha256())
                    && h.plugin().getClass().getClassLoader() == v.loader().get()).orElse(false);
            if (!running) {
                replaced.add(v);
            }
        }
        return new Replaced(swapper, details, replaced);
    }

    private static void copy(Path jar, Path target) {
        try {
            // Through a file the swapper ignores (not *.jar), then one atomic rename.
            Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + jar + " into " + target.getParent(), e);
        }
    }

    private static List<String> names(Generation g) {
        return g.plugins().stream().map(PluginHandle::name).toList();
    }
}
