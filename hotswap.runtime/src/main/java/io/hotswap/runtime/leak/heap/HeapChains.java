package io.hotswap.runtime.leak.heap;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Explains what holds class loaders that should have been collected: dumps the live heap
 * ({@code HotSpotDiagnosticMXBean.dumpHeap}), reads the dump streaming with a fixed buffer, finds
 * the shortest chain of strong references from a GC root to each loader, and deletes the dump. For
 * example {@code static field io.host.Registry.LISTENERS -> java.util.ArrayList.elementData ->
 * java.lang.Object[] [0] -> acc.leaky.Listener -> class acc.leaky.Listener -> class loader
 * plugin-acc.leaky@1a2b3c4d5e6f#1}.
 *
 * <p>Costly (a full collection, a file the size of the live heap, a pass over it per link of the
 * longest chain): only on demand, never from the leak watch's sweep.
 */
public final class HeapChains {

    private HeapChains() {
    }

    /**
     * @param loaders what to explain, weakly: held strongly only by the search's marker during the
     *                dump, so that no chain the search finds is its own
     * @param names   their names, as the chains end
     * @param dir     an owner-only directory for the dump, which is deleted before this returns
     * @return for each loader, its chain, or why none was found
     * @throws IOException if the heap could not be dumped or read
     */
    public static List<String> explain(List<WeakReference<ClassLoader>> loaders, List<String> names, Path dir)
            throws IOException {
        Path dump = dir.resolve("leaks-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".hprof");
        try {
            dump(loaders, dump);
            return read(dump, names);
        } finally {
            Files.deleteIfExists(dump);
        }
    }

    private static void dump(List<WeakReference<ClassLoader>> loaders, Path file) throws IOException {
        HeapMarker.hold(loaders);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).dumpHeap(file.toString(), true);
        } finally {
            HeapMarker.release();
        }
    }

    /** Reads a dump that {@link HeapMarker} marked; package-private for the tests of known dumps. */
    static List<String> read(Path dump, List<String> names) throws IOException {
        try (HprofInput in = HprofInput.open(dump)) {
            HeapIndex index = HeapIndex.read(in);
            long marker = index.classNamed(HeapMarker.CLASS);
            long array = marker == 0 ? 0 : markerArray(index.classInfo(marker), index);
            if (array == 0) {
                throw new IOException("the dump " + dump + " holds no " + HeapMarker.CLASS + "." + HeapMarker.FIELD);
            }
            index.hostLoader(index.classInfo(marker).loaderId());
            long[] targets = elements(in, index, array, names.size());
            LongMap excluded = new LongMap(2);
            excluded.putIfAbsent(marker, 1);
            excluded.putIfAbsent(array, 1);
            // At most a quarter of the dump's size for the search: some 100 bytes an object reached.
            int maxObjects = (int) Math.min(Integer.MAX_VALUE / 4, Math.max(1 << 16, Files.size(dump) / 400));
            ReferenceChains chains = new ReferenceChains(in, index, maxObjects);
            List<String> out = new ArrayList<>(targets.length);
            for (int i = 0; i < targets.length; i++) {
                out.add(targets[i] == 0 ? "not in the dump: it was collected"
                        : describe(chains.to(targets[i], excluded), chains, index, names.get(i)));
            }
            return out;
        }
    }

    private static long markerArray(HeapIndex.ClassInfo marker, HeapIndex index) {
        for (int i = 0; i < marker.staticNames().length; i++) {
            if (HeapMarker.FIELD.equals(index.symbol(marker.staticNames()[i]))) {
                return marker.staticValues()[i];
            }
        }
        return 0;
    }

    private static long[] elements(HprofInput in, HeapIndex index, long array, int n) throws IOException {
        long[] elements = new long[n];
        HeapWalker.walk(in, index, new HeapWalker.Visitor() {
            @Override
            public void edge(long from, long to, long label) {
                if (from == array && label <= HeapWalker.index(0) && HeapWalker.indexOf(label) < n) {
                    elements[HeapWalker.indexOf(label)] = to;
                }
            }
        });
        return elements;
    }

    private static String describe(ReferenceChains.Chain chain, ReferenceChains chains, HeapIndex index, String loader)
            throws IOException {
        if (chain.none() != null) {
            return chain.none();
        }
        List<ReferenceChains.Link> links = chain.links();
        if (links.size() == 1) {
            return chain.root().what + ": class loader " + loader; // the loader itself is a root
        }
        // From the last static field on: how the class holding it is reachable (its loader) says nothing.
        int start = 0;
        for (int i = 0; i < links.size() - 1; i++) {
            if (index.isClass(links.get(i).object()) && links.get(i).label() > 0) {
                start = i;
            }
        }
        List<Long> objects = links.stream().map(ReferenceChains.Link::object).toList();
        Map<Long, Long> classes = chains.classesOf(objects);
        List<String> parts = new ArrayList<>();
        for (int i = start; i < links.size() - 1; i++) {
            ReferenceChains.Link l = links.get(i);
            boolean isClass = index.isClass(l.object());
            String type = isClass ? index.className(l.object()) : index.className(classes.getOrDefault(l.object(), 0L));
            String part;
            if (isClass && l.label() > 0) {
                part = "static field " + type + "." + index.symbol(l.label());
            } else if (isClass) {
                part = "class " + type;
            } else if (l.label() > 0) {
                part = type + "." + index.symbol(l.label());
            } else if (l.label() <= HeapWalker.index(0)) {
                part = type + " [" + HeapWalker.indexOf(l.label()) + "]";
            } else {
                part = type;
            }
            // A chain that starts at a static field names it; one that starts elsewhere names its root.
            boolean fromRoot = i == 0 && !(isClass && l.label() > 0);
            parts.add(fromRoot ? chain.root().what + " " + part : part);
        }
        parts.add("class loader " + loader);
        return String.join(" -> ", parts);
    }
}
