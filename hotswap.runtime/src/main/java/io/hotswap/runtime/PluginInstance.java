package io.hotswap.runtime;

import io.hotswap.api.Plugin;
import io.hotswap.runtime.jar.PluginJar;
import io.hotswap.runtime.layer.DefinedLayer;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;

/**
 * The live part of one plugin version: its plugin object, its layer (none for a statically
 * linked plugin, whose module is in the host's layer) and the jar it was made from, which the next
 * reload reuses while the file is unchanged. It is what freeing drops; its hooks run
 * with the version's loader as the thread's context class loader, so that what the plugin starts
 * from a hook is attributed to it.
 *
 * @param jar what the version was made from: the jar its loader reads, no more memory than that;
 *            kept so that a reload that skips a rejected file can carry this version over
 */
record PluginInstance(Plugin plugin, Optional<DefinedLayer> layer, PluginJar jar) {

    /** The same instance, its jar {@code again}: the jar read again from its file, found unchanged. */
    PluginInstance withJar(PluginJar again) {
        return new PluginInstance(plugin, layer, again);
    }

    ClassLoader loader() {
        return layer.<ClassLoader>map(DefinedLayer::loader).orElseGet(() -> plugin.getClass().getClassLoader());
    }

    /** Runs one hook with the version's loader as the thread's context class loader. */
    <T> T call(Callable<T> hook) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader());
        try {
            return hook.call();
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    /**
     * Calls {@code onFree} if {@code hooksRan} (a plugin that never loaded is not told it is
     * freed), then lets the layer drop its bytes. Returns the layer, for the leak watch.
     */
    Optional<DefinedLayer> free(boolean hooksRan, Logger log, String name, String version) {
        if (hooksRan) {
            try {
                call(() -> {
                    plugin.onFree();
                    return null;
                });
            } catch (Throwable t) {
                log.warn("Plugin {} ({}): onFree() threw; freeing it anyway", name, version, t);
            }
        }
        layer.ifPresent(DefinedLayer::close);
        return layer;
    }
}
