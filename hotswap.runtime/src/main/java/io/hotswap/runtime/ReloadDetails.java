package io.hotswap.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a successful load or reload did: the outcome per plugin, in dependency order with removed
 * plugins last, the number of the generation it made current, and how long it took.
 *
 * @since 0.1
 */
public record ReloadDetails(long generation, Map<String, PluginOutcome> outcomes, Duration took) {

    public ReloadDetails {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The outcome for one plugin, or {@code null} if the reload did not see it. */
    public PluginOutcome outcome(String plugin) {
        return outcomes.get(plugin);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("generation ").append(generation)
                .append(" in ").append(took.toMillis()).append(" ms:");
        outcomes.forEach((name, outcome) -> sb.append(' ').append(name).append('=').append(outcome));
        return sb.toString();
    }
}
