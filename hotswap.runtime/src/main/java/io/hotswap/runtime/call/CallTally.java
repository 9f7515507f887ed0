package io.hotswap.runtime.call;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls into one generation while it is on probation, and which plugin's calls threw: what a
 * probation's failure-ratio rule judges. A {@link CallGate} holds one only during its generation's
 * probation, so a generation that is not on trial pays one null check per call for it.
 *
 * @implNote Calls are counted on a {@link LongAdder}: unlike the gate's calls in flight, a pure
 *     count may land on any cell, and the adder spreads threads that call at once over cells of
 *     their own, so callers do not fight over one counter. Failures are counted on the exception
 *     path only, per plugin.
 */
public final class CallTally {

    /** The figures so far. */
    public record Figures(long calls, long failures, Map<String, Long> failuresByPlugin) {

        public Figures {
            failuresByPlugin = Map.copyOf(failuresByPlugin);
        }

        /** Failures per call; 0 with no call. */
        public double ratio() {
            return calls == 0 ? 0 : (double) failures / calls;
        }

        /** {@code alpha=3, beta=1}, by plugin name. */
        public String byPlugin() {
            return new TreeMap<>(failuresByPlugin).toString().replaceAll("^\\{|}$", "");
        }
    }

    private final LongAdder calls = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final Runnable onFailure;

    /** @param onFailure told after every failure counted, on the failing thread: it should hand work off */
    public CallTally(Runnable onFailure) {
        this.onFailure = onFailure;
    }

    void called(int n) {
        calls.add(n);
    }

    void failed(String plugin) {
        failures.computeIfAbsent(plugin, p -> new LongAdder()).increment();
        onFailure.run();
    }

    /** A snapshot; exact once no call runs, close enough while calls do. */
    public Figures figures() {
        Map<String, Long> by = new java.util.HashMap<>();
        long sum = 0;
        for (Map.Entry<String, LongAdder> e : failures.entrySet()) {
            long n = e.getValue().sum();
            by.put(e.getKey(), n);
            sum += n;
        }
        return new Figures(calls.sum(), sum, by);
    }
}
