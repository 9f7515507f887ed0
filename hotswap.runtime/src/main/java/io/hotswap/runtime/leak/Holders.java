package io.hotswap.runtime.leak;

import java.util.List;

/**
 * What a search found holding one freed version.
 *
 * @param threads live threads that hold it, each {@code "name" (why)}
 * @param others  other holders, each naming its kind, e.g. {@code JDBC driver acc.leaky.Driver
 *                registered in DriverManager}
 * @param certain whether at least one of them holds it strongly whatever the collector does (a
 *                live thread, a JDK registry); a handler on a named logger, which the JDK holds
 *                only weakly, is not: it is named once the version is proven leaked
 */
public record Holders(List<String> threads, List<String> others, boolean certain) {

    public Holders {
        threads = List.copyOf(threads);
        others = List.copyOf(others);
    }

    public static Holders none() {
        return new Holders(List.of(), List.of(), false);
    }

    public boolean isEmpty() {
        return threads.isEmpty() && others.isEmpty();
    }
}
