package io.hotswap.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful reload did.
 *
 * @param generation the number of the generation it made current
 * @param tookMillis how long it took, in milliseconds
 * @param outcomes   the outcome per plugin, in the order the runtime reported them (dependency
 *                   order, removed plugins last)
 * @param probationUntil when the new generation's probation ends, if the host keeps the one it
 *                       replaced on probation (since 0.3)
 * @since 0.2
 */
public record ReloadResult(long generation, long tookMillis, Map<String, ReloadOutcome> outcomes,
                           Optional<Instant> probationUntil) {

    public ReloadResult {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        Objects.requireNonNull(probationUntil, "probationUntil");
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
        // Loops, not streams: `hotswap reload` prints these at its start (benchmarks/NOTES.md).
        int width = 0;
        for (String plugin : outcomes.keySet()) {
            width = Math.max(width, plugin.length());
        }
        List<String> lines = new ArrayList<>(outcomes.size());
        for (Map.Entry<String, ReloadOutcome> e : outcomes.entrySet()) {
            lines.add(e.getKey() + " ".repeat(width - e.getKey().length()) + "  " + e.getValue());
        }
        return List.copyOf(lines);
    }

    /** A result without probation. */
    public ReloadResult(long generation, long tookMillis, Map<String, ReloadOutcome> outcomes) {
        this(generation, tookMillis, outcomes, Optional.empty());
    }

    /**
     * {@code generation 2 in 3 ms: greeter=OK}, as the runtime's reload details print themselves,
     * then {@code ; on probation until <instant>} if the host keeps the replaced generation.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("generation ").append(generation)
                .append(" in ").append(tookMillis).append(" ms:");
        outcomes.forEach((name, outcome) -> sb.append(' ').append(name).append('=').append(outcome));
        probationUntil.ifPresent(until -> sb.append("; on probation until ").append(until));
        return sb.toString();
    }
}
