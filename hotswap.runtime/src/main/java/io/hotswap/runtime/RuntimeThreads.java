package io.hotswap.runtime;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The runtime's own background threads (freeing, probation): daemon threads, so that a host that
 * forgets {@code close()} still exits, named after their swapper for thread dumps and the leak watch.
 */
final class RuntimeThreads {

    private RuntimeThreads() {
    }

    /** One daemon thread that runs scheduled tasks in order; cancelled tasks leave its queue at once. */
    static ScheduledThreadPoolExecutor scheduler(String name) {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
