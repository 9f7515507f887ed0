package io.hotswap.benchmarks.peers;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;

/**
 * A PF4J 3.15.0 host: a {@link JarPluginManager} on the plugin directory loads and starts every
 * plugin jar in it, the one {@code Supplier} extension is called once and its answer printed
 * ({@link FirstAnswer}); then the plugins are unloaded and the process exits.
 *
 * <p>Usage: {@code Pf4jHost <pluginDir>}.
 */
public final class Pf4jHost {

    private Pf4jHost() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Pf4jHost <pluginDir>");
        }
        Path dir = Path.of(args[0]);
        PluginManager manager = new JarPluginManager(dir);
        try {
            manager.loadPlugins();
            manager.startPlugins();
            @SuppressWarnings("rawtypes")
            List<Supplier> extensions = manager.getExtensions(Supplier.class);
            if (extensions.size() != 1) {
                throw new IllegalStateException("PF4J host: expected one Supplier extension among the plugins of " + dir
                        + ", found " + extensions.size() + " (plugins: " + manager.getPlugins() + ")");
            }
            System.out.println(FirstAnswer.line(extensions.get(0).get()));
        } finally {
            // unloadPlugins stops them first. (stopPlugins() of 3.15.0 can fail with a
            // ConcurrentModificationException; see Peers.)
            manager.unloadPlugins();
        }
    }
}
