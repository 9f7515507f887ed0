package io.hotswap.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * A generation on probation in a host now: {@code hotswap rollback} would make {@code kept} current again.
 *
 * @param generation the generation on trial, the current one
 * @param kept       the generation it replaced, kept for a rollback
 * @param since      when the probation began
 * @param until      when it ends if the host's rule holds
 * @param calls      plugin calls through the generation on trial so far
 * @param failures   those that threw
 * @since 0.3
 */
public record ProbationStatus(long generation, long kept, Instant since, Instant until, long calls, long failures) {

    public ProbationStatus {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
    }
}
