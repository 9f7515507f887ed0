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
 * Keeps a weak handle on every freed layer and tells which were collected and which leaked: still
 * reachable after the configured number of GC cycles and minimum age. A leak is reported, never
 * acted on; if the layer is collected later it moves from leaked to collected.
 */
final class LeakWatch {

    private record Watched(String plugin, String version, String loaderName, WeakReference<ClassLoader> loader,
                           WeakReference<ModuleLayer> layer, Instant freedAt, long gcCountAtFree) {
    }

    // What else holds a layer when no thread does: the usual suspects, so the log says where to look.
    private static final String NO_THREAD = "none found (look for what the host or a library keeps of the plugin:"
            + " a ThreadLocal on a host thread, a static cache or registry, a listener, a SoftReference such as a"
            + " library's buffer pool)";

    private final int gcCycles;
    private final Duration minAge;
    private final Logger log;
    private final ConcurrentLinkedQueue<Watched> watched = new ConcurrentLinkedQueue<>();
    private final Map<String, LeakReport> leaked = new ConcurrentHashMap<>();
    private final AtomicLong freed = new AtomicLong();
    private final AtomicLong collected = new AtomicLong();

    /**
     * @param gcCycles GC cycles a freed layer may survive before it counts as leaked
     * @param minAge   and the time since its free
     */
    LeakWatch(int gcCycles, Duration minAge, Logger log) {
        this.gcCycles = gcCycles;
        this.minAge = minAge;
        this.log = log;
    }

    void watch(String plugin, String version, DefinedLayer layer) {
        freed.incrementAndGet();
        watched.add(new Watched(plugin, version, layer.loader().getName(), new WeakReference<>(layer.loader()),
                new WeakReference<>(layer.layer()), Instant.now(), gcCount()));
    }

    /** Counts collected layers and reports new leaks. Cheap when nothing is pending. */
    synchronized void sweep() {
        if (watched.isEmpty()) {
            return;
        }
        long gcs = gcCount();
        Instant now = Instant.now();
        for (var it = watched.iterator(); it.hasNext(); ) {
            Watched w = it.next();
            if (w.loader().get() == null && w.layer().get() == null) {
                it.remove();
                collected.incrementAndGet();
                if (leaked.remove(w.loaderName()) != null) {
                    log.info("Plugin {} ({}): the layer reported leaked was collected after all", w.plugin(), w.version());
                } else {
                    log.debug("Plugin {} ({}): layer collected", w.plugin(), w.version());
                }
            } else if (!leaked.containsKey(w.loaderName())
                    && gcs - w.gcCountAtFree() >= gcCycles
                    && Duration.between(w.freedAt(), now).compareTo(minAge) >= 0) {
                LeakReport report = new LeakReport(w.plugin(), w.version(), w.loaderName(), w.freedAt(),
                        Duration.between(w.freedAt(), now), threadsOf(w));
                leaked.put(w.loaderName(), report);
                if (Jfr.on()) {
                    LeakEvent event = new LeakEvent();
                    event.leaked(w.plugin(), w.version(), report.aliveFor().toMillis(), String.join(", ", report.threads()));
                    event.commit();
                }
                log.warn("Plugin {} ({}): leaked: its layer is still reachable {} s and {} GC cycles after onFree;"
                                + " threads holding it: {}", w.plugin(), w.version(), report.aliveFor().toSeconds(),
                        gcs - w.gcCountAtFree(), report.threads().isEmpty() ? NO_THREAD : report.threads());
            }
        }
    }

    private static List<String> threadsOf(Watched w) {
        ClassLoader loader = w.loader().get();
        List<String> found = new ArrayList<>();
        if (loader == null) {
            return found;
        }
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            String why = null;
            if (t.getClass().getClassLoader() == loader) {
                why = "its class " + t.getClass().getName() + " is the plugin's";
            } else if (t.getContextClassLoader() == loader) {
                why = "its context class loader is the plugin's";
            } else {
                for (StackTraceElement frame : e.getValue()) {
                    if (w.loaderName().equals(frame.getClassLoaderName())) {
                        why = "it runs plugin code at " + frame;
                        break;
                    }
                }
            }
            if (why != null) {
                found.add("\"" + t.getName() + "\" (" + why + ")");
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
