package io.hotswap.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * How a probation ended, as {@link SwapperStatus#lastProbation()} and
 * {@link Swapper#probationOutcome(long)} show it.
 *
 * @param generation the generation that was on trial
 * @param kept       the generation that was kept for a rollback
 * @param verdict    how it ended
 * @param reason     why, for people: the rule that failed with its figures, or what ended it
 * @param at         when it ended
 * @param calls      plugin calls through the generation on trial during its probation
 * @param failures   those that threw
 * @since 0.3
 */
public record ProbationOutcome(long generation, long kept, Verdict verdict, String reason, Instant at, long calls,
                               long failures) {

    /** How a probation ends. */
    public enum Verdict {
        /** Its time passed and the rule held: the kept generation's free delay started. */
        PASSED,
        /** {@link Swapper#rollback()} made the kept generation current again. */
        ROLLED_BACK,
        /** The rule failed: the runtime made the kept generation current again and rejected the new files. */
        ROLLED_BACK_AUTOMATICALLY,
        /** A reload replaced the generation on trial: it is on probation now, and the kept one was freed. */
        SUPERSEDED,
        /** The swapper closed. */
        CLOSED;

        /** Whether the kept generation became current again. */
        public boolean rolledBack() {
            return this == ROLLED_BACK || this == ROLLED_BACK_AUTOMATICALLY;
        }
    }

    public ProbationOutcome {
        Objects.requireNonNull(verdict, "verdict");
        if (kept >= generation) {
            throw new IllegalArgumentException("the kept generation " + kept + " must be older than " + generation);
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String toString() {
        return "probation of generation " + generation + " " + switch (verdict) {
            case PASSED -> "passed";
            case ROLLED_BACK -> "ended by a rollback to generation " + kept;
            case ROLLED_BACK_AUTOMATICALLY -> "failed: rolled back to generation " + kept;
            case SUPERSEDED -> "ended by a reload";
            case CLOSED -> "ended as the swapper closed";
        } + " at " + at + " (" + reason + "; " + failures + " of " + calls + " calls failed)";
    }
}
