package io.hotswap.testkit;

import io.hotswap.runtime.LeakReport;
import io.hotswap.runtime.ReloadDetails;
import io.hotswap.runtime.Swapper;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What one {@link PluginTestHost#load load or reload} replaced or removed, and the reload's
 * details. The versions are held weakly: this value never keeps one alive.
 *
 * @param details  the reload's details, as {@link Swapper#reload} returns them
 * @param versions the plugin versions that stopped being current
 */
public record Replaced(Swapper swapper, ReloadDetails details, List<Version> versions) {

    /** The default bound of {@link #assertCollected()}: generous, so that a loaded machine passes. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    /** How often {@link #assertCollected} looks again. */
    private static final Duration POLL = Duration.ofMillis(20);

    public Replaced {
        versions = List.copyOf(versions);
    }

    /**
     * One replaced plugin version.
     *
     * @param loader its class loader, weakly
     */
    public record Version(String plugin, String version, String sha256, WeakReference<ClassLoader> loader) {

        @Override
        public String toString() {
            return plugin + " " + version;
        }
    }

    /** {@link #assertCollected(Duration)} within {@link #DEFAULT_WAIT}. */
    public Replaced assertCollected() {
        return assertCollected(DEFAULT_WAIT);
    }

    /**
     * Waits until every replaced version's class loader was garbage-collected (its {@code onFree}
     * ran before), asking for collections meanwhile; fails naming each version still alive and
     * what the runtime's leak watch found holding it.
     *
     * @throws AssertionError if a version is still reachable after {@code within}
     */
    public Replaced assertCollected(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Version> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() - deadline < 0) {
            // A test host may nudge the collector; the runtime's watch proves the rest by itself.
            System.gc();
            LockSupport.parkNanos(POLL.toNanos());
            alive = alive();
        }
        if (!alive.isEmpty()) {
            throw new AssertionError(message(alive, within));
        }
        return this;
    }

    private List<Version> alive() {
        List<Version> alive = new ArrayList<>();
        for (Version v : versions) {
            if (v.loader().get() != null) {
                alive.add(v);
            }
        }
        return alive;
    }

    private String message(List<Version> alive, Duration within) {
        StringBuilder sb = new StringBuilder();
        List<LeakReport> leaks = swapper.status().leaks();
        for (Version v : alive) {
            sb.append(sb.isEmpty() ? "" : "\n").append(v).append(" (sha256 ").append(v.sha256(), 0, 12)
                    .append(") was replaced but is still reachable after ").append(within.toMillis()).append(" ms");
            List<String> holders = leaks.stream().filter(l -> l.plugin().equals(v.plugin()) && l.version().equals(v.version()))
                    .flatMap(l -> l.threads().stream()).toList();
            if (!holders.isEmpty()) {
                sb.append(": held by ").append(String.join("; ", holders));
            } else {
                sb.append(": no thread holds it; look for a static field, a ThreadLocal or a registry of the host"
                        + " that keeps one of its objects or classes (a heap dump shows the path)");
            }
        }
        return sb.toString();
    }
}
