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
     * Queues a job: after {@code delay} the host restores {@code data} into the live type it was
     * captured from, as the generation current at that time has it, and calls that generation's
     * live function {@code liveFunction} with the restored object as its one argument.
     *
     * @param data captured from an object of a live type, through the plugin's
     *             {@code vault.liveTypes().capture(object)}
     * @return the job's number
     */
    long schedule(Duration delay, String liveFunction, LiveData data);
}
