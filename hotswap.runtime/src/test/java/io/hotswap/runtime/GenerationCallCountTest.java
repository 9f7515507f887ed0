package io.hotswap.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The call count of a generation, on its own: calls are counted on stripes by thread, and a
 * generation is freed only when no call is inside it, after which no call gets in.
 */
class GenerationCallCountTest {

    private static Generation generation() {
        return Generation.empty(LoggerFactory.getLogger(GenerationCallCountTest.class));
    }

    @Test
    void anOpenGenerationCountsCallsFromManyThreadsAndIsNeverFreedBeforeItsFreeIsDue() throws Exception {
        Generation g = generation();
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch inside = new CountDownLatch(threads);
        CountDownLatch leave = new CountDownLatch(1);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    g.enter();
                    try {
                        inside.countDown();
                        leave.await();
                    } finally {
                        g.exit();
                    }
                    return null;
                }));
            }
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(g.callsInFlight()).isEqualTo(threads);
            g.retire(() -> { });
            assertThat(g.closeIfDrained()).as("not due yet").isFalse();
            assertThat(g.tryEnter()).as("an open generation takes calls").isTrue();
            g.exit();

            leave.countDown();
            for (Future<?> f : calls) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(g.callsInFlight()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Callers enter and leave in a loop while the free becomes due; the drained callback (as the
     * retirement does) tries to free. Once freed, no caller is inside and none gets in.
     */
    @RepeatedTest(5)
    void onceFreedNoCallIsInsideAndNoneGetsIn() throws Exception {
        Generation g = generation();
        int threads = 4;
        AtomicInteger inside = new AtomicInteger();
        AtomicLong entered = new AtomicLong();
        AtomicBoolean freed = new AtomicBoolean();
        AtomicInteger insideAtFree = new AtomicInteger(-1);
        AtomicInteger freedTimes = new AtomicInteger();
        Runnable tryFree = () -> {
            if (g.closeIfDrained()) {
                insideAtFree.set(inside.get());
                freedTimes.incrementAndGet();
                freed.set(true);
            }
        };
        g.retire(tryFree);
        CyclicBarrier start = new CyclicBarrier(threads + 1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> callers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                callers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    int afterFree = 0;
                    while (!freed.get()) {
                        if (g.tryEnter()) {
                            inside.incrementAndGet();
                            entered.incrementAndGet();
                            if (freed.get()) {
                                afterFree++;
                            }
                            inside.decrementAndGet();
                            g.exit();
                        }
                    }
                    for (int k = 0; k < 1_000; k++) {
                        if (g.tryEnter()) {
                            afterFree++;
                            g.exit();
                        }
                    }
                    return afterFree;
                }));
            }
            start.await(10, TimeUnit.SECONDS);
            // Let the callers run, then make the free due while they are at it.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> entered.get() > 10_000);
            g.markFreeDue();
            tryFree.run();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilTrue(freed);

            for (Future<Integer> f : callers) {
                assertThat(f.get(10, TimeUnit.SECONDS)).as("calls that got in after the free").isZero();
            }
            assertThat(insideAtFree.get()).as("callers inside when it was freed").isZero();
            assertThat(freedTimes.get()).as("freed exactly once").isEqualTo(1);
            assertThat(g.callsInFlight()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
