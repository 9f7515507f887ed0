package io.hotswap.runtime;

/**
 * A host's own judgement of a generation on probation: an error rate it measures, a health
 * endpoint, a smoke call. Called on the runtime's probation thread at the rule's interval while
 * the generation is on trial; it should answer within a fraction of that interval.
 *
 * @since 0.3
 */
@FunctionalInterface
public interface HealthCheck {

    /**
     * @param generation the generation on probation (the current one)
     * @return false to have it rolled back; so does an exception, or no answer within the swapper's
     *         {@linkplain Swapper.Builder#hookTimeout hook timeout}
     */
    boolean healthy(Generation generation) throws Exception;
}
