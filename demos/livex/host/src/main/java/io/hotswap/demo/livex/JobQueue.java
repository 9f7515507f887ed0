package io.hotswap.demo.livex;

import io.hotswap.api.LiveData;
import io.hotswap.demo.livex.spi.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The host's job queue: jobs ordered by when they are due. It outlives every reload; what it
 * holds are names and live data, so no job keeps a plugin version in memory.
 */
final class JobQueue {

    /** One queued job: only host and JDK types, no plugin class. */
    record Job(long number, long dueNanos, String liveFunction, LiveData data) {
    }

    private final PriorityBlockingQueue<Job> jobs =
            new PriorityBlockingQueue<>(64, (a, b) -> Long.compare(a.dueNanos(), b.dueNanos()));
    private final AtomicLong numbers = new AtomicLong();

    /** A scheduler for one generation's extension, writing into this queue. */
    Scheduler scheduler() {
        return (delay, liveFunction, data) -> {
            Objects.requireNonNull(liveFunction, "liveFunction");
            Objects.requireNonNull(data, "data");
            long n = numbers.incrementAndGet();
            jobs.add(new Job(n, System.nanoTime() + delay.toNanos(), liveFunction, data));
            return n;
        };
    }

    /** Removes and returns the jobs due by now, oldest first. */
    List<Job> takeDue() {
        long now = System.nanoTime();
        List<Job> due = new ArrayList<>();
        for (Job head; (head = jobs.peek()) != null && head.dueNanos() - now <= 0; ) {
            // Only the tick thread takes: poll() returns head, or a job added since that is due no later.
            due.add(jobs.poll());
        }
        return due;
    }
}
