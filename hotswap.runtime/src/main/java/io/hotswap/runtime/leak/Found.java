package io.hotswap.runtime.leak;

import java.util.ArrayList;
import java.util.List;

/** What the checks of one search add to, for one freed version. Used by one thread. */
final class Found {

    private final List<String> threads = new ArrayList<>();
    private final List<String> others = new ArrayList<>();
    private boolean certain;

    void thread(String holder) {
        threads.add(holder);
        certain = true;
    }

    /** A holder that keeps the version alive whatever the collector does. */
    void certain(String holder) {
        others.add(holder);
        certain = true;
    }

    /** A holder that keeps it alive only if something else keeps the holder. */
    void suspect(String holder) {
        others.add(holder);
    }

    Holders holders() {
        return new Holders(threads, others, certain);
    }
}
