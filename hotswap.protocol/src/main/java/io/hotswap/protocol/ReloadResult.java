package io.hotswap.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a successful reload did.
 *
 * @param generation the number of the generation it made current
 * @param tookMillis how long it took, in milliseconds
 * @param outcomes   the outcome per plugin, in the order the runtime reported them (dependency
 *                   order, removed plugins last)
 * @since 0.2
 */
public record ReloadResult(long generation, long tookMillis, Map<String, ReloadOutcome> outcomes) {

    public ReloadResult {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** {@code reloaded: generation 2 in 3 ms}, the first line a client prints. */
    public String headline() {
        return "reloaded: generation " + generation + " in " + tookMillis + " ms";
    }

    /**
     * One line per plugin, in {@link #outcomes()} order, the names padded to one width:
     * {@code greeter  OK}. What {@code hotswap reload} and {@code hotswap:reload} print under
     * {@link #headline()}.
     */
    public List<String> outcomeLines() {
        int width = outcomes.keySet().stream().mapToInt(String::length).max().orElse(0);
        return outcomes.entrySet().stream()
                .map(e -> e.getKey() + " ".repeat(width - e.getKey().length()) + "  " + e.getValue())
                .toList();
    }

    /** {@code generation 2 in 3 ms: greeter=OK}, as the runtime's reload details print themselves. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("generation ").append(generation)
                .append(" in ").append(tookMillis).append(" ms:");
        outcomes.forEach((name, outcome) -> sb.append(' ').append(name).append('=').append(outcome));
        return sb.toString();
    }
}
