package io.hotswap.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A generation on probation now, as {@link SwapperStatus#probation()} shows it.
 *
 * @param generation the generation on trial: the current one
 * @param kept       the generation it replaced, kept (not freed, no new calls) so that
 *                   {@link Swapper#rollback()} can make it current again
 * @param since      when the probation began (the swap)
 * @param until      when it ends if nothing fails; the kept generation's free delay starts then
 * @param calls      plugin calls through the generation on trial so far
 * @param failures   those that threw
 * @since 0.3
 */
public record ProbationStatus(long generation, long kept, Instant since, Instant until, long calls, long failures) {

    public ProbationStatus {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }

    /** The time left, as of {@code now}; zero once past. */
    public Duration left(Instant now) {
        Duration d = Duration.between(now, until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** {@code generation 3 on probation until ..., generation 2 kept; 1 of 40 calls failed}. */
    @Override
    public String toString() {
        return "generation " + generation + " on probation until " + until + ", generation " + kept + " kept; "
                + failures + " of " + calls + " calls failed";
    }
}
