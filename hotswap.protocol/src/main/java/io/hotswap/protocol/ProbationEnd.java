package io.hotswap.protocol;

import java.time.Instant;
import java.util.Objects;

/**
 * How a probation ended: the answer to {@link Command#ROLLBACK}, and the last one in a status.
 *
 * @param generation the generation that was on trial
 * @param kept       the generation that was kept for a rollback (current again if rolled back)
 * @param verdict    how it ended
 * @param reason     why, for people: the failed rule with its figures, or what ended it
 * @param at         when it ended
 * @param calls      plugin calls through the generation on trial during its probation
 * @param failures   those that threw
 * @since 0.3
 */
public record ProbationEnd(long generation, long kept, ProbationVerdict verdict, String reason, Instant at, long calls,
                           long failures) {

    public ProbationEnd {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
