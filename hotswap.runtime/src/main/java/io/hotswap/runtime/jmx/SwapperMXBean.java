package io.hotswap.runtime.jmx;

import java.util.List;

/**
 * The JMX view of a swapper built with {@code .jmx(true)}, registered in the platform MBean
 * server as {@code io.hotswap:type=Swapper,name=<host>} (the host name quoted with
 * {@link javax.management.ObjectName#quote(String)} unless it is made of letters, digits,
 * {@code .}, {@code _} and {@code -} only). Its status figures are read-only attributes, taken
 * fresh on every read; {@link #reload()} and {@link #leakPaths()} are its operations.
 *
 * <p>Every attribute and result is a JDK type (strings, numbers, booleans, string arrays for the
 * lists), so a client needs no hotswap class: jconsole, VisualVM, jmxterm or a program of its own
 * with {@link javax.management.MBeanServerConnection#getAttribute} and
 * {@link javax.management.MBeanServerConnection#invoke}. A Java client may also make a proxy with
 * {@link javax.management.JMX#newMXBeanProxy}.
 *
 * <p>The attribute names are the getters' without {@code get} or {@code is}: {@code Name},
 * {@code PluginDir}, {@code Generation}, {@code ReloadCounter}, {@code StaticLinking},
 * {@code Plugins}, {@code Retired}, {@code Freed}, {@code Collected}, {@code Leaked} and
 * {@code Leaks}.
 *
 * @since 0.1
 */
public interface SwapperMXBean {

    /**
     * The host's name, the one {@code hotswap reload --host} finds it by.
     *
     * @since 0.1
     */
    String getName();

    /**
     * The plugin directory the next reload reads, as the host named it.
     *
     * @since 0.1
     */
    String getPluginDir();

    /**
     * The number of the current generation: 0 before the first load, one more on every successful
     * load or reload.
     *
     * @since 0.1
     */
    long getGeneration();

    /**
     * Successful reloads so far.
     *
     * @since 0.1
     */
    long getReloadCounter();

    /**
     * Whether the plugins come from the host's own module path (static linking, for a debugger):
     * such a swapper refuses to reload.
     *
     * @since 0.1
     */
    boolean isStaticLinking();

    /**
     * The current generation's plugins, in dependency order, each as {@code name version}, the
     * version being the descriptor's if any, then the jar's short hash:
     * {@code world 1.2 sha256:0123456789ab}.
     *
     * @since 0.1
     */
    List<String> getPlugins();

    /**
     * Replaced generations not freed yet: calls into them still running, or their free delay not
     * passed.
     *
     * @since 0.1
     */
    int getRetired();

    /**
     * Plugin versions whose {@code onFree} ran.
     *
     * @since 0.1
     */
    long getFreed();

    /**
     * Freed plugin versions whose layer was garbage-collected.
     *
     * @since 0.1
     */
    long getCollected();

    /**
     * Freed plugin versions still reachable past the leak threshold (some GC cycles and a minimum
     * age after {@code onFree}).
     *
     * @since 0.1
     */
    int getLeaked();

    /**
     * One line per leaked version: plugin, version, how long it has been alive after
     * {@code onFree}, and the threads found holding it.
     *
     * @since 0.1
     */
    List<String> getLeaks();

    /**
     * Reloads the plugin directory with the data the host last loaded with, as
     * {@code hotswap reload} does; returns when the new generation serves.
     *
     * @return the details: {@code generation <n> in <ms> ms:} and the outcome of each plugin,
     *         {@code name=OK} and the like
     * @throws IllegalStateException with the plugin, step and cause if the reload failed (and no
     *         cause attached, so that any client can read it); the old generation keeps serving
     * @since 0.1
     */
    String reload();

    /**
     * What holds each leaked version, one line per version: plugin, version and the shortest chain
     * of references from a GC root to its class loader, e.g. {@code acc.leaky 1.0 sha256:0123456789ab:
     * static field io.host.Registry.LISTENERS -> java.util.ArrayList.elementData ->
     * java.lang.Object[] [0] -> acc.leaky.Listener -> class acc.leaky.Listener -> class loader
     * plugin-acc.leaky@0123456789ab#1}. Costly: it dumps the live heap (into the endpoint's
     * owner-only directory), reads the dump and deletes it; the plugins keep serving meanwhile.
     *
     * @return one line per leaked version; none when nothing leaked
     * @throws IllegalStateException if the heap could not be dumped or read (no cause attached)
     * @since 0.2
     */
    List<String> leakPaths();
}
