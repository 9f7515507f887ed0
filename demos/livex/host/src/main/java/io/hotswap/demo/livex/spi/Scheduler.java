package io.hotswap.demo.livex.spi;

import io.hotswap.api.LiveData;
import java.time.Duration;

/**
 * The extension object of the livex demo: where plugins schedule jobs on the host's queue.
 *
 * <p>A job names a live function and carries {@link LiveData}, never a plugin object: the queue
 * holds no reference to any plugin class, so it pins no old plugin version, and when the job runs
 * the host looks the function up in the then-current generation: the newest code handles it.
 */
public interface Scheduler {

    /**
     * Queues a job: after {@code delay} the host calls the live function {@code liveFunction} of
     * the generation current at that time with {@code data} as its one argument.
     *
     * @return the job's number
     */
    long schedule(Duration delay, String liveFunction, LiveData data);
}
