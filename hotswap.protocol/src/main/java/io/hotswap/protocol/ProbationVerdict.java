package io.hotswap.protocol;

/**
 * How a probation ended, on the wire by its constant's name ({@code ROLLED_BACK_AUTOMATICALLY}).
 *
 * @since 0.3
 */
public enum ProbationVerdict {
    /** Its time passed and the rule held: the kept generation is freed after its free delay. */
    PASSED,
    /** A rollback was requested: the kept generation is current again. */
    ROLLED_BACK,
    /** The host's probation rule failed: the kept generation is current again, the new files are rejected. */
    ROLLED_BACK_AUTOMATICALLY,
    /** A reload replaced the generation on trial. */
    SUPERSEDED,
    /** The host closed its swapper. */
    CLOSED;

    /** Whether the kept generation became current again. */
    public boolean rolledBack() {
        return this == ROLLED_BACK || this == ROLLED_BACK_AUTOMATICALLY;
    }
}
