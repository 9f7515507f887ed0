package io.hotswap.runtime;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful load or reload did: the outcome per plugin, in dependency order with removed
 * plugins last, the number of the generation it made current, how long it took, and where that
 * time went.
 *
 * @param generation the number of the generation made current
 * @param outcomes   the outcome per plugin
 * @param took       from the start of the reload to the new generation being built (before the swap)
 * @param steps      wall time per step, summed over the plugins it ran for; a step that did not
 *                   run is absent. {@link ReloadStep#SWAP} is the swap itself, outside {@code took}
 * @since 0.1
 */
public record ReloadDetails(long generation, Map<String, PluginOutcome> outcomes, Duration took,
                            Map<ReloadStep, Duration> steps) {

    public ReloadDetails {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
        steps = Collections.unmodifiableMap(steps.isEmpty() ? new EnumMap<>(ReloadStep.class) : new EnumMap<>(steps));
    }

    /** Details without a per-step breakdown. */
    public ReloadDetails(long generation, Map<String, PluginOutcome> outcomes, Duration took) {
        this(generation, outcomes, took, Map.of());
    }

    /** The outcome for one plugin; empty if the reload did not see it. */
    public Optional<PluginOutcome> outcome(String plugin) {
        return Optional.ofNullable(outcomes.get(plugin));
    }

    /** The time spent in one step, zero if it did not run. */
    public Duration step(ReloadStep step) {
        return steps.getOrDefault(step, Duration.ZERO);
    }

    /** These details with the time of one more step. */
    ReloadDetails withStep(ReloadStep step, Duration time) {
        Map<ReloadStep, Duration> more = new EnumMap<>(ReloadStep.class);
        more.putAll(steps);
        more.merge(step, time, Duration::plus);
        return new ReloadDetails(generation, outcomes, took, more);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("generation ").append(generation)
                .append(" in ").append(took.toMillis()).append(" ms:");
        outcomes.forEach((name, outcome) -> sb.append(' ').append(name).append('=').append(outcome));
        return sb.toString();
    }
}
