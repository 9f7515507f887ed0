package io.hotswap.protocol;

/**
 * How a probation ended, on the wire by its constant's name ({@code ROLLED_BACK_AUTOMATICALLY}):
 * {@code PASSED} (the rule held for the whole time; the kept generation is freed),
 * {@code ROLLED_BACK} (on request) or {@code ROLLED_BACK_AUTOMATICALLY} (the host's rule failed:
 * the kept generation is current again), {@code SUPERSEDED} (a reload replaced the generation on
 * trial) or {@code CLOSED} (the host closed its swapper).
 *
 * @since 0.3
 */
public enum ProbationVerdict {
    PASSED, ROLLED_BACK, ROLLED_BACK_AUTOMATICALLY, SUPERSEDED, CLOSED
}
