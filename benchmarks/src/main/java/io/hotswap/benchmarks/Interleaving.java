package io.hotswap.benchmarks;

/**
 * A figure and its floor measured in the same round, in alternating order: round {@code i} runs
 * the figure first when {@code i} is even, the floor first when it is odd, so that neither always
 * runs on the heels of the other's garbage.
 */
final class Interleaving {

    /** One timed part of a round. */
    interface Part {
        void run() throws Exception;
    }

    /** One timed part that measures itself: the nanoseconds of its {@code i}-th round. */
    interface Timed {
        long time(int i) throws Exception;
    }

    private Interleaving() {
    }

    /**
     * {@code warmup} rounds, then {@code runs} measured ones, of {@code figure} and {@code floor}
     * in turn (see {@link #inTurn}); returns the measured nanoseconds, the figure's then the floor's.
     */
    static long[][] measure(int warmup, int runs, Timed figure, Timed floor) throws Exception {
        long[][] samples = new long[2][runs];
        for (int i = 0; i < warmup + runs; i++) {
            int round = i;
            long[] took = new long[2];
            inTurn(i, () -> took[0] = figure.time(round), () -> took[1] = floor.time(round));
            if (i >= warmup) {
                samples[0][i - warmup] = took[0];
                samples[1][i - warmup] = took[1];
            }
        }
        return samples;
    }

    static void inTurn(int i, Part figure, Part floor) throws Exception {
        if (i % 2 == 0) {
            figure.run();
            floor.run();
        } else {
            floor.run();
            figure.run();
        }
    }
}
