package io.hotswap.runtime;

import io.hotswap.runtime.jfr.Jfr;
import io.hotswap.runtime.jfr.LeakEvent;
import io.hotswap.runtime.layer.DefinedLayer;
import io.hotswap.runtime.leak.HolderSearch;
import io.hotswap.runtime.leak.UnloadingCollections;
import io.hotswap.runtime.leak.Holders;
import io.hotswap.runtime.leak.heap.HeapChains;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *       class or context class loader is its loader, holds the layer whatever the collector does;
 *       so do a JDBC driver of its classes left in {@code DriverManager}, a logging handler of its
 *       classes on the root logger, and (where {@code java.lang} is open to the runtime) a shutdown
 *       hook or a {@code ThreadLocal} value of its classes ({@link HolderSearch}). These are
 *       reported at the first sweep after a short grace (for a thread the plugin stopped in
 *       {@code onFree} to end), without waiting for collections.</li>
 *   <li><b>Others, after proof.</b> A layer still reachable after the configured number of GC cycles
 *       and minimum age, with whatever holders the checks find then. Only collections that can
 *       unload classes count ({@link UnloadingCollections}): young ones never collect a layer.</li>
 *   <li><b>A quiet host.</b> When freed layers wait past the minimum age and fewer than the
 *       configured GC cycles have run since they were freed, the periodic sweep asks for one
 *       ({@code System.gc()}), at most once per sweep and only while such layers exist, so
 *       {@code collected} (or a proven leak) catches up on an idle host without any host code. A
 *       builder option turns it off.</li>
 * </ul>
 */
final class LeakWatch {

    private record Watched(String plugin, String version, String loaderName, WeakReference<ClassLoader> loader,
                           WeakReference<ModuleLayer> layer, Instant freedAt, long gcCountAtFree) {
    }

    // What holds a layer when no check found anything: the usual suspects, so the log says where to look.
    private static final String NOTHING_FOUND = "none found (look for what the host or a library keeps of the"
            + " plugin: a static cache or registry, a listener, a SoftReference such as a library's buffer pool; and,"
            + " unless java.lang is open to io.hotswap.runtime, a ThreadLocal on a host thread or a shutdown hook)";

    // How long after its free a holder may still hold a version before that counts as a certain
    // leak: a thread the plugin stopped in onFree may take a moment to end.
    private static final Duration CERTAIN_GRACE = Duration.ofSeconds(1);

    private final int gcCycles;
    private final Duration minAge;
    private final boolean collectWhenQuiet;
    // CERTAIN_GRACE, or the minimum age if that is shorter (tests set it to zero).
    private final Duration certainGrace;
    private final Logger log;
    // Versions checked once for a certain leak, by loader name.
    private final Set<String> checked = ConcurrentHashMap.newKeySet();
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
        this.certainGrace = CERTAIN_GRACE.compareTo(minAge) < 0 ? CERTAIN_GRACE : minAge;
        this.log = log;
    }

    void watch(String plugin, String version, DefinedLayer layer) {
        freed.incrementAndGet();
        watched.add(new Watched(plugin, version, layer.loader().getName(), new WeakReference<>(layer.loader()),
                new WeakReference<>(layer.layer()), Instant.now(), UnloadingCollections.count()));
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
        long gcs = UnloadingCollections.count();
        Instant now = Instant.now();
        if (periodic && collectWhenQuiet && watched.stream().anyMatch(w -> gcs - w.gcCountAtFree() < gcCycles
                && Duration.between(w.freedAt(), now).compareTo(minAge) >= 0 && !leaked.containsKey(w.loaderName()))) {
            // Freed layers wait for a proof that the collector has not come to give: ask for one. Not
            // only when none ran since the free: a young collection seldom unloads classes.
            System.gc();
        }
        long gcsNow = UnloadingCollections.count();
        HolderSearch search = null;
        for (var it = watched.iterator(); it.hasNext(); ) {
            Watched w = it.next();
            if (w.loader().get() == null && w.layer().get() == null) {
                it.remove();
                checked.remove(w.loaderName());
                collected.incrementAndGet();
                if (leaked.remove(w.loaderName()) != null) {
                    log.info("Plugin {} ({}): the layer reported leaked was collected after all", w.plugin(), w.version());
                } else {
                    log.debug("Plugin {} ({}): layer collected", w.plugin(), w.version());
                }
            } else if (!leaked.containsKey(w.loaderName())) {
                Duration age = Duration.between(w.freedAt(), now);
                boolean proven = gcsNow - w.gcCountAtFree() >= gcCycles && age.compareTo(minAge) >= 0;
                Holders holders = Holders.none();
                ClassLoader loader = w.loader().get();
                if (loader != null && (proven || (age.compareTo(certainGrace) >= 0 && checked.add(w.loaderName())))) {
                    if (search == null) {
                        search = HolderSearch.start(); // once per sweep, only when a version needs it
                    }
                    holders = search.of(w.plugin(), loader, w.loaderName(), w.layer().get(), log);
                }
                if (proven || holders.certain()) {
                    report(w, age, proven, gcsNow - w.gcCountAtFree(), holders);
                }
            }
        }
    }

    private void report(Watched w, Duration age, boolean proven, long gcs, Holders holders) {
        LeakReport report = new LeakReport(w.plugin(), w.version(), w.loaderName(), w.freedAt(), age,
                holders.threads(), holders.others());
        leaked.put(w.loaderName(), report);
        if (Jfr.on()) {
            LeakEvent event = new LeakEvent();
            event.leaked(w.plugin(), w.version(), age.toMillis(), String.join(", ", report.threads()),
                    String.join(", ", report.holders()));
            event.commit();
        }
        if (proven) {
            log.warn("Plugin {} ({}): leaked: its layer is still reachable {} s and {} class-unloading GC cycles after onFree;"
                            + " held by: {}", w.plugin(), w.version(), age.toSeconds(), gcs,
                    holders.isEmpty() ? NOTHING_FOUND : String.join(", ", ManagementViews.leak(report).heldBy()));
        } else {
            log.warn("Plugin {} ({}): leaked: {} ms after onFree it is still held, whatever the collector does, by: {};"
                            + " stop or remove them in onFree", w.plugin(), w.version(), age.toMillis(),
                    String.join(", ", ManagementViews.leak(report).heldBy()));
        }
    }


    /**
     * For each version reported leaked and still alive, what holds it ({@link HeapChains}): costly,
     * on demand only. Runs beside sweeps, never under their lock: a dump takes seconds.
     *
     * @param dir an owner-only directory for the heap dump, deleted before this returns
     */
    List<LeakPath> paths(Path dir) throws IOException {
        List<Watched> alive = watched.stream().filter(w -> leaked.containsKey(w.loaderName())).toList();
        if (alive.isEmpty()) {
            return List.of();
        }
        List<String> chains = HeapChains.explain(alive.stream().map(Watched::loader).toList(),
                alive.stream().map(Watched::loaderName).toList(), dir);
        List<LeakPath> paths = new ArrayList<>(alive.size());
        for (int i = 0; i < alive.size(); i++) {
            LeakReport report = leaked.get(alive.get(i).loaderName());
            if (report != null) { // else collected since: nothing to explain
                paths.add(new LeakPath(report, chains.get(i)));
            }
        }
        return paths;
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
