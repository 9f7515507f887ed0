package io.hotswap.runtime;

import io.hotswap.runtime.jfr.Jfr;
import io.hotswap.runtime.jfr.LeakEvent;
import io.hotswap.runtime.layer.DefinedLayer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Keeps a weak handle on every freed layer and tells which were collected and which leaked. A leak
 * is reported, never acted on; if the layer is collected later it moves from leaked to collected.
 *
 * <ul>
 *   <li><b>Certain leaks, at once.</b> A live thread that runs code of the freed version, or whose
 *       class or context class loader is its loader, holds the layer whatever the collector does:
 *       it is reported at the first sweep after a short grace (for a thread the plugin stopped in
 *       {@code onFree} to end), without waiting for collections.</li>
 *   <li><b>Others, after proof.</b> A layer still reachable after the configured number of GC cycles
 *       and minimum age.</li>
 *   <li><b>A quiet host.</b> When freed layers wait past the minimum age and no collection has run
 *       since they were freed, the periodic sweep asks for one ({@code System.gc()}), at most once
 *       per sweep and only while such layers exist, so {@code collected} catches up on an idle host
 *       without any host code. A builder option turns it off.</li>
 * </ul>
 */
final class LeakWatch {

    private record Watched(String plugin, String version, String loaderName, WeakReference<ClassLoader> loader,
                           WeakReference<ModuleLayer> layer, Instant freedAt, long gcCountAtFree) {
    }

    // What else holds a layer when no thread does: the usual suspects, so the log says where to look.
    private static final String NO_THREAD = "none found (look for what the host or a library keeps of the plugin:"
            + " a ThreadLocal on a host thread, a static cache or registry, a listener, a SoftReference such as a"
            + " library's buffer pool)";

    // How long after its free a thread may still run a version's code before that counts as a
    // certain leak: a thread the plugin stopped in onFree may take a moment to end.
    private static final Duration THREAD_GRACE = Duration.ofSeconds(1);

    private final int gcCycles;
    private final Duration minAge;
    private final boolean collectWhenQuiet;
    // THREAD_GRACE, or the minimum age if that is shorter (tests set it to zero).
    private final Duration threadGrace;
    private final Logger log;
    // Versions whose threads were checked once for a certain leak, by loader name.
    private final java.util.Set<String> threadChecked = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Watched> watched = new ConcurrentLinkedQueue<>();
    private final Map<String, LeakReport> leaked = new ConcurrentHashMap<>();
    private final AtomicLong freed = new AtomicLong();
    private final AtomicLong collected = new AtomicLong();

    /**
     * @param gcCycles GC cycles a freed layer may survive before it counts as leaked
     * @param minAge   and the time since its free
     * @param collectWhenQuiet whether the periodic sweep may ask for a collection on a quiet host
     */
    LeakWatch(int gcCycles, Duration minAge, boolean collectWhenQuiet, Logger log) {
        this.gcCycles = gcCycles;
        this.minAge = minAge;
        this.collectWhenQuiet = collectWhenQuiet;
        this.threadGrace = THREAD_GRACE.compareTo(minAge) < 0 ? THREAD_GRACE : minAge;
        this.log = log;
    }

    void watch(String plugin, String version, DefinedLayer layer) {
        freed.incrementAndGet();
        watched.add(new Watched(plugin, version, layer.loader().getName(), new WeakReference<>(layer.loader()),
                new WeakReference<>(layer.layer()), Instant.now(), gcCount()));
    }

    /** Counts collected layers and reports new leaks, as {@code status} asks: never collects. */
    void sweep() {
        sweep(false);
    }

