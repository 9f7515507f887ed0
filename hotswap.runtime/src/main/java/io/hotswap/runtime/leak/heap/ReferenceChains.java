package io.hotswap.runtime.leak.heap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest chain of strong references from a GC root to an object of a dump, found backwards:
 * each pass over the file finds the objects that reference those the pass before found, until one
 * of them is a root. Memory is what the passes reach (some 100 bytes an object, at most
 * {@code maxObjects} of them), never the whole heap; time is one pass per link of the chain.
 */
final class ReferenceChains {

    /** The longest chain looked for: a holder further away than this is not named. */
    static final int MAX_LINKS = 64;

    /** One object of a chain and the reference it holds to the next one (its label as {@link HeapWalker} gives it). */
    record Link(long object, long label) {
    }

    /** A chain from a root to the target, the target last with label 0; or why there is none. */
    record Chain(HeapWalker.Root root, List<Link> links, String none) {
    }

    private final HprofInput in;
    private final HeapIndex index;
    private final int maxObjects;

    ReferenceChains(HprofInput in, HeapIndex index, int maxObjects) {
        this.in = in;
        this.index = index;
        this.maxObjects = maxObjects;
    }

    /**
     * @param excluded objects whose references do not count (the search's own marker)
     */
    Chain to(long target, LongMap excluded) throws IOException {
        LongMap towards = new LongMap(maxObjects); // object -> the object it references, one link nearer the target
        LongMap labels = new LongMap(maxObjects);
        LongMap frontier = new LongMap(maxObjects);
        towards.putIfAbsent(target, 0);
        frontier.putIfAbsent(target, 1);
        for (int links = 0; links <= MAX_LINKS; links++) {
            long[] root = {0};
            frontier.forEachKey(id -> {
                if (root[0] == 0 && index.root(id) != null) {
                    root[0] = id;
                }
            });
            if (root[0] != 0) {
                return chain(root[0], towards, labels);
            }
            LongMap found = new LongMap(maxObjects);
            LongMap from = frontier;
            HeapWalker.walk(in, index, new HeapWalker.Visitor() {
                @Override
                public void edge(long referrer, long to, long label) {
                    if (from.contains(to) && !towards.contains(referrer) && !excluded.contains(referrer)
                            && towards.putIfAbsent(referrer, to)) {
                        labels.putIfAbsent(referrer, label);
                        found.putIfAbsent(referrer, 1);
                    }
                }
            });
            if (towards.full()) {
                return new Chain(null, List.of(), "the search stopped after " + maxObjects + " objects that lead to it");
            }
            if (found.size() == 0) {
                return new Chain(null, List.of(), "no chain of strong references from a GC root reaches it"
                        + " (only weak or soft references do: it goes at the next collection)");
            }
            frontier = found;
        }
        return new Chain(null, List.of(), "no GC root within " + MAX_LINKS + " references of it");
    }

    private Chain chain(long root, LongMap towards, LongMap labels) {
        List<Link> links = new ArrayList<>();
        for (long id = root; id != 0; id = towards.get(id, 0)) {
            links.add(new Link(id, labels.get(id, 0)));
        }
        return new Chain(index.root(root), links, null);
    }

    /** The class of each instance and array among {@code ids}, from one more pass. */
    Map<Long, Long> classesOf(List<Long> ids) throws IOException {
        LongMap wanted = new LongMap(ids.size() + 1);
        ids.forEach(id -> wanted.putIfAbsent(id, 1));
        Map<Long, Long> classes = new HashMap<>();
        HeapWalker.walk(in, null, new HeapWalker.Visitor() {
            @Override
            public void object(long id, long classId) {
                if (wanted.contains(id)) {
                    classes.put(id, classId);
                }
            }
        });
        return classes;
    }
}
