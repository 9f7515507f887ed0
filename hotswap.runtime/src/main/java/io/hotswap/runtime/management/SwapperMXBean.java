package io.hotswap.runtime.management;

import java.util.List;

/**
 * The JMX view of a swapper, registered as {@code io.hotswap:type=Swapper,name=<host>}: status
 * figures as attributes, {@link #reload()} as an operation. Only JDK types, so jconsole and
 * VisualVM show it without the runtime on their class path.
 */
public interface SwapperMXBean {

    String getName();

    String getPluginDir();

    long getGeneration();

    long getReloadCounter();

    boolean isStaticLinking();

    /** The current plugins, in dependency order, as {@code name version}. */
    List<String> getPlugins();

    /** Replaced generations not freed yet. */
    int getRetired();

    /** Plugin versions whose {@code onFree} ran. */
    long getFreed();

    /** Freed versions whose layer was garbage-collected. */
    long getCollected();

    /** Freed versions still reachable past the leak threshold. */
    int getLeaked();

    /** One line per leaked version: plugin, version, age and the threads found holding it. */
    List<String> getLeaks();

    /**
     * Reloads the plugin directory.
     *
     * @return the details, as {@code ReloadDetails.toString()}
     * @throws IllegalStateException with the plugin, step and cause if the reload failed; the old
     *         generation keeps serving
     */
    String reload();
}
