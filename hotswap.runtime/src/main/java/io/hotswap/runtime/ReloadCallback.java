package io.hotswap.runtime;

/**
 * Asked by the swapper, under the reload lock, after a new generation was fully built and before
 * it becomes current. Answer {@code false} (or throw) to veto: the new generation's plugins are
 * freed, the previous generation stays current and the reload fails with a {@link SwapException}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ReloadCallback {

    /**
     * @param next     the generation about to become current
     * @param previous the current generation (empty, numbered 0, on the first load)
     * @return whether the swap may go ahead
     */
    boolean accept(Generation next, Generation previous) throws Exception;
}
