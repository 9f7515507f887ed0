package io.hotswap.runtime.leak;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The count of the collections this JVM ran that can unload classes: the only ones after which a
 * freed plugin version still reachable says anything. A young collection never unloads a class
 * (G1's, Serial's and Parallel's do not; class loaders and their classes go at a full collection
 * or at the end of a concurrent cycle), so on a busy host, where young collections come many a
 * second, counting them would prove every freed version leaked before the collector ever looked
 * at its classes.
 *
 * <p>The collectors are told apart by the names HotSpot gives their beans: the young and pause
 * beans ({@code G1 Young Generation}, {@code PS Scavenge}, {@code Copy}, {@code ParNew},
 * {@code ZGC Minor ...}, {@code ... Pauses}) are left out; every other one counts
 * ({@code G1 Old Generation}, {@code G1 Concurrent GC} from JDK 20, {@code PS MarkSweep},
 * {@code MarkSweepCompact}, {@code ZGC Cycles}, {@code ZGC Major Cycles}, {@code Shenandoah Cycles}).
 * A JVM whose every bean looks young counts them all, as before.
 */
public final class UnloadingCollections {

    private static final List<GarbageCollectorMXBean> COUNTED = counted(ManagementFactory.getGarbageCollectorMXBeans());

    private UnloadingCollections() {
    }

    /** The collections so far that can unload classes. */
    public static long count() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : COUNTED) {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }

    /** Whether the collector of the bean named {@code name} can unload classes. */
    public static boolean canUnloadClasses(String name) {
        return !(name.contains("Young") || name.contains("Scavenge") || name.equals("Copy") || name.contains("ParNew")
                || name.contains("Minor") || name.endsWith("Pauses"));
    }

    private static List<GarbageCollectorMXBean> counted(List<GarbageCollectorMXBean> all) {
        List<GarbageCollectorMXBean> unloading = all.stream().filter(gc -> canUnloadClasses(gc.getName())).toList();
        return unloading.isEmpty() ? all : unloading;
    }
}