    /**
     * Counts collected layers and reports new leaks. Cheap when nothing is pending.
     *
     * @param periodic the runtime's own periodic sweep, which may ask for a collection on a quiet host
     */
    synchronized void sweep(boolean periodic) {
        if (watched.isEmpty()) {
            return;
        }
        long gcs = gcCount();
        Instant now = Instant.now();
        if (periodic && collectWhenQuiet && watched.stream().anyMatch(w -> w.gcCountAtFree() == gcs
                && Duration.between(w.freedAt(), now).compareTo(minAge) >= 0 && !leaked.containsKey(w.loaderName()))) {
            // Freed layers wait for a proof that no collection has come to give: ask for one.
            System.gc();
        }
        long gcsNow = gcCount();
        Map<Thread, StackTraceElement[]> threads = null;
        for (var it = watched.iterator(); it.hasNext(); ) {
            Watched w = it.next();
            if (w.loader().get() == null && w.layer().get() == null) {
                it.remove();
                threadChecked.remove(w.loaderName());
                collected.incrementAndGet();
                if (leaked.remove(w.loaderName()) != null) {
                    log.info("Plugin {} ({}): the layer reported leaked was collected after all", w.plugin(), w.version());
                } else {
                    log.debug("Plugin {} ({}): layer collected", w.plugin(), w.version());
                }
            } else if (!leaked.containsKey(w.loaderName())) {
                Duration age = Duration.between(w.freedAt(), now);
                boolean proven = gcsNow - w.gcCountAtFree() >= gcCycles && age.compareTo(minAge) >= 0;
                List<String> holders = List.of();
                if (proven || (age.compareTo(threadGrace) >= 0 && threadChecked.add(w.loaderName()))) {
                    if (threads == null) {
                        threads = Thread.getAllStackTraces(); // once per sweep, only when a version needs it
                    }
                    holders = threadsOf(w, threads);
                }
                if (!proven && holders.isEmpty()) {
                    continue;
                }
                LeakReport report = new LeakReport(w.plugin(), w.version(), w.loaderName(), w.freedAt(), age, holders);
                leaked.put(w.loaderName(), report);
                if (Jfr.on()) {
                    LeakEvent event = new LeakEvent();
                    event.leaked(w.plugin(), w.version(), report.aliveFor().toMillis(), String.join(", ", report.threads()));
                    event.commit();
                }
                if (proven) {
                    log.warn("Plugin {} ({}): leaked: its layer is still reachable {} s and {} GC cycles after onFree;"
                                    + " threads holding it: {}", w.plugin(), w.version(), report.aliveFor().toSeconds(),
                            gcsNow - w.gcCountAtFree(), report.threads().isEmpty() ? NO_THREAD : report.threads());
                } else {
                    log.warn("Plugin {} ({}): leaked: {} ms after onFree a live thread still holds it, whatever the"
                                    + " collector does: {}; stop it in onFree", w.plugin(), w.version(),
                            report.aliveFor().toMillis(), report.threads());
                }
            }
        }
    }

    private static List<String> threadsOf(Watched w, Map<Thread, StackTraceElement[]> threads) {
        ClassLoader loader = w.loader().get();
        List<String> found = new ArrayList<>();
        if (loader == null) {
            return found;
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : threads.entrySet()) {
            Thread t = e.getKey();
            List<String> why = new ArrayList<>();
            if (t.getClass().getClassLoader() == loader) {
                why.add("its class " + t.getClass().getName() + " is the plugin's");
            }
            if (t.getContextClassLoader() == loader) {
                why.add("its context class loader is the plugin's");
            }
            for (StackTraceElement frame : e.getValue()) {
                if (w.loaderName().equals(frame.getClassLoaderName())) {
                    why.add("it runs plugin code at " + frame); // the topmost frame of plugin code
                    break;
                }
            }
            if (!why.isEmpty()) {
                found.add("\"" + t.getName() + "\" (" + String.join("; ", why) + ")");
            }
        }
        return found;
    }

    private static long gcCount() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }

    long freed() {
        return freed.get();
    }

    long collected() {
        return collected.get();
    }

    List<LeakReport> leaks() {
        return List.copyOf(leaked.values());
    }
}
