package io.hotswap.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that plugin code runs on when the runtime must be able to stop waiting for it: a
 * reload's build (every hook of it) and each {@code onFree}. The caller waits with a limit; a task
 * past its limit is interrupted and abandoned, its thread left to finish (or not) on its own, so a
 * plugin that never returns cannot hold the reload lock nor the freeing of other generations.
 * Daemon threads, made as needed and kept a minute.
 */
final class HookThreads implements AutoCloseable {

    private final String swapper;
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool;

    HookThreads(String swapper) {
        this.swapper = swapper;
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hotswap-hook-" + swapper + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code task} on a thread of its own. */
    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** Interrupts what still runs; never waits for it. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "hook threads of " + swapper;
    }
}
