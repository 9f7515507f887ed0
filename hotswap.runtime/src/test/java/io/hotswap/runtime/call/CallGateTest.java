package io.hotswap.runtime.call;

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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The call gate of a generation, on its own: calls are counted on stripes by thread, and a
 * generation is freed only when no call is inside it, after which no call gets in.
 */
class CallGateTest {

    @Test
    void anOpenGenerationCountsCallsFromManyThreadsAndIsNeverFreedBeforeItsFreeIsDue() throws Exception {
        AtomicInteger drained = new AtomicInteger();
        CallGate g = new CallGate("generation 1", gate -> drained.incrementAndGet());
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
            assertThat(g.closeIfDrained()).as("not due yet").isFalse();
            assertThat(g.tryEnter()).as("an open generation takes calls").isTrue();
            g.exit();

            leave.countDown();
            for (Future<?> f : calls) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertThat(g.callsInFlight()).isZero();
            assertThat(drained.get()).as("an open gate never reports drained").isZero();
            assertThat(g.state()).isEqualTo(CallGate.State.OPEN);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosingGateRefusesNewCallsNamingItsOwnerAndReportsDrainedWhenTheLastCallLeaves() {
        AtomicInteger drained = new AtomicInteger();
        CallGate g = new CallGate("generation 7", gate -> drained.incrementAndGet());
        g.enter();
        assertThat(g.markFreeDue()).isTrue();
        assertThat(g.markFreeDue()).as("a second request is no transition").isFalse();
        assertThat(g.state()).isEqualTo(CallGate.State.CLOSING);
        org.assertj.core.api.Assertions.assertThatThrownBy(g::enter).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("generation 7 was replaced");
        assertThat(g.closeIfDrained()).as("a call is inside").isFalse();
        assertThat(drained.get()).isZero();

        g.exit();

        assertThat(drained.get()).isEqualTo(1);
        assertThat(g.closeIfDrained()).isTrue();
        assertThat(g.closeIfDrained()).as("closed exactly once").isFalse();
        assertThat(g.state()).isEqualTo(CallGate.State.CLOSED);
    }

    /**
     * Callers enter and leave in a loop while the free becomes due; the drained callback (as the
     * retirement does) tries to free. Once freed, no caller is inside and none gets in.
     */
    @RepeatedTest(5)
    void onceFreedNoCallIsInsideAndNoneGetsIn() throws Exception {
        AtomicReference<Runnable> onDrained = new AtomicReference<>(() -> { });
        CallGate g = new CallGate("generation 1", gate -> onDrained.get().run());
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
        onDrained.set(tryFree);
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
