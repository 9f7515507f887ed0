package io.hotswap.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
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

    /** {@code generation 2 in 3 ms: greeter=OK}, as the runtime's reload details print themselves. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("generation ").append(generation)
                .append(" in ").append(tookMillis).append(" ms:");
        outcomes.forEach((name, outcome) -> sb.append(' ').append(name).append('=').append(outcome));
        return sb.toString();
    }
}
