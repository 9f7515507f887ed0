package io.hotswap.runtime.leak.heap;

import java.lang.ref.WeakReference;
import java.util.List;

/**
 * Holds the class loaders a search explains while their heap is dumped, so that the search finds
 * them in the dump as the elements of one known array. The search ignores the references this
 * class and that array hold; every other chain to a loader is the application's.
 */
final class HeapMarker {

    static final String CLASS = "io.hotswap.runtime.leak.heap.HeapMarker";
    static final String FIELD = "LOADERS";

    @SuppressWarnings("unused") // read from the dump, by name
    private static volatile ClassLoader[] LOADERS;

    private HeapMarker() {
    }

    /**
     * Holds the loaders still alive of {@code loaders}, in their order (null for one collected). Only
     * this static holds them strongly: no frame of the caller does while the heap is dumped.
     */
    static void hold(List<WeakReference<ClassLoader>> loaders) {
        ClassLoader[] held = new ClassLoader[loaders.size()];
        for (int i = 0; i < held.length; i++) {
            held[i] = loaders.get(i).get();
        }
        LOADERS = held;
    }

    static void release() {
        LOADERS = null;
    }
}
