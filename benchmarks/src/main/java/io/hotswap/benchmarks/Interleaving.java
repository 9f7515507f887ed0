package io.hotswap.benchmarks;

/**
 * Parts measured in the same round, in rotating order: round {@code i} starts with part
 * {@code i mod n} and goes on in turn, so that each runs first as often as the others, and a drift
 * of the machine's load falls on all of them alike. With two parts, a figure and its floor, the
 * figure runs first in even rounds and the floor in odd ones, so that neither always runs on the
 * heels of the other's garbage; with more, each part follows the same one whenever it is not first.
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
     * {@code warmup} rounds, then {@code runs} measured ones, of every part in turn (see
     * {@link #inTurn}); returns the measured nanoseconds of each part, in the order given.
     */
    static long[][] measure(int warmup, int runs, Timed... parts) throws Exception {
        long[][] samples = new long[parts.length][runs];
        for (int i = 0; i < warmup + runs; i++) {
            int round = i;
            long[] took = new long[parts.length];
            Part[] timed = new Part[parts.length];
            for (int k = 0; k < parts.length; k++) {
                int which = k;
                timed[k] = () -> took[which] = parts[which].time(round);
            }
            inTurn(i, timed);
            if (i >= warmup) {
                for (int k = 0; k < parts.length; k++) {
                    samples[k][i - warmup] = took[k];
                }
            }
        }
        return samples;
    }

    /** Runs the parts of round {@code i}: part {@code i mod n} first, then the rest in turn. */
    static void inTurn(int i, Part... parts) throws Exception {
        for (int k = 0; k < parts.length; k++) {
            parts[(i + k) % parts.length].run();
        }
    }
}
