package io.hotswap.runtime.event;

/**
 * Something attached to a swapper that follows its life through {@link SwapperEvent}s: the
 * management endpoint and MBean, the file watch. The swapper makes its attachments when it is
 * built and tells them what happens; it knows nothing else of them.
 */
public interface SwapperAttachment {

    /**
     * Called after the swapper's reload lock is released. An exception is logged by the swapper
     * and does not reach the other attachments nor the caller.
     */
    void on(SwapperEvent event);
}
