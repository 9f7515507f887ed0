package io.hotswap.protocol;

import java.util.Objects;

/**
 * The answer to a {@link Command#ROLLBACK} that succeeded: the kept generation is current again.
 *
 * @param outcome how the probation ended
 * @since 0.3
 */
public record RollbackReply(ProbationEnd outcome) implements Reply {

    public RollbackReply {
        Objects.requireNonNull(outcome, "outcome");
    }
}
