package io.hotswap.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * When a generation on probation is rolled back by the runtime itself: too many of its plugin
 * calls threw, and/or the host's {@link HealthCheck} says no. Judged at every failure, every
 * {@code checkInterval} and once more when the probation ends; either part failing rolls back.
 *
 * <p>Calls are the plugin calls through the generation: one per plugin of an {@code invokeEach},
 * one per {@code invokeFunc} on a plugin handle, one per live function call; a failure is such a
 * call that threw. With fewer than {@code minCalls} calls the ratio is not judged at all: a
 * probation that ends with fewer passes on the health check alone.
 *
 * @param maxFailureRatio the largest share of failed calls that passes, 0 to 1; empty: calls not judged
 * @param minCalls        calls needed before the ratio is judged
 * @param healthCheck     the host's check, if any
 * @param checkInterval   how often the rule is judged (and the check called) during probation
 * @since 0.3
 */
public record ProbationRule(OptionalDouble maxFailureRatio, long minCalls, Optional<HealthCheck> healthCheck,
                            Duration checkInterval) {

    /** The interval of a rule that does not name one. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);

    public ProbationRule {
        Objects.requireNonNull(maxFailureRatio, "maxFailureRatio");
        Objects.requireNonNull(healthCheck, "healthCheck");
        Objects.requireNonNull(checkInterval, "checkInterval");
        maxFailureRatio.ifPresent(r -> {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("maxFailureRatio must be between 0 and 1, was " + r);
            }
        });
        if (minCalls < 1) {
            throw new IllegalArgumentException("minCalls must be at least 1, was " + minCalls);
        }
        if (checkInterval.isZero() || checkInterval.isNegative()) {
            throw new IllegalArgumentException("checkInterval must be positive, was " + checkInterval);
        }
    }

    /** No rule: a generation on probation is rolled back only by {@link Swapper#rollback()}. */
    public static ProbationRule none() {
        return new ProbationRule(OptionalDouble.empty(), 1, Optional.empty(), DEFAULT_INTERVAL);
    }

    /** Rolls back when more than {@code maxRatio} of at least {@code minCalls} calls threw. */
    public static ProbationRule failureRatio(double maxRatio, long minCalls) {
        return new ProbationRule(OptionalDouble.of(maxRatio), minCalls, Optional.empty(), DEFAULT_INTERVAL);
    }

    /** This rule, and also rolls back when {@code check} says no (called every {@code interval}). */
    public ProbationRule withHealthCheck(HealthCheck check, Duration interval) {
        return new ProbationRule(maxFailureRatio, minCalls, Optional.of(Objects.requireNonNull(check, "check")), interval);
    }

    /** This rule, judged every {@code interval}. */
    public ProbationRule checkedEvery(Duration interval) {
        return new ProbationRule(maxFailureRatio, minCalls, healthCheck, interval);
    }

    /** Whether anything is judged at all. */
    boolean judges() {
        return maxFailureRatio.isPresent() || healthCheck.isPresent();
    }

    /** {@code failure ratio above 0.1 over at least 20 calls, health check every 1 s}. */
    @Override
    public String toString() {
        if (!judges()) {
            return "no rule";
        }
        StringBuilder sb = new StringBuilder();
        maxFailureRatio.ifPresent(r -> sb.append("failure ratio above ").append(r).append(" over at least ")
                .append(minCalls).append(" calls"));
        healthCheck.ifPresent(c -> sb.append(sb.length() == 0 ? "" : ", ").append("health check every ")
                .append(ReloadAttempt.seconds(checkInterval)));
        return sb.toString();
    }
}
